import PlaybookLanguage

/// Turns candidates into decisions, customer by customer (docs/LANGUAGE.md, "Deciding"):
/// already sent, duplicate offers collapse, first reachable channel, `limit`, holdout.
///
/// Deciding builds no text: names are the plan's strings, reasons come from the run's
/// `DecisionReasons`, and a customer's working lists are a `Scratch` reused from one
/// customer to the next. What remains per decision is its address, when it is too long
/// to be stored inline in a `String`.
public struct Decider: Sendable {
  public let plan: Plan
  public let history: (any SendHistory)?

  private let holdout: Holdout
  private let reasons: DecisionReasons

  public init(plan: Plan, history: (any SendHistory)? = nil) {
    self.plan = plan
    self.history = history
    holdout = Holdout(playbookName: plan.model.name, percent: plan.model.holdoutPercent)
    reasons = DecisionReasons(plan: plan, holdout: holdout)
  }

  /// Decisions for all candidates (grouped by customer, as `Plan.candidates` gives them),
  /// in customer order then offer order.
  public func decide(_ candidates: [Candidate]) -> [Decision] {
    let plan = self.plan
    // Split at customer boundaries so partitions never share a customer.
    return Partitions.map(count: plan.customerCount) { range in
      var lower = Self.firstIndex(in: candidates, atOrAfter: range.lowerBound)
      let upper = Self.firstIndex(in: candidates, atOrAfter: range.upperBound)
      var out: [Decision] = []
      // Each candidate gives at most one decision.
      out.reserveCapacity(upper - lower)
      var scratch = Scratch()
      while lower < upper {
        var end = lower
        let customer = candidates[lower].customer
        while end < upper, candidates[end].customer == customer { end += 1 }
        self.decide(customer: Int(customer), candidates[lower..<end], into: &out, scratch: &scratch)
        lower = end
      }
      return out
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
    decide(customer: customer, candidates, into: &out, scratch: &scratch)
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

  struct Reachable {
    var candidate: Candidate
    var channel: Int
    var reason: String
    var merged: Int
  }

  func decide(
    customer: Int, _ candidates: ArraySlice<Candidate>, into out: inout [Decision], scratch: inout Scratch
  ) {
    let first = out.count
    let customerID = plan.dataset.customerIDs.string(customer)
    scratch.kept.removeAll(keepingCapacity: true)
    scratch.reachable.removeAll(keepingCapacity: true)
    // Already sent: recorded, and out of the running.
    for c in candidates {
      let rule = plan.rules[Int(c.rule)]
      let send = rule.sends[Int(c.send)]
      if let history,
        history.alreadySent(
          rule: rule.name, triggerID: triggerID(c), customerID: customerID, offer: send.offer)
      {
        out.append(decision(c, customerID, status: .alreadySent, reason: reasons.alreadySent))
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
      scratch.obstacles.removeAll(keepingCapacity: true)
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
        out.append(decision(c, customerID, status: .unreachable, reason: reason, merged: merged))
        continue
      }
      scratch.reachable.append(
        Reachable(candidate: c, channel: send.channels[chosen], reason: reason, merged: merged))
    }
    // Limit: the best N reachable offers are kept; the rest are capped.
    scratch.reachable.sort { rank($0.candidate, before: $1.candidate) }
    var slots = scratch.reachable.count
    if let limit = plan.model.limit {
      slots = Int(limit.count.value)
      if let period = limit.period {
        let prior = history?.sentCount(customerID: customerID, since: plan.clock - period.seconds) ?? 0
        slots = max(0, slots - prior)
      }
    }
    let heldBucket = scratch.reachable.isEmpty ? nil : holdout.heldBucket(customerID: customerID)
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
      out.append(
        decision(r.candidate, customerID, status: status, reason: reason, channel: r.channel, merged: r.merged))
    }
    if out.count - first > 1 {
      out[first...].sort { ($0.offer, $0.rule, $0.triggerID ?? "") < ($1.offer, $1.rule, $1.triggerID ?? "") }
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

  /// The decision for `c`; `channel` (an index into the plan's channels) also gives the address.
  private func decision(
    _ c: Candidate, _ customerID: String, status: DecisionStatus, reason: String, channel: Int? = nil,
    merged: Int = 0
  ) -> Decision {
    let rule = plan.rules[Int(c.rule)]
    let send = rule.sends[Int(c.send)]
    let chosen = channel.map { plan.channels[$0] }
    return Decision(
      customerID: customerID, rule: rule.name, offer: send.offer, triggerID: triggerID(c),
      triggerTime: c.triggerTime, sendAt: c.sendAt, expiresAt: c.sendAt + send.valid,
      channel: chosen?.name, address: chosen.map { $0.addressText(customer: Int(c.customer)) ?? "" },
      status: status, reason: reason, merged: merged, priority: rule.priority)
  }
}
