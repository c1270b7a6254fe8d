import PlaybookLanguage

/// Turns candidates into decisions, customer by customer (docs/LANGUAGE.md, "Deciding"):
/// already sent, duplicate offers collapse, first reachable channel, `limit`, holdout.
///
/// Deciding builds no text: names are the plan's strings, reasons come from the run's
/// `DecisionReasons`, and a customer's working lists are a `Scratch` reused from one
/// customer to the next. Only spelling a decision out makes strings: its customer id,
/// trigger id and address (which allocate only when longer than a `String` holds inline).
public struct Decider: Sendable {
  public let plan: Plan
  public let history: (any SendHistory)?

  private let holdout: Holdout
  private let reasons: DecisionReasons
  /// Each offer's and each rule's place among the others when sorted by `String`'s `<`:
  /// a customer's decisions are ordered by offer, rule, then trigger id.
  private let offerRanks: [Int]
  private let ruleRanks: [Int]
  /// Whether there is a history to ask (unwrapping it costs more than asking this).
  private let hasHistory: Bool

  public init(plan: Plan, history: (any SendHistory)? = nil) {
    self.plan = plan
    self.history = history
    hasHistory = history != nil
    holdout = Holdout(playbookName: plan.model.name, percent: plan.model.holdoutPercent)
    reasons = DecisionReasons(plan: plan, holdout: holdout)
    offerRanks = Self.ranks(plan.offers.map(\.code))
    ruleRanks = Self.ranks(plan.rules.map(\.name))
  }

  /// The position of each name in `names` sorted; names that are equal share one.
  private static func ranks(_ names: [String]) -> [Int] {
    let order = names.indices.sorted { names[$0] < names[$1] }
    var ranks = [Int](repeating: 0, count: names.count)
    for (position, i) in order.enumerated() where position > 0 {
      let previous = order[position - 1]
      ranks[i] = names[previous] < names[i] ? position : ranks[previous]
    }
    return ranks
  }

  /// Decisions for all candidates (grouped by customer, as `Plan.candidates` gives them),
  /// in customer order then offer order.
  ///
  /// Two passes over partitions of customers, both on all cores: deciding gives each
  /// partition's outcomes (numbers and shared reason texts); then, their counts known,
  /// each partition spells its decisions out straight into their place in the result.
  public func decide(_ candidates: [Candidate]) -> [Decision] {
    let plan = self.plan
    // Split at customer boundaries so partitions never share a customer. Each partition
    // returns its outcomes as one element, so joining them copies no outcome.
    let parts: [[Outcome]] = Partitions.map(count: plan.customerCount) { range in
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
        self.decide(customer: Int(customer), candidates[lower..<end], into: &outcomes, scratch: &scratch)
        lower = end
      }
      return [outcomes]
    }
    var starts = [0]
    for part in parts { starts.append(starts[starts.count - 1] + part.count) }
    let count = starts[parts.count]
    guard count > 0 else { return [] }
    return [Decision](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = buffer.baseAddress!
      _ = Parallel.map(parts.count) { p in
        for (i, outcome) in parts[p].enumerated() {
          (base + starts[p] + i).initialize(to: decision(outcome))
        }
      }
      initialized = count
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
    decide(customer: customer, candidates, into: &outcomes, scratch: &scratch)
    for outcome in outcomes { out.append(decision(outcome)) }
  }

  /// A customer's working lists, emptied (keeping their memory) for each customer.
  struct Scratch {
    /// Candidates left after collapsing duplicate offers, each with how many it absorbed.
    var kept: [(candidate: Candidate, merged: Int)] = []
    /// Kept candidates with a channel that reaches the customer.
    var reachable: [Reachable] = []
    /// Why each channel tried so far could not be used.
    var obstacles: [ChannelObstacle] = []
  }

  /// A decision before it is spelled out: all it needs but text that is the same run-wide.
  struct Outcome {
    var candidate: Candidate
    var status: DecisionStatus
    var reason: String
    /// The channel chosen, an index into the plan's; nil when unreachable or already sent.
    var channel: Int?
    var merged: Int
  }

  struct Reachable {
    var candidate: Candidate
    var channel: Int
    var reason: String
    var merged: Int
  }

  /// One customer's outcomes, appended to `outcomes` in the order of their decisions.
  func decide(
    customer: Int, _ candidates: ArraySlice<Candidate>, into outcomes: inout [Outcome], scratch: inout Scratch
  ) {
    let first = outcomes.count
    // Only a history needs the customer id as a `String`.
    let customerID = hasHistory ? plan.dataset.customerIDs.string(customer) : ""
    scratch.kept.removeAll(keepingCapacity: true)
    scratch.reachable.removeAll(keepingCapacity: true)
    // Already sent: recorded, and out of the running.
    for c in candidates {
      let rule = plan.rules[Int(c.rule)]
      let send = rule.sends[Int(c.send)]
      if hasHistory, let history,
        history.alreadySent(
          rule: rule.name, triggerID: triggerID(c), customerID: customerID, offer: send.offer)
      {
        outcomes.append(
          Outcome(candidate: c, status: .alreadySent, reason: reasons.alreadySent, channel: nil, merged: 0))
        continue
      }
      // Collapse duplicate offers: keep the best, count the rest.
      if let i = scratch.kept.firstIndex(where: { offer($0.candidate) == send.offerIndex }) {
        if better(c, than: scratch.kept[i].candidate) { scratch.kept[i].candidate = c }
        scratch.kept[i].merged += 1
      } else {
        scratch.kept.append((c, 0))
      }
    }
    // Channels: the first the customer can be reached on.
    for (c, merged) in scratch.kept {
      let send = plan.rules[Int(c.rule)].sends[Int(c.send)]
      // Usually the first channel reaches the customer and there is nothing to clear.
      if !scratch.obstacles.isEmpty { scratch.obstacles.removeAll(keepingCapacity: true) }
      var chosen = send.channels.count
      for (position, channel) in send.channels.enumerated() {
        guard let obstacle = plan.channels[channel].obstacleKind(customer: customer) else {
          chosen = position
          break
        }
        scratch.obstacles.append(obstacle)
      }
      let reason = reasons.channels[Int(c.rule)][Int(c.send)].text(
        chosen: chosen, obstacles: scratch.obstacles[...])
      guard chosen < send.channels.count else {
        outcomes.append(
          Outcome(candidate: c, status: .unreachable, reason: reason, channel: nil, merged: merged))
        continue
      }
      scratch.reachable.append(
        Reachable(candidate: c, channel: send.channels[chosen], reason: reason, merged: merged))
    }
    // Limit: the best N reachable offers are kept; the rest are capped.
    if scratch.reachable.count > 1 { scratch.reachable.sort { rank($0.candidate, before: $1.candidate) } }
    var slots = scratch.reachable.count
    if let limit = plan.model.limit {
      slots = Int(limit.count.value)
      if let period = limit.period {
        let prior = history?.sentCount(customerID: customerID, since: plan.clock - period.seconds) ?? 0
        slots = max(0, slots - prior)
      }
    }
    let heldBucket =
      scratch.reachable.isEmpty
      ? nil : plan.dataset.customerIDs.withUTF8(customer) { holdout.heldBucket(customerID: $0) }
    var lastKept: Int?  // the rule of the last offer kept
    for (index, r) in scratch.reachable.enumerated() {
      var status = DecisionStatus.send
      var reason = r.reason
      if index >= slots {
        status = .capped
        reason = lastKept.map { reasons.cappedBy[$0] } ?? reasons.cappedByEarlierRuns
      } else {
        lastKept = Int(r.candidate.rule)
        if let heldBucket {
          status = .holdout
          reason = reasons.holdout[heldBucket]
        }
      }
      outcomes.append(
        Outcome(candidate: r.candidate, status: status, reason: reason, channel: r.channel, merged: r.merged))
    }
    // By offer code, rule name, then trigger id, as text.
    guard outcomes.count - first > 1 else { return }
    // Sorted through a pointer: sorting `outcomes[first...]` would copy the slice first.
    outcomes.withUnsafeMutableBufferPointer { all in
      all[first...].sort { a, b in
        let (x, y) = (a.candidate, b.candidate)
        let (offerX, offerY) = (offerRanks[offer(x)], offerRanks[offer(y)])
        if offerX != offerY { return offerX < offerY }
        let (ruleX, ruleY) = (ruleRanks[Int(x.rule)], ruleRanks[Int(y.rule)])
        if ruleX != ruleY { return ruleX < ruleY }
        return (triggerID(x) ?? "") < (triggerID(y) ?? "")
      }
    }
  }

  private func offer(_ c: Candidate) -> Int {
    plan.rules[Int(c.rule)].sends[Int(c.send)].offerIndex
  }

  private func triggerID(_ c: Candidate) -> String? { plan.triggerID(of: c) }

  /// The order both collapse and `limit` start with: priority (high first), send_at,
  /// rule order; nil on a tie.
  private func precedes(_ a: Candidate, _ b: Candidate) -> Bool? {
    let ra = plan.rules[Int(a.rule)]
    let rb = plan.rules[Int(b.rule)]
    if ra.priority != rb.priority { return ra.priority > rb.priority }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    if ra.order != rb.order { return ra.order < rb.order }
    return nil
  }

  /// Duplicate collapse order: `precedes`, then the lower trigger id (as text).
  private func better(_ a: Candidate, than b: Candidate) -> Bool {
    precedes(a, b) ?? ((triggerID(a) ?? "") < (triggerID(b) ?? ""))
  }

  /// Limit order: `precedes`, then the offer code.
  private func rank(_ a: Candidate, before b: Candidate) -> Bool {
    precedes(a, b)
      ?? (plan.rules[Int(a.rule)].sends[Int(a.send)].offer < plan.rules[Int(b.rule)].sends[Int(b.send)].offer)
  }

  /// The outcome spelled out; its channel also gives the address.
  private func decision(_ o: Outcome) -> Decision {
    let c = o.candidate
    let rule = plan.rules[Int(c.rule)]
    let send = rule.sends[Int(c.send)]
    let chosen = o.channel.map { plan.channels[$0] }
    return Decision(
      customerID: plan.dataset.customerIDs.string(Int(c.customer)), rule: rule.name, offer: send.offer,
      triggerID: triggerID(c), triggerTime: c.triggerTime, sendAt: c.sendAt, expiresAt: c.sendAt + send.valid,
      channel: chosen?.name, address: chosen.map { $0.addressText(customer: Int(c.customer)) ?? "" },
      status: o.status, reason: o.reason, merged: o.merged, priority: rule.priority)
  }
}
