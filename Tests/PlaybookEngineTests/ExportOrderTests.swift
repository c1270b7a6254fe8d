import Testing

@testable import PlaybookEngine

@Suite struct ExportOrderTests {
  @Test func sortsByOfferCustomerRuleThenTriggerInByteOrder() {
    typealias D = ExportFixtures
    let expected = [
      D.decision("C-2", "r", "A"),
      D.decision("C-1", "r", "B"),
      D.decision("C-1", "r", "a"),
      D.decision("C-10", "r", "a"),
      D.decision("C-2", "r", "a"),
      D.decision("C-2", "s", "a"),
      D.decision("C-2", "s", "a", trigger: ""),
      D.decision("C-2", "s", "a", trigger: "T-10"),
      D.decision("C-2", "s", "a", trigger: "T-9"),
      // By bytes, not by Unicode collation: e+U+0301 (65 CC 81) < é (C3 A9) < ë (C3 AB).
      D.decision("Zoe\u{301}", "r", "a"),
      D.decision("Zoé", "r", "a"),
      D.decision("Zoë", "r", "a"),
      D.decision("C-1", "r", "ab"),
      D.decision("C-1", "r", "é"),
    ]
    #expect(DecisionOrder.sorted(expected) == expected)
    // Decision's == treats canonically equivalent strings as equal, so check the bytes too.
    #expect(DecisionOrder.sorted(expected.reversed()).map { Array($0.customerID.utf8) } == expected.map { Array($0.customerID.utf8) })
    #expect(DecisionOrder.sorted(expected.reversed()) == expected)
    for _ in 0..<20 {
      #expect(DecisionOrder.sorted(expected.shuffled()) == expected)
    }
  }

  @Test func breaksFullTiesByTimesChannelAndStatus() {
    var early = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1")
    early.sendAt -= 60
    let sms = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1", channel: "sms")
    let capped = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1", status: .capped, channel: "sms")
    let expected = [early, sms, capped]
    #expect(DecisionOrder.sorted([capped, sms, early]) == expected)
    #expect(DecisionOrder.sorted([sms, capped, early]) == expected)
  }
}
