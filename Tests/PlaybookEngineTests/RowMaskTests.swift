import Testing

@testable import PlaybookEngine

/// A define's text (in)equality filter is answered a column at a time (`RowMask`); it
/// must keep the row-by-row meaning: exact bytes, case matters, null is never a member.
@Suite struct RowMaskTests {
  let tickets = """
    id,customer_id,kind,opened_at
    T-1,C-1,complaint,2026-10-30T08:00:00Z
    T-2,C-2,question,2026-10-30T08:00:00Z
    T-3,C-3,,2026-10-30T08:00:00Z
    T-4,C-4,complaints,2026-10-30T08:00:00Z
    T-5,C-1,Complaint,2026-10-30T08:00:00Z

    """

  /// Equality, inequality, and the literal on the left.
  static let playbook =
    EngineFixture.header + """
      define other = ticket where ticket.kind != "complaint"
      define flipped = ticket where "complaint" == ticket.kind
      rule mine
        when complaint
        send A via email, sms
      rule others
        when other
        send A via email, sms
      rule flips
        when flipped
        send B via email, sms
      """

  @Test func equalityNotEqualityAndALiteralOnTheLeft() throws {
    let f = try EngineFixture(
      playbook: Self.playbook,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    let run = f.run()
    func rows(_ rule: Int32) -> [Int32] {
      run.candidates.filter { $0.rule == rule }.map(\.triggerRow).sorted()
    }
    #expect(rows(0) == [0])  // T-1 only: "Complaint" and "complaints" differ, null is not equal
    #expect(rows(1) == [1, 3, 4])  // T-2, T-4, T-5: null is not unequal either
    #expect(rows(2) == [0])
  }

  /// The same filter over a column that keeps each distinct value once (enough rows of
  /// few values): each value is compared once, and each row gets its value's answer.
  @Test func aColumnKeepingEachValueOnceGivesEachRowItsValuesAnswer() throws {
    let kinds = ["complaint", "question", "", "complaints", "Complaint"]
    var tickets = "id,customer_id,kind,opened_at\n"
    for n in 0..<3000 { tickets += "T-\(n),C-\(n % 4 + 1),\(kinds[n % 5]),2026-10-30T08:00:00Z\n" }
    let f = try EngineFixture(
      playbook: Self.playbook,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    let table = f.workspace.dataset.events["tickets"]!
    guard case .text(let kind) = table.columns[table.columnIndex("kind")!].values else {
      Issue.record("kind is text")
      return
    }
    #expect(kind.codes != nil)
    let run = f.run()
    func rows(_ rule: Int32) -> [Int32] {
      run.candidates.filter { $0.rule == rule }.map(\.triggerRow).sorted()
    }
    #expect(rows(0) == (0..<3000).filter { $0 % 5 == 0 }.map(Int32.init))
    #expect(rows(1) == (0..<3000).filter { $0 % 5 == 1 || $0 % 5 >= 3 }.map(Int32.init))
    #expect(rows(2) == rows(0))
  }
}
