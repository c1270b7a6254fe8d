import Testing

@testable import PlaybookEngine

@Suite struct ExportOrderTests {
  /// `decisions` as the exporter arranges them.
  func sorted(_ decisions: [Decision]) -> [Decision] {
    DecisionOrder.arrange(decisions).indices.map { decisions[$0] }
  }

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
    #expect(sorted(expected) == expected)
    // Decision's == treats canonically equivalent strings as equal, so check the bytes too.
    #expect(sorted(expected.reversed()).map { Array($0.customerID.utf8) } == expected.map { Array($0.customerID.utf8) })
    #expect(sorted(expected.reversed()) == expected)
    for _ in 0..<20 {
      #expect(sorted(expected.shuffled()) == expected)
    }
  }

  @Test func breaksFullTiesByTimesChannelAndStatus() {
    var early = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1")
    early.sendAt -= 60
    let sms = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1", channel: "sms")
    let capped = ExportFixtures.decision("C-1", "r", "A", trigger: "T-1", status: .capped, channel: "sms")
    let expected = [early, sms, capped]
    #expect(sorted([capped, sms, early]) == expected)
    #expect(sorted([sms, capped, early]) == expected)
  }

  /// The decider's order (customer, then offer, rule, trigger) is regrouped by offer
  /// without a full sort; the result must be the full sort's, including byte order of
  /// non-ASCII ids and offers, and every tie break.
  @Test func customerOrderIsRegroupedByOfferAsAFullSortWould() {
    typealias D = ExportFixtures
    var early = D.decision("C-1", "r", "a", trigger: "T-1")
    early.sendAt -= 60
    let customerOrder = [
      D.decision("C-1", "r", "B"),
      early,
      D.decision("C-1", "r", "a", trigger: "T-1", channel: "sms"),
      D.decision("C-1", "r", "a", trigger: "T-1", status: .capped, channel: "sms"),
      D.decision("C-1", "r", "ab"),
      D.decision("C-1", "r", "é"),
      D.decision("C-10", "r", "a"),
      D.decision("C-2", "r", "A"),
      D.decision("C-2", "r", "a"),
      D.decision("C-2", "s", "a"),
      D.decision("C-2", "s", "a", trigger: ""),
      D.decision("C-2", "s", "a", trigger: "T-10"),
      D.decision("C-2", "s", "a", trigger: "T-9"),
      D.decision("Zoe\u{301}", "r", "a"),
      D.decision("Zoe\u{301}", "r", "e\u{301}"),
      D.decision("Zoé", "r", "a"),
      D.decision("Zoë", "r", "a"),
    ]
    let arranged = DecisionOrder.arrange(customerOrder)
    let fullSort = customerOrder.indices.sorted { DecisionOrder.precedes(customerOrder[$0], customerOrder[$1]) }
    #expect(arranged.indices == fullSort)
    #expect(arranged.offers.map(\.offer.utf8.count) == [1, 1, 1, 2, 3, 2])
    #expect(arranged.offers.map(\.range) == [0..<1, 1..<2, 2..<14, 14..<15, 15..<16, 16..<17])
    // Shuffled, the same arrangement comes from the full sort.
    #expect(DecisionOrder.arrange(customerOrder.reversed()).indices.map { customerOrder.count - 1 - $0 } == fullSort)
  }
}
