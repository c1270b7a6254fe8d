import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run` of every playbook in Playbooks/ on the example data, compared byte for
/// byte with reviewed expected exports in Expected/<playbook>/ (summary.json without its
/// timings). The service-recovery export was cross-checked against the DuckDB version of
/// the playbook (Benchmarks/duckdb), and the scripted customers against Examples/README.md.
/// Set RECORD_EXPECTED=1 to rewrite the expected files after a reviewed change.
@Suite struct PlaybookGoldenTests {
  static let playbooks = ["service-recovery", "loyalty", "churn-risk", "first-response", "campaigns"]
  static let expected = URL(fileURLWithPath: Repository.path("Tests/PlayloopEndToEndTests/Expected"))

  @Test(arguments: playbooks)
  func exportMatchesTheReviewedOne(_ name: String) throws {
    try ScratchFolder.with("golden") { folder in
      let out = folder.url.appendingPathComponent("out")
      // A playbook that keeps a ledger keeps it here, so every run is the first night.
      let path = "Playbooks/\(name).playbook"
      let ledgered = try String(contentsOfFile: Repository.path(path), encoding: .utf8).contains("\nledger ")
      let ledger = ledgered ? ["--ledger", folder.url.appendingPathComponent("ledger.sqlite").path] : []
      let result = try ChildProcess.playloop(["run", path, "--out", out.path] + ledger)
      #expect(result.status == 0, "\(result.stderr)")
      let want = Self.expected.appendingPathComponent(name)
      let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
      if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] != nil {
        try? FileManager.default.removeItem(at: want)
        try FileManager.default.createDirectory(at: want, withIntermediateDirectories: true)
        for file in files {
          try comparable(out.appendingPathComponent(file)).write(to: want.appendingPathComponent(file))
        }
      }
      #expect(!files.isEmpty)
      #expect(files == (try FileManager.default.contentsOfDirectory(atPath: want.path).sorted()))
      for file in files {
        let got = try comparable(out.appendingPathComponent(file))
        let expected = try Data(contentsOf: want.appendingPathComponent(file))
        #expect(got == expected, "\(name)/\(file) differs from Expected/\(name)/\(file)")
      }
    }
  }

  /// Every playbook shipped in Playbooks/ has a reviewed export, so none goes unchecked.
  @Test func everyShippedPlaybookIsCompared() throws {
    #expect(try Repository.shippedPlaybooks() == Self.playbooks.sorted())
  }

  /// The file's bytes; for summary.json, without the `timings_ms` object and the
  /// machine-specific export path.
  func comparable(_ file: URL) throws -> Data {
    let data = try Data(contentsOf: file)
    guard file.lastPathComponent == "summary.json" else { return data }
    var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    if let start = lines.firstIndex(where: { $0.contains("\"timings_ms\"") }),
      let end = lines[start...].firstIndex(where: { $0.hasPrefix("  }") })
    {
      lines.removeSubrange(start...end)
    }
    lines = lines.filter { !$0.contains("\"directory\"") }
    return Data(lines.joined(separator: "\n").utf8)
  }
}
