import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// A load that keeps some columns (`KeptColumns`): the same rows, set-asides and values
/// in the columns kept as a load of every column, the others left out.
@Suite struct KeptColumnsTests {
  static let files = [
    "customers.csv": "id,tier,note,joined\nC-1,gold,likes cats,2025-01-02T00:00:00Z\nC-2,silver,,2025-03-04T00:00:00Z\n"
      + "C-3,gold,\"says \"\"hi\"\"\",not a time\n",
    // csat, declared an integer, has one misfit row, set aside whether the column is kept or not.
    "tickets.csv": "id,customer_id,subject,csat,opened_at\n"
      + (1...40).map { "T-\($0),C-\($0 % 3 + 1),\"Late, again\",\($0 % 5),2026-07-0\($0 % 9 + 1)T00:00:00Z" }
      .joined(separator: "\n") + "\nT-41,C-1,Fine,n/a,2026-07-01T00:00:00Z\n",
    "calls.jsonl": "{\"id\": \"K-1\", \"customer_id\": \"C-3\", \"agent\": \"Ann\", \"minutes\": 4}\n"
      + "{\"id\": \"K-2\", \"customer_id\": \"C-1\", \"agent\": \"Bo\", \"minutes\": 7}\n",
  ]

  static func load(_ folder: ScratchFolder, keeping kept: KeptColumns) throws -> Dataset {
    func spec(_ name: String, _ file: String, link: String? = nil) -> TableSpec {
      var spec = TableSpec(
        name: name, path: folder.path(file), linkColumn: link,
        declaredTypes: name == "tickets" ? ["csat": .integer] : [:])
      spec.keptColumns = kept
      return spec
    }
    return try DatasetLoader.load(
      customers: spec("customers", "customers.csv"),
      events: [spec("tickets", "tickets.csv", link: "customer_id"), spec("calls", "calls.jsonl", link: "customer_id")],
      strict: false)
  }

  /// A playbook over `files`' customers and tickets whose one rule fires `when` this.
  static func writePlaybook(in folder: ScratchFolder, when condition: String) throws -> String {
    try folder.write(
      """
      playbook "p"
      as of 2026-11-01T00:00:00Z
      load customers from "customers.csv"
      load tickets from "tickets.csv" link customer_id
      channel email address customer.id requires customer.tier == "gold"
      offer A "a" valid 30d
      rule r
        when \(condition)
        send A via email
      """, to: "p.playbook")
  }

  @Test func columnsLeftOutAreReadButNotKept() throws {
    let folder = try ScratchFolder("kept", files: Self.files)
    defer { folder.remove() }
    let all = try Self.load(folder, keeping: .all)
    let some = try Self.load(folder, keeping: .named(["id", "customer_id", "tier", "opened_at"]))
    #expect(some.customers.names == ["id", "tier"])
    #expect(some.events["tickets"]?.names == ["id", "customer_id", "opened_at"])
    #expect(some.events["calls"]?.names == ["id", "customer_id"])
    // The misfit in csat and the text in `joined` (columns left out) are judged alike.
    #expect(all.setAside.map(\.line) == [42])
    #expect(some.setAside == all.setAside)
    for (name, table) in [("customers", some.customers)] + some.events.sorted(by: { $0.key < $1.key }) {
      let whole = try #require(name == "customers" ? all.customers : all.events[name])
      #expect(table.rowCount == whole.rowCount)
      for column in table.columns {
        let same = try #require(whole.columns.first { $0.name == column.name })
        #expect(column.type == same.type, "\(name).\(column.name)")
        #expect((0..<table.rowCount).map(column.cell) == (0..<whole.rowCount).map(same.cell), "\(name).\(column.name)")
      }
    }
    #expect(all.customers.names == ["id", "tier", "note", "joined"])
    #expect(all.customers.columns[3].type == .text)
  }

  /// A column left out is tallied a block of rows at a time as the chunk is read, never
  /// stored (`ColumnTyper.tally`): its minority misfits must still set the same rows
  /// aside, on the right lines, past the first blocks and across chunks; times in other
  /// forms, quoted times and nulls among canonical ones must count as they do kept.
  @Test(arguments: [1, 3])
  func columnsLeftOutSetTheSameRowsAsideByMajority(chunks: Int) throws {
    func row(_ r: Int) -> String {
      let score = r == 2500 ? "n/a" : r % 7 == 0 ? "" : "\(r % 90)"
      let at =
        switch r {
        case 1500: "2026-07-04 10:00:00+02:00"
        case 1800: "soon"
        case 2600: "\"2026-07-04T11:00:00Z\""
        default: r % 11 == 0 ? "" : Timestamp.format(Int64(1_780_000_000 + r * 3_607))
        }
      let flag = r == 1100 ? "maybe" : r % 2 == 0 ? "true" : "false"
      let csat = r == 2900 ? "great" : "\(r % 5)"
      return "C-\(r),\(score),\(at),\(flag),note \(r),\(csat)"
    }
    let text = "id,score,at,flag,note,csat\n" + (0..<3000).map(row).joined(separator: "\n") + "\n"
    func read(_ kept: KeptColumns) throws -> (table: Table, setAside: [SetAsideRow]) {
      let raw = try TableReader.readRaw(
        FileBytes(copying: Array(text.utf8)), format: .csv, file: "t.csv", declaredTypes: ["csat": .integer],
        kept: kept, chunkCount: chunks)
      let typing = TableTyping(raw, name: "t", file: "t.csv", declaredTypes: ["csat": .integer])
      #expect(typing.types == [.text, .integer, .timestamp, .boolean, .text, .integer])
      return try TableReader.build(raw, typing, name: "t", file: "t.csv", kept: kept)
    }
    let all = try read(.all)
    let some = try read(.named(["id"]))
    #expect(some.table.names == ["id"])
    #expect(all.setAside.map(\.line) == [1102, 1802, 2502, 2902])
    #expect(some.setAside == all.setAside)
    #expect(some.table.rowCount == all.table.rowCount)
    #expect(
      (0..<some.table.rowCount).map(some.table.columns[0].cell)
        == (0..<all.table.rowCount).map(all.table.columns[0].cell))
  }

  @Test func namesThatAreNotOneWordAreAlwaysKept() {
    let kept = KeptColumns.named(["id"])
    #expect(kept.keeps("id"))
    #expect(!kept.keeps("agent"))
    #expect(kept.keeps("Time Zone"))
    #expect(kept.keeps("prénom"))
    #expect(KeptColumns.all.keeps("agent"))
  }

  @Test func aRunUsesTheWordsOfItsPlaybookAndWhatItsLoadsImply() throws {
    let text = """
      playbook "p"
      load customers from "c.csv"
      load calls from "k.jsonl" link customer_id
        with opened = started_at
      channel email address customer.email requires customer.email_opt_in
      offer A "a" valid 30d
      # the tier is not read, but a comment names it
      rule r
        when call open for 1h and call.transcript contains "cancel"
        send A via email
      """
    let source = SourceFile(path: "p.playbook", text: text)
    let (playbook, _) = PlaybookParser.parse(source)
    let (model, _) = PlaybookChecker.declarations(of: playbook, file: "p.playbook")
    let kept = Workspace.columnsUsed(by: model, source: source)
    for name in ["id", "customer_id", "email", "email_opt_in", "transcript", "started_at", "tier"] {
      #expect(kept.keeps(name), "\(name)")
    }
    // Lifecycle times a load implies are kept: a row whose times go backwards is set aside.
    #expect(kept.keeps("first_response_at"))
    #expect(kept.keeps("resolved_at"))
    for name in ["agent", "ended_at", "phone", "name"] { #expect(!kept.keeps(name), "\(name)") }
  }

  @Test func aFailedCheckSaysWhatItSaysWithEveryColumn() throws {
    let folder = try ScratchFolder("kept", files: Self.files)
    defer { folder.remove() }
    // `subjct`: the hint names `subject`, a column the words of the playbook do not name.
    let playbook = try Self.writePlaybook(in: folder, when: #"ticket.subjct contains "late""#)
    func diagnostics(_ usedColumnsOnly: Bool) -> [Diagnostic] {
      do {
        _ = try Workspace.open(path: playbook, usedColumnsOnly: usedColumnsOnly)
        return []
      } catch {
        return error.diagnostics
      }
    }
    let all = diagnostics(false)
    #expect(all.contains { $0.hint?.contains("subject") == true })
    #expect(diagnostics(true) == all)
  }

  @Test func aWorkspaceKeepsAllWithSnapshotsOrUnlessAsked() throws {
    let folder = try ScratchFolder("kept", files: Self.files)
    defer { folder.remove() }
    let playbook = try Self.writePlaybook(in: folder, when: #"ticket.subject contains "late""#)
    let used = try Workspace.open(path: playbook, usedColumnsOnly: true)
    #expect(used.dataset.customers.names == ["id", "tier"])
    #expect(used.dataset.events["tickets"]?.names == ["id", "customer_id", "subject", "opened_at"])
    #expect(try Workspace.open(path: playbook).dataset.customers.names.count == 4)
    let cache = SnapshotCache(folder: folder.path("cache"), programVersion: "test")
    #expect(try Workspace.open(path: playbook, cache: cache, usedColumnsOnly: true).dataset.customers.names.count == 4)
  }
}
