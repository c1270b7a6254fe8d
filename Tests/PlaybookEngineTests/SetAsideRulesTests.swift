import Foundation
import PlaybookLanguage
import PlaybookReporting
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Rows set aside are never silent: a table whose every row was set aside is an error,
/// one over the allowed share a warning; lifecycle times that run backwards set their
/// row aside; `check` shows set-aside rows before the errors they cause; `explain` shows
/// a customer's.
@Suite struct SetAsideRulesTests {
  static let customers = "id,tier\nC-1,gold\nC-2,silver\n"

  func load(
    _ tickets: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard,
    lifecycle: [String: String] = TableBinding.lifecycleDefaults
  ) throws -> Dataset {
    let folder = try ScratchFolder("setaside", files: ["customers.csv": Self.customers, "tickets.csv": tickets])
    var spec = TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")
    spec.lifecycleColumns = lifecycle
    return try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: [spec], strict: strict,
      maxSetAside: maxSetAside)
  }

  @Test func everyRowSetAsideIsAnErrorNamingTheFirstReasons() throws {
    let error = #expect(throws: LoadError.self) {
      try self.load("id,customer_id\nT-1,C-9\nT-2,C-1,extra\nT-3,\nT-4,C-8\n")
    }
    #expect(error?.kind == .allSetAside)
    #expect(error?.code == .loadAllSetAside)
    #expect(error?.line == 2)
    #expect(
      error?.message
        == "every row was set aside (4 rows): line 2: customer \"C-9\" does not exist; "
        + "line 3: expected 2 fields, found 3; line 4: no customer: customer_id is empty; and 1 more")
  }

  @Test func moreThanTheShareSetAsideIsNotedAndAnErrorUnderStrict() throws {
    // 1 of 20 rows is 5%: allowed; 2 of 20 is over.
    func tickets(_ bad: Int) -> String {
      "id,customer_id\n" + (1...20).map { "T-\($0),\($0 <= bad ? "C-9" : "C-1")\n" }.joined()
    }
    #expect(try load(tickets(1)).overSetAsideLimit.isEmpty)
    let over = try load(tickets(2))
    #expect(over.overSetAsideLimit.map(\.setAside) == [2])
    #expect(over.overSetAsideLimit.map(\.rows) == [20])
    #expect(
      over.setAsideWarnings(first: 1).map(\.message) == [
        "2 of 20 rows (10%) set aside, more than the 5% allowed", "row set aside: customer \"C-9\" does not exist",
      ])
    #expect(try load(tickets(2), maxSetAside: 0.1).overSetAsideLimit.isEmpty)
    #expect(try load(tickets(1), maxSetAside: 0).overSetAsideLimit.map(\.setAside) == [1])
    let strict = #expect(throws: LoadError.self) { try self.load(tickets(2), strict: true) }
    #expect(strict?.kind == .badRow)
    #expect(strict?.message == "customer \"C-9\" does not exist (and 1 more rows set aside)")
  }

  @Test(arguments: ["5%", "5", " 5%"])
  func theShareIsWrittenAsAPercent(_ text: String) {
    #expect(SetAsideLimit.share(text) == (text == " 5%" ? nil : 0.05))
    #expect(SetAsideLimit.share("0.5%") == 0.005)
    #expect(SetAsideLimit.share("101%") == nil)
    #expect(SetAsideLimit.share("-1") == nil)
  }

  @Test func aLifecycleTimeBeforeOpenedSetsTheRowAside() throws {
    let data = try load(
      """
      id,customer_id,opened_at,first_response_at,resolved_at
      T-1,C-1,2026-05-01T12:00:00Z,2026-05-01T12:30:00Z,2026-05-01T09:00:00Z
      T-2,C-2,2026-05-01T12:00:00Z,2026-05-01T11:59:00Z,
      T-3,C-1,2026-05-01T12:00:00Z,,2026-05-01T12:00:00Z
      T-4,C-2,,,2026-05-01T09:00:00Z
      """, maxSetAside: 1)
    #expect(
      data.setAside == [
        SetAsideRow(
          table: "tickets", file: data.setAside.first?.file ?? "", line: 2,
          reason: "resolved 2026-05-01T09:00:00Z is before opened 2026-05-01T12:00:00Z", customer: "C-1"),
        SetAsideRow(
          table: "tickets", file: data.setAside.first?.file ?? "", line: 3,
          reason: "responded 2026-05-01T11:59:00Z is before opened 2026-05-01T12:00:00Z", customer: "C-2"),
      ])
    let tickets = try #require(data.events["tickets"])
    #expect(tickets.rowCount == 2)
    #expect(tickets.lines == [4, 5])
    #expect(Array(try #require(data.links["tickets"]).rows(ofCustomer: 0)) == [0])
    #expect(Array(try #require(data.links["tickets"]).rows(ofCustomer: 1)) == [1])
  }

  @Test func lifecycleColumnsAreTheOnesTheLoadMapsTheFieldsTo() throws {
    let tickets =
      "id,customer_id,start,closed,resolved_at\nT-1,C-1,2026-05-02,2026-05-01,2026-05-01\n"
      + "T-2,C-1,2026-05-02,2026-05-03,2026-05-01\n"
    let mapped = try load(tickets, maxSetAside: 1, lifecycle: ["opened": "start", "resolved": "closed"])
    #expect(mapped.setAside.map(\.reason) == ["resolved 2026-05-01T00:00:00Z is before opened 2026-05-02T00:00:00Z"])
    // Without an opened column, nothing is compared.
    let unmapped = try load(tickets)
    #expect(unmapped.setAside.isEmpty)
  }

  @Test func checkShowsTheRowsSetAsideBeforeTheTypeErrorTheyCause() throws {
    var orders = "id,customer_id,total\n"
    for row in 1...200 { orders += "O-\(row),C-1,\(row == 9 ? "n/a" : "\(row).5")\n" }
    let folder = try ScratchFolder(
      "setaside", files: ["customers.csv": Self.customers, "orders.csv": orders])
    let path = try folder.write(
      """
      playbook "T"
      load customers from "customers.csv"
      load orders from "orders.csv" link customer_id
      channel email address customer.tier
      offer A "A"
      rule r
        when order.total contains "x"
        send A via email
      """, to: "t.playbook")
    do {
      _ = try Workspace.open(path: path)
      Issue.record("a text operator over a decimal column should not check")
    } catch {
      let codes = error.diagnostics.map(\.code)
      #expect(codes.first == .rowSetAside)
      #expect(codes.last == .typeError)
      #expect(error.diagnostics.first?.message == "row set aside: total 'n/a' is not a decimal")
      #expect(error.diagnostics.first?.hint == "if total holds text, say so on the load: types total = text")
      #expect(error.diagnostics.first?.range == .line(10))
    }
  }

  @Test func explainSaysWhichOfTheCustomersRowsWereSetAsideAndWhy() throws {
    var tickets = "id,customer_id,kind,csat,opened_at,resolved_at\n"
    for row in 1...120 {
      let csat = row == 5 ? "great" : String(row % 5 + 1)
      tickets += "T-\(row),C-\(row % 4 + 1),complaint,\(csat),2026-10-30T09:00:00Z,2026-10-30T10:00:00Z\n"
    }
    tickets += "T-121,C-2,complaint,3,2026-10-30T09:00:00Z,2026-10-29T10:00:00Z\n"
    let f = try EngineFixture(
      playbook: EngineFixture.header + "rule r\n  when complaint.csat >= 4\n  send A via email\n",
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    let explanation = try Explainer(plan: f.run().plan).explain(customerID: "C-2")
    #expect(
      explanation.setAside.map { "\($0.line) \($0.reason)" } == [
        "6 csat 'great' is not an integer",
        "122 resolved 2026-10-29T10:00:00Z is before opened 2026-10-30T09:00:00Z",
      ])
    let lines = explanation.detailText().split(separator: "\n").map(String.init)
    #expect(
      lines.suffix(3) == [
        "set aside: \(f.directory)/tickets.csv line 6 (tickets): csat 'great' is not an integer",
        "set aside: \(f.directory)/tickets.csv line 122 (tickets): resolved 2026-10-29T10:00:00Z is before opened "
          + "2026-10-30T09:00:00Z",
        "⇒ C-2 gets nothing",
      ])
    let json = explanation.json.prettyText
    #expect(json.contains("\"reason\": \"csat 'great' is not an integer\""))
    #expect(json.contains("\"line\": 122"))
    // Another customer's explanation has none.
    #expect(try Explainer(plan: f.run().plan).explain(customerID: "C-3").setAside.isEmpty)
  }
}

/// A large table's lifecycle times are checked in parallel over ranges of rows: the
/// rows found at the ranges' edges are the ones a row-by-row pass finds, in row order.
/// A key repeated anywhere among a million ascending ones is found too.
@Suite struct SetAsideInPartsTests {
  static let rowCount = 1_000_000
  /// Rows whose response comes before their opening: at the first and last row, and on
  /// both sides of a quarter and of half the table, where ranges meet for any number of
  /// cores (`Partitions` makes four ranges per core).
  static let backward: [Int] = [0, 249_999, 250_000, 499_999, 500_000, 999_999]

  /// The table, its key at row `repeated` the same as the row's before.
  static func table(repeated: Int) -> KeyedTable {
    let n = rowCount
    let opened = (0..<n).map { Int64($0) * 60 }
    let responded = (0..<n).map { backward.contains($0) ? Int64($0) * 60 - 1 : Int64($0) * 60 + 30 }
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    for row in 0..<n {
      bytes += Array("T-\(String(row == repeated ? row - 1 : row).leftPadded(to: 7))".utf8)
      ends.append(UInt32(bytes.count))
    }
    let keys = TextColumn(bytes: ColumnArray(bytes), ends: ColumnArray(ends))
    let columns = [
      Column(name: "id", type: .text, values: .text(keys), nulls: NullMask(count: n)),
      Column(name: "opened_at", type: .timestamp, values: .timestamp(ColumnArray(opened)), nulls: NullMask(count: n)),
      Column(
        name: "first_response_at", type: .timestamp, values: .timestamp(ColumnArray(responded)),
        nulls: NullMask(count: n)),
    ]
    let table = Table(
      name: "tickets", file: "tickets.csv", rowCount: n, columns: columns, lines: RowLines(first: 2, count: n))
    return KeyedTable(table: table, setAside: [], keys: keys, link: nil, fileBytes: 0, warnings: [])
  }

  @Test func backwardRowsAtThePartsEdgesAreAllFoundInOrder() {
    var spec = TableSpec(name: "tickets", path: "tickets.csv")
    spec.lifecycleColumns = ["opened": "opened_at", "responded": "first_response_at"]
    var keyed = Self.table(repeated: -1)
    keyed.setAsideBackwardsLifecycles(spec)
    #expect(keyed.setAside.map(\.line) == Self.backward.map { $0 + 2 })
    #expect(keyed.table.rowCount == Self.rowCount - Self.backward.count)
  }

  /// Keys in ascending order are known not to repeat without an index; one repeated
  /// key anywhere breaks the order, and is found.
  @Test(arguments: [333_334, 333_333, 1, 999_999])
  func aKeyRepeatedWhereThePartsMeetIsFound(row: Int) {
    var keyed = Self.table(repeated: row)
    keyed.setAsideRepeatedKeys(TableSpec(name: "tickets", path: "tickets.csv"))
    let key = "T-\(String(row - 1).leftPadded(to: 7))"
    #expect(keyed.setAside.map(\.reason) == ["ticket \"\(key)\" is already on line \(row + 1)"])
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
