import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// Spelling decisions out reads texts through plain pointers (`TextColumn.Pointers`) and
/// trigger ids a block ahead (`DecisionSpeller`): every kind of column, null and key must
/// still read as the column itself reads.
@Suite struct DecisionSpellerTests {
  /// Each value of `values`, as the row numbers `rows` name them.
  static func column(_ values: [String], rows: [Int]?) -> TextColumn {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    for value in values {
      bytes += Array(value.utf8)
      ends.append(UInt32(bytes.count))
    }
    let codes = rows.map { TextCodes(narrowing: $0.map(UInt32.init), values: values.count) }
    return TextColumn(bytes: ColumnArray(bytes), ends: ColumnArray(ends), codes: codes)
  }

  /// A value per row, and values kept once with codes of one, two and four bytes.
  @Test(arguments: [0, 5, 300, 70_000])
  func pointersReadWhatTheColumnReads(distinct: Int) {
    let values =
      distinct == 0 ? ["", "T-1", "Zoë", "", "a longer value than fits inline"] : (0..<distinct).map { "v\($0)" }
    let rows = distinct == 0 ? nil : (0..<80_000).map { ($0 * 7_919) % distinct }
    let column = Self.column(values, rows: rows)
    if distinct > 0 {
      switch (distinct, column.codes) {
      case (5, .bytes?), (300, .halves?), (70_000, .words?): break
      default: Issue.record("\(distinct) values kept as \(String(describing: column.codes))")
      }
    }
    let pointers = TextColumn.Pointers(column)
    for row in 0..<column.count {
      let expected = column.string(row)
      #expect(pointers.string(row) == expected)
      if pointers.string(row) != expected { return }
    }
  }

  /// Trigger ids in text and in numbers, null ones, a rule without trigger rows, and
  /// addresses from a column and computed (`DecisionRowsExportTests` exports them too).
  static let tickets = """
    id,customer_id,kind,opened_at,resolved_at
    101,C-1,complaint,2026-10-30T08:00:00Z,2026-10-30T09:00:00Z
    ,C-4,complaint,2026-10-30T08:00:00Z,2026-10-30T09:00:00Z
    103,C-2,complaint,2026-10-30T08:00:00Z,2026-10-30T09:00:00Z

    """
  static let calls = """
    id,customer_id,opened_at
    CL-1,C-1,2026-10-30T08:00:00Z
    ,C-4,2026-10-30T09:00:00Z

    """
  static let playbook = """
    playbook "Test"
    as of 2026-11-01T00:00:00Z
    load customers from "customers.csv"
    load tickets from "tickets.csv"
    load calls from "calls.csv"
    channel email address lower(customer.email) requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in
    offer A "Offer A" valid 10d
    offer B "Offer B" valid 10d
    offer C "Offer C" valid 10d
    rule fixed
      when ticket resolved
      send A via email, sms
    rule called
      when call.customer_id != ""
      send B via sms
    rule gold
      when customer.tier == "gold"
      send C via email

    """

  static var files: [String: String] {
    ["customers.csv": EngineFixture.customers, "tickets.csv": tickets, "calls.csv": calls]
  }

  /// Trigger ids of every kind: text and numbers, null ones (spelled empty), and a rule
  /// without trigger rows (no id); addresses from a column and computed.
  @Test func triggerIDsAndAddressesOfEveryKind() throws {
    let run = try EngineFixture(playbook: Self.playbook, files: Self.files).run()
    let spelled = run.decisions.map {
      "\($0.customerID) \($0.rule) \($0.triggerID ?? "none") \($0.channel ?? "-") \($0.address ?? "-") \($0.status)"
    }
    #expect(
      spelled == [
        "C-1 fixed 101 email one@example.com send",
        "C-1 called CL-1 sms +15550000001 send",
        "C-1 gold none email one@example.com send",
        "C-2 fixed 103 sms +15550000002 send",
        "C-4 fixed  email four@example.com send",
        "C-4 called  - - unreachable",
        "C-4 gold none email four@example.com send",
      ])
  }
}
