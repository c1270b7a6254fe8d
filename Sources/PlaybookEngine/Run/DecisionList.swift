/// One run's decisions, ready to compare with another's (`DecisionDiff`): each decision
/// with its customer's number, in customer order and, within a customer, in offer order
/// (as `Decider.decide` gives them), with the counts per offer.
public struct DecisionList: Sendable {
  /// The decisions, grouped by customer, each customer's in offer order (by `String`'s `<`).
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
  /// its own, in the order of their ids, so they are compared too.
  public init(numbering decisions: [Decision], in dataset: Dataset, offers: [String]) {
    let known = Int32(dataset.customers.rowCount)
    var numbers = decisions.map { dataset.customerNumber($0.customerID) ?? -1 }
    let strangers = Set(numbers.indices.filter { numbers[$0] < 0 }.map { decisions[$0].customerID }).sorted()
    let strangerNumbers = Dictionary(
      uniqueKeysWithValues: strangers.enumerated().map { ($1, known + Int32($0)) })
    for i in numbers.indices where numbers[i] < 0 {
      numbers[i] = strangerNumbers[decisions[i].customerID] ?? known
    }
    let order = numbers.indices.sorted { a, b in
      if numbers[a] != numbers[b] { return numbers[a] < numbers[b] }
      if decisions[a].offer != decisions[b].offer { return decisions[a].offer < decisions[b].offer }
      return a < b
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
