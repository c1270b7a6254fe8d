import PlaybookLanguage

/// Turns candidates into decisions, customer by customer (docs/LANGUAGE.md, "Deciding"):
/// already sent, duplicate offers collapse, first reachable channel, `limit`, holdout.
///
/// Deciding builds no text: names are the plan's strings, reasons come from the run's
/// `DecisionReasons`, and a customer's working lists are a `Scratch` reused from one
/// customer to the next. Only spelling a decision out makes strings: its customer id,
/// trigger id and address (which allocate only when longer than a `String` holds inline).
public struct Decider: Sendable {
  /// The compiled playbook whose candidates are decided.
  public let plan: Plan
  /// What earlier runs sent (the ledger), for `already_sent` and `limit N per customer per D`; nil for none.
  public let history: (any SendHistory)?

  let holdout: Holdout
  let reasons: DecisionReasons
  /// Each offer's and each rule's place among the others in `ByteOrder`: a customer's
  /// decisions are ordered by offer, rule, then trigger id, and `limit` ties by offer.
  let offerRanks: [Int]
  let ruleRanks: [Int]
  /// Whether there is a history to ask (unwrapping it costs more than asking this).
  let hasHistory: Bool
  /// The `limit` lines, in file order.
  let limits: [LimitPlan]
  /// Each candidate's offer, channels, priority and rule order, read without the plan's classes.
  let sends: SendTable
  /// Each channel's test of a customer's consent and address.
  let channelTests: [ChannelTest]
  /// The customers' ids through plain pointers, for the holdout's hash (valid while the plan lives).
  let customerIDs: TextColumn.Pointers
  /// Whether any offer sent has message lines: without, deciding never looks at them.
  let hasMessages: Bool
  /// Whether the playbook has a `timezone` statement or a channel a window: without,
  /// deciding never reads a customer's clock.
  let hasLocalTime: Bool
  /// Whether the playbook has a `timezone` statement (decisions then carry their offset).
  let hasTimezone: Bool

  /// A decider for `plan`'s candidates, asking `history` what was sent before.
  public init(plan: Plan, history: (any SendHistory)? = nil) {
    self.plan = plan
    self.history = history
    hasHistory = history != nil
    hasMessages = plan.rules.contains { $0.sends.contains { !$0.messages.isEmpty } }
    hasTimezone = plan.model.timezone != nil
    hasLocalTime = hasTimezone || plan.channels.contains { $0.window != nil }
    holdout = Holdout(plan.model)
    reasons = DecisionReasons(plan: plan, holdout: holdout)
    offerRanks = Self.ranks(plan.offers.map(\.code))
    ruleRanks = Self.ranks(plan.rules.map(\.name))
    limits = plan.model.limits.map { LimitPlan($0, channels: plan.channels.map(\.name)) }
    sends = SendTable(plan)
    channelTests = plan.channels.map(ChannelTest.init)
    customerIDs = TextColumn.Pointers(plan.dataset.customerIDs)
  }

  /// The position of each name in `names` sorted by bytes; names with the same bytes share one.
  private static func ranks(_ names: [String]) -> [Int] {
    let order = names.indices.sorted { ByteOrder.precedes(names[$0], names[$1]) }
    var ranks = [Int](repeating: 0, count: names.count)
    for (position, i) in order.enumerated() where position > 0 {
      let previous = order[position - 1]
      ranks[i] = ByteOrder.precedes(names[previous], names[i]) ? position : ranks[previous]
    }
    return ranks
  }

  /// Decisions for all candidates (grouped by customer, as `Plan.candidates` gives them),
  /// in customer order then offer order.
  ///
  /// Two passes over partitions of customers, both on all cores: deciding gives each
  /// partition's outcomes (numbers, reasons among them); then, their counts known,
  /// each partition spells its decisions out straight into their place in the result.
  public func decide(_ candidates: [Candidate]) -> [Decision] {
    decideRows(candidates).spelled()
  }

  /// `decide(_:)`'s decisions as outcomes, not spelled out (`DecisionRows`).
  public func decideRows(_ candidates: [Candidate]) -> DecisionRows {
    DecisionRows(decider: self, parts: outcomes(candidates))
  }

  /// `decide(_:)`'s decisions with each one's customer number (what `IncrementalRun`
  /// keeps to decide again and to compare runs), read from the candidates rather than
  /// looked up by id.
  public func decideNumbered(_ candidates: [Candidate]) -> (decisions: [Decision], customers: [Int32]) {
    let rows = decideRows(candidates)
    return (rows.spelled(), rows.outcomes.map(\.candidate.customer))
  }

  /// Each partition's outcomes, deciding customer by customer. Partitions split at
  /// customer boundaries so they never share a customer; each returns its outcomes as
  /// one element, so joining them copies no outcome.
  private func outcomes(_ candidates: [Candidate]) -> [[Outcome]] {
    Partitions.map(count: plan.customerCount) { range in
      var lower = Self.firstIndex(in: candidates, atOrAfter: range.lowerBound)
      let upper = Self.firstIndex(in: candidates, atOrAfter: range.upperBound)
      var outcomes: [Outcome] = []
      // Each candidate has at most one outcome.
      outcomes.reserveCapacity(upper - lower)
      var scratch = Scratch()
      while lower < upper {
        var end = lower
        let customer = candidates[lower].customer
        while end < upper, candidates[end].customer == customer { end += 1 }
        decide(customer: Int(customer), candidates[lower..<end], into: &outcomes, scratch: &scratch)
        lower = end
      }
      return [outcomes]
    }
  }

  static func firstIndex(in candidates: [Candidate], atOrAfter customer: Int) -> Int {
    var lo = 0
    var hi = candidates.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(candidates[mid].customer) < customer { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// One customer's decisions, appended to `out`.
  public func decide(customer: Int, _ candidates: ArraySlice<Candidate>, into out: inout [Decision]) {
    var scratch = Scratch()
    var outcomes: [Outcome] = []
    decide(customer: customer, candidates, into: &out, scratch: &scratch, outcomes: &outcomes)
  }

  /// One customer's decisions, appended to `out`; `scratch` and `outcomes` are working
  /// lists kept from one customer to the next, so deciding many allocates nothing per customer.
  func decide(
    customer: Int, _ candidates: ArraySlice<Candidate>, into out: inout [Decision], scratch: inout Scratch,
    outcomes: inout [Outcome]
  ) {
    outcomes.removeAll(keepingCapacity: true)
    decide(customer: customer, candidates, into: &outcomes, scratch: &scratch)
    if scratch.speller == nil { scratch.speller = DecisionSpeller(self) }
    for outcome in outcomes { out.append(scratch.speller.unsafelyUnwrapped.decision(outcome)) }
  }
}
