/// Two runs' decisions compared customer by customer: how each offer's counts moved, who
/// gained and who lost it, and every (customer, offer) whose status changed.
///
/// A customer gains an offer when it is now `send` and was not before (no decision, or
/// another status); loses it when it was `send` and no longer is. A change is any
/// (customer, offer) whose status differs, a missing decision counting as a status of
/// its own; rule, channel and times are not compared. The comparison is one pass over
/// both lists in customer order, reading numbers and offer codes without copying them;
/// only a customer whose decisions differ is looked at offer by offer.
public struct DecisionDiff: Sendable, Hashable, Codable {
  /// One offer's counts before and after, and how many customers gained or lost it.
  public struct OfferImpact: Sendable, Hashable, Codable {
    /// The offer's code (`THANKS10`).
    public var offer: String
    /// Its decisions per status before.
    public var before: StatusCounts
    /// Its decisions per status after.
    public var after: StatusCounts
    /// Customers sent the offer now who were not before.
    public var gained: Int
    /// Customers sent the offer before who are not now.
    public var lost: Int
    /// Customers whose status for the offer changed in any way.
    public var changed: Int

    /// True when no count moved and no customer changed status.
    public var isUnchanged: Bool { before == after && changed == 0 }
  }

  /// One (customer, offer) whose status changed, by position in the lists compared.
  public struct Change: Sendable, Hashable, Codable {
    /// Index into `offers`.
    public var offer: Int32
    /// The decision's index in the list before; -1 when there was none.
    public var before: Int32
    /// The decision's index in the list after; -1 when there is none.
    public var after: Int32
  }

  /// Every offer of either list (the later list's order, then offers only the earlier
  /// list had), changed or not.
  public var offers: [OfferImpact]
  /// The changed (customer, offer) pairs in customer order, then offer order.
  public var changes: [Change]
  /// Customers who gained at least one offer.
  public var customersGaining: Int
  /// Customers who lost at least one offer.
  public var customersLosing: Int

  /// True when no decision changed status and no count moved.
  public var isEmpty: Bool { changes.isEmpty && offers.allSatisfy(\.isUnchanged) }

  /// What a comparison looks at.
  public enum Comparison: String, Sendable, Codable {
    /// Every status: a change is any (customer, offer) whose status differs.
    case statuses
    /// Only sends (against a ledger, which keeps nothing else): a change is a
    /// (customer, offer) sent on one side and not the other; counts are of sends.
    case sends
  }

  /// Compares `before` with `after`; both must number customers the same way.
  public init(before: DecisionList, after: DecisionList, comparing: Comparison = .statuses) {
    var offers: [OfferImpact] = []
    for named in after.offerCounts where !offers.contains(where: { $0.offer == named.name }) {
      offers.append(
        OfferImpact(offer: named.name, before: StatusCounts(), after: named.counts, gained: 0, lost: 0, changed: 0))
    }
    for named in before.offerCounts {
      if let i = offers.firstIndex(where: { $0.offer == named.name }) {
        offers[i].before = named.counts
      } else {
        offers.append(
          OfferImpact(offer: named.name, before: named.counts, after: StatusCounts(), gained: 0, lost: 0, changed: 0))
      }
    }
    if comparing == .sends {
      for i in offers.indices {
        offers[i].before = StatusCounts(sends: offers[i].before[.send])
        offers[i].after = StatusCounts(sends: offers[i].after[.send])
      }
    }
    var walk = Walk(offers: offers, old: before.decisions, new: after.decisions, sendsOnly: comparing == .sends)
    let oldCustomers = before.customers
    let newCustomers = after.customers
    var i = 0
    var j = 0
    while i < oldCustomers.count || j < newCustomers.count {
      let customer = min(
        i < oldCustomers.count ? oldCustomers[i] : Int32.max, j < newCustomers.count ? newCustomers[j] : Int32.max)
      var oldEnd = i
      while oldEnd < oldCustomers.count, oldCustomers[oldEnd] == customer { oldEnd += 1 }
      var newEnd = j
      while newEnd < newCustomers.count, newCustomers[newEnd] == customer { newEnd += 1 }
      if !walk.same(i..<oldEnd, j..<newEnd) { walk.compare(i..<oldEnd, j..<newEnd) }
      i = oldEnd
      j = newEnd
    }
    self.offers = walk.offers
    changes = walk.changes
    customersGaining = walk.customersGaining
    customersLosing = walk.customersLosing
  }

  /// The comparison's working state: the lists, and what was found so far.
  private struct Walk {
    var offers: [OfferImpact]
    let old: [Decision]
    let new: [Decision]
    var changes: [Change] = []
    var customersGaining = 0
    var customersLosing = 0
    let sendsOnly: Bool

    init(offers: [OfferImpact], old: [Decision], new: [Decision], sendsOnly: Bool) {
      self.offers = offers
      self.old = old
      self.new = new
      self.sendsOnly = sendsOnly
    }

    /// True when one customer's decisions have the same offers and statuses in both lists
    /// (most customers, after an edit): numbers and offer codes, compared in place.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
      guard a.count == b.count else { return false }
      for k in 0..<a.count {
        let p = a.lowerBound + k
        let q = b.lowerBound + k
        if old[p].status != new[q].status || !ByteOrder.same(old[p].offer, new[q].offer) { return false }
      }
      return true
    }

    /// One customer's decisions, offer by offer (both in offer order). A customer with
    /// several decisions for one offer (`already_sent` beside a new one) counts the best
    /// status, in `DecisionStatus` order.
    mutating func compare(_ a: Range<Int>, _ b: Range<Int>) {
      var p = a.lowerBound
      var q = b.lowerBound
      var gained = false
      var lost = false
      while p < a.upperBound || q < b.upperBound {
        let offer: String
        if p == a.upperBound {
          offer = new[q].offer
        } else if q == b.upperBound || ByteOrder.compare(old[p].offer, new[q].offer) ?? true {
          offer = old[p].offer
        } else {
          offer = new[q].offer
        }
        let before = Self.best(old, from: &p, upTo: a.upperBound, offer: offer)
        let after = Self.best(new, from: &q, upTo: b.upperBound, offer: offer)
        let oldStatus = before.map { old[$0].status }
        let newStatus = after.map { new[$0].status }
        guard sendsOnly ? (oldStatus == .send) != (newStatus == .send) : oldStatus != newStatus else { continue }
        let index = offers.firstIndex { $0.offer == offer } ?? add(offer)
        offers[index].changed += 1
        if newStatus == .send {
          offers[index].gained += 1
          gained = true
        }
        if oldStatus == .send {
          offers[index].lost += 1
          lost = true
        }
        changes.append(Change(offer: Int32(index), before: Int32(before ?? -1), after: Int32(after ?? -1)))
      }
      if gained { customersGaining += 1 }
      if lost { customersLosing += 1 }
    }

    /// The index of the best-status decision for `offer` starting at `index`, moving
    /// `index` past all of them; nil when the decision there is for another offer.
    static func best(_ list: [Decision], from index: inout Int, upTo end: Int, offer: String) -> Int? {
      var found: Int?
      while index < end, ByteOrder.same(list[index].offer, offer) {
        if found.map({ list[index].status < list[$0].status }) ?? true { found = index }
        index += 1
      }
      return found
    }

    /// An offer neither list counted (a list whose counts miss it): listed with no counts.
    mutating func add(_ offer: String) -> Int {
      offers.append(
        OfferImpact(offer: offer, before: StatusCounts(), after: StatusCounts(), gained: 0, lost: 0, changed: 0))
      return offers.count - 1
    }
  }
}
