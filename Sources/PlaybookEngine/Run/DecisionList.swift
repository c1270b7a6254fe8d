/// One run's decisions, ready to compare with another's (`DecisionDiff`): each decision
/// with its customer's number, in customer order and, within a customer, in offer order
/// (as `Decider.decide` gives them), with the counts per offer.
public struct DecisionList: Sendable {
  /// The decisions, grouped by customer, each customer's in offer order (`ByteOrder`).
  public var decisions: [Decision]
  /// Each decision's customer number, ascending; both lists of a comparison number
  /// customers the same way.
  public var customers: [Int32]
  /// The decisions counted per offer (every declared offer, even with none).
  public var offerCounts: [NamedCounts]

  /// A list already in order: `customers[i]` is `decisions[i]`'s customer number.
  public init(decisions: [Decision], customers: [Int32], offerCounts: [NamedCounts]) {
    precondition(decisions.count == customers.count, "one customer number per decision")
    self.decisions = decisions
    self.customers = customers
    self.offerCounts = offerCounts
  }

  /// Decisions in any order (from a ledger, or a run over other data), numbered by
  /// `dataset`'s customers and put in order. Customers `dataset` lacks are numbered after
  /// its own, in the order of their ids (`ByteOrder`, as the dataset tells ids apart), so
  /// they are compared too.
  public init(numbering decisions: [Decision], in dataset: Dataset, offers: [String]) {
    var numbers = decisions.map { dataset.customerNumber($0.customerID) ?? -1 }
    let strangers = numbers.indices.filter { numbers[$0] < 0 }.sorted {
      ByteOrder.precedes(decisions[$0].customerID, decisions[$1].customerID)
    }
    var next = Int32(dataset.customers.rowCount)
    for (position, i) in strangers.enumerated() {
      if position > 0, !ByteOrder.same(decisions[strangers[position - 1]].customerID, decisions[i].customerID) {
        next += 1
      }
      numbers[i] = next
    }
    let order = numbers.indices.sorted { a, b in
      if numbers[a] != numbers[b] { return numbers[a] < numbers[b] }
      return ByteOrder.compare(decisions[a].offer, decisions[b].offer) ?? (a < b)
    }
    let sorted = order.map { decisions[$0] }
    self.init(
      decisions: sorted, customers: order.map { numbers[$0] },
      offerCounts: DecisionCounts(sorted, rules: [], offers: offers).byOffer)
  }
}

extension IncrementalRun {
  /// The run's decisions with their customer numbers, to compare with another run's.
  public var decisionList: DecisionList {
    DecisionList(decisions: decisions, customers: decisionCustomers, offerCounts: counts.byOffer)
  }
}
