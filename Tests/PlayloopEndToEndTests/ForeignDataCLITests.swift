import Foundation
import PlayloopTestSupport
import Testing

/// Other people's files through the real binary: a gzip customers file with a repeated
/// header name, a Latin-1 orders file with semicolons, and the same file refused when
/// the playbook does not say its encoding.
@Suite struct ForeignDataCLITests {
  static func playbook(encoding: String) -> String {
    """
    playbook "Foreign"
    as of 2026-11-01T00:00:00Z
    load customers from "customers.csv.gz"
    load orders from "orders.csv" key order_no\(encoding)
      delimiter ";"
      with label = column_5
    channel email address customer.name
    offer A "A" valid 10d
    rule big
      when order.amount > 30 and order.label == "crème"
      send A via email

    """
  }

  /// Latin-1, semicolons, and a repeated header name (`note`, columns 4 and 5).
  static let orders = Data(
    "order_no;customer_id;amount;note;note\nO-1;C-1;45;x;crème\nO-2;C-2;10;y;déjà\n".data(using: .isoLatin1)!)

  static func folder() throws -> ScratchFolder {
    let folder = try ScratchFolder("foreign", files: [:])
    try orders.write(to: URL(fileURLWithPath: folder.path("orders.csv")))
    try FileManager.default.copyItem(
      atPath: Repository.path("Tests/PlaybookEngineTests/ForeignData/customers.csv.gz"),
      toPath: folder.path("customers.csv.gz"))
    return folder
  }

  @Test func aGzipAndALatin1SemicolonFileLoadAndDecide() throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let path = try folder.write(Self.playbook(encoding: "\n  encoding \"latin1\""), to: "foreign.playbook")
    let orders = folder.path("orders.csv")
    let warning = """
      \(orders):1: warning: 'note' names columns 4 and 5: read as column_4 and column_5
        hint: use it by that name, or give it one: with note = column_4

      """
    let check = try ChildProcess.playloop(["check", path], environment: ["NO_COLOR": "1"])
    #expect(check.status == 0)
    #expect(check.stdout == "\(path): ok (1 rules, 1 offers)\n")
    #expect(check.stderr == warning)
    let run = try ChildProcess.playloop(["run", "--dry-run", path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
    #expect(run.stderr == warning)
    // With --json the warning is in the document, next to the one decision.
    let json = try ChildProcess.playloop(["run", "--dry-run", "--json", path], environment: ["NO_COLOR": "1"])
    #expect(json.status == 0)
    let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let statuses = summary?["statuses"] as? [String: Any]
    #expect(statuses?["send"] as? Int == 1, "\(json.stdout)")
    let diagnostics = summary?["diagnostics"] as? [[String: Any]]
    #expect(diagnostics?.map { $0["code"] as? String } == ["load_renamed_columns"])
  }

  @Test func theSameFileWithoutItsEncodingIsRefusedAtItsLine() throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let path = try folder.write(Self.playbook(encoding: ""), to: "foreign.playbook")
    let check = try ChildProcess.playloop(["check", path], environment: ["NO_COLOR": "1"])
    #expect(check.status == 2)
    #expect(
      check.stderr == """
        \(folder.path("orders.csv")):2: error: the file is not UTF-8: byte 0xE8 at column 16 of this line (offset 53 in the file)
          hint: 0xE8 is 'è' in Latin-1: if the file is Latin-1, add encoding "latin1" to its load
        \(path):4:18: note: loaded here

        """)
  }
}
