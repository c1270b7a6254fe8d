import Foundation
import Testing

@testable import PlaybookEngine

/// Comparing two runs' decisions: counts per offer, who gains and who loses, the changes.
@Suite struct DecisionDiffTests {
  static func decision(_ customer: String, _ offer: String, _ status: DecisionStatus, rule: String = "r")
    -> Decision
  {
    Decision(
      customerID: customer, rule: rule, offer: offer, triggerID: nil, triggerTime: 0, sendAt: 0, expiresAt: 0,
      channel: status == .unreachable ? nil : "email", address: nil, status: status, reason: "\(status)",
      merged: 0, priority: 0)
  }

  /// A list of (customer number, offer, status), in customer then offer order.
  static func list(_ rows: [(Int32, String, DecisionStatus)], offers: [String] = ["A", "B"]) -> DecisionList {
    let decisions = rows.map { decision("C\($0.0)", $0.1, $0.2) }
    return DecisionList(
      decisions: decisions, customers: rows.map(\.0),
      offerCounts: DecisionCounts(decisions, rules: [], offers: offers).byOffer)
  }

  @Test func identicalListsHaveNoChange() {
    let rows: [(Int32, String, DecisionStatus)] = [(0, "A", .send), (0, "B", .capped), (3, "B", .holdout)]
    let diff = DecisionDiff(before: Self.list(rows), after: Self.list(rows))
    #expect(diff.isEmpty)
    #expect(diff.changes.isEmpty)
    #expect(diff.customersGaining == 0 && diff.customersLosing == 0)
  }

  @Test func aHigherPriorityRuleTakesCustomersFromAnotherOffer() throws {
    let before = Self.list([(0, "A", .send), (1, "A", .send), (2, "A", .send)])
    let after = Self.list([
      (0, "A", .capped), (0, "B", .send), (1, "A", .send), (2, "A", .capped), (2, "B", .send), (5, "B", .unreachable),
    ])
    let diff = DecisionDiff(before: before, after: after)
    let a = try #require(diff.offers.first { $0.offer == "A" })
    let b = try #require(diff.offers.first { $0.offer == "B" })
    #expect(a.before[.send] == 3 && a.after[.send] == 1 && a.after[.capped] == 2)
    #expect(a.gained == 0 && a.lost == 2 && a.changed == 2)
    #expect(b.gained == 2 && b.lost == 0 && b.changed == 3)
    #expect(diff.customersGaining == 2 && diff.customersLosing == 2)
    // Customer order, then offer order; -1 for a decision that is not there.
    #expect(
      diff.changes.map { [$0.offer, $0.before, $0.after] } == [
        [0, 0, 0], [1, -1, 1], [0, 2, 3], [1, -1, 4], [1, -1, 5],
      ])
    let spelled = diff.spelledOut(diff.changes[4], before: before, after: after)
    #expect(spelled.customerID == "C5" && spelled.offer == "B" && spelled.before == nil)
    #expect(spelled.after?.status == .unreachable)
  }

  @Test func customersMissingOnOneSideAndOffersOnlyOneSideHasAreCounted() throws {
    let before = Self.list([(1, "A", .send), (4, "C", .send)], offers: ["A", "C"])
    let after = Self.list([(2, "A", .send)], offers: ["A"])
    let diff = DecisionDiff(before: before, after: after)
    #expect(diff.offers.map(\.offer) == ["A", "C"])
    #expect(diff.offers[1].lost == 1 && diff.offers[1].after[.send] == 0)
    #expect(diff.customersGaining == 1 && diff.customersLosing == 2)
    #expect(diff.changes.count == 3)
  }

  @Test func comparingSendsOnlyIgnoresOtherStatusesAndCountsSends() throws {
    let sent = Self.list([(0, "A", .send), (1, "A", .send)])
    let now = Self.list([(0, "A", .capped), (1, "A", .send), (2, "A", .unreachable), (3, "B", .send)])
    let diff = DecisionDiff(before: sent, after: now, comparing: .sends)
    #expect(diff.changes.map(\.after) == [0, 3])
    let a = try #require(diff.offers.first { $0.offer == "A" })
    #expect(a.before == StatusCounts(sends: 2) && a.after == StatusCounts(sends: 1))
    #expect(DecisionDiff(before: sent, after: now).changes.count == 3)
  }

  @Test func theBestStatusOfAnOfferCountsWhenThereAreSeveral() {
    let before = Self.list([(0, "A", .alreadySent), (0, "A", .send)])
    let after = Self.list([(0, "A", .send)])
    #expect(DecisionDiff(before: before, after: after).changes.isEmpty)
  }

  @Test func listsFromAnotherNumberingAreMatchedByCustomerID() throws {
    var ids = TextColumn()
    for id in ["C0", "C1", "C2"] { ids.append(utf8: Array(id.utf8)) }
    let dataset = Dataset(
      customers: Table(name: "customers", file: "customers.csv", rowCount: 3, columns: [], lines: []),
      customerIDs: ids, events: [:], links: [:], setAside: [])
    let decisions = [
      Self.decision("C9", "A", .send), Self.decision("C2", "B", .send), Self.decision("C2", "A", .capped),
      Self.decision("C0", "A", .send),
    ]
    let list = DecisionList(numbering: decisions, in: dataset, offers: ["A", "B"])
    #expect(list.customers == [0, 2, 2, 3])
    #expect(list.decisions.map { "\($0.customerID) \($0.offer)" } == ["C0 A", "C2 A", "C2 B", "C9 A"])
  }

  /// Customer ids the dataset lacks are told apart and numbered by their bytes: `é`
  /// as one code point and as `e` with a combining accent are two customers.
  @Test func strangersAreNumberedInTheOrderOfTheirBytes() {
    let dataset = Dataset(
      customers: Table(name: "customers", file: "customers.csv", rowCount: 0, columns: [], lines: []),
      customerIDs: TextColumn(), events: [:], links: [:], setAside: [])
    let ids = ["C-\u{E9}", "C-f", "C-e\u{301}", "C-\u{E9}"]
    let list = DecisionList(numbering: ids.map { Self.decision($0, "A", .send) }, in: dataset, offers: ["A"])
    #expect(list.customers == [0, 1, 2, 2])
    #expect(
      list.decisions.map { Array($0.customerID.utf8) } == [ids[2], ids[1], ids[0], ids[3]].map { Array($0.utf8) })
  }

  @Test func theCSVListsEveryChangeWithBothSides() {
    let before = Self.list([(0, "A", .send)])
    let after = Self.list([(0, "A", .capped), (1, "B", .send)])
    let diff = DecisionDiff(before: before, after: after)
    let csv = String(decoding: diff.csv(before: before, after: after), as: UTF8.self)
    #expect(
      csv
        == "customer_id,offer,old_status,new_status,old_rule,new_rule,old_channel,new_channel,old_reason,new_reason\r\n"
        + "C0,A,send,capped,r,r,email,email,send,capped\r\n" + "C1,B,,send,,r,,email,,send\r\n")
  }

  @Test func itEncodesAsJSONAndBack() throws {
    let diff = DecisionDiff(before: Self.list([(0, "A", .send)]), after: Self.list([(0, "B", .send)]))
    let data = try JSONEncoder().encode(diff)
    #expect(try JSONDecoder().decode(DecisionDiff.self, from: data) == diff)
  }
}
