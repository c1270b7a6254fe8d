import Foundation
import PlayloopTestSupport
import Testing

/// A 100,000-line data file passed to `check` as a playbook: the parser stops at
/// `PlaybookParser.maxErrors` errors and the lexer, which reads as the parser goes, never
/// reads the rest. Before, the whole file was lexed up front (390 MB for 7 MB of CSV).
@Suite struct DataFileAsPlaybookCLITests {
  @Test func checkStopsReadingAtTheErrorCap() throws {
    var text = "id,customer_id,kind,opened_at,csat\n"
    for i in 0..<100_000 {
      text += "T-\(i),C-\(i % 3000),complaint,2026-10-\(10 + i % 18)T10:00:00Z,\(i % 5 + 1)\n"
    }
    let scratch = try ScratchFolder("garbage", files: ["tickets.playbook": text])
    defer { scratch.remove() }
    // Its data (heap and mappings) limited to 120 MB.
    let check = try MemoryBound.playloop("check --format json tickets.playbook", kilobytes: 120_000, in: scratch.path)
    check.wait()
    #expect(check.status == 1, "\(check.stderr.prefix(500))")
    let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
    let codes = (object?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
    #expect(codes.count == 1_001)
    #expect(codes.last == "too_many_errors")
  }
}
