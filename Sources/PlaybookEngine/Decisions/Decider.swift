import PlaybookLanguage

/// Turns candidates into decisions, customer by customer (docs/LANGUAGE.md, "Deciding"):
/// already sent, duplicate offers collapse, first reachable channel, `limit`, holdout.
public struct Decider: Sendable {
  public let plan: Plan
  public let history: (any SendHistory)?

  /// What is the same for every customer, worked out once: the reason text of each
  /// channel when it is the first choice, the `limit` as reasons spell it, the holdout.
  private let sentVia: [String]
  private let limitText: String
  private let holdout: Holdout

  public init(plan: Plan, history: (any SendHistory)? = nil) {
    self.plan = plan
    self.history = history
    sentVia = plan.channels.map { "sent via \($0.name)" }
    var limitText = ""
    if let limit = plan.model.limit {
      limitText = "limit \(limit.count.spelling) per customer"
      if let period = limit.period { limitText += " per \(period.spelling)" }
    }
    self.limitText = limitText
    holdout = Holdout(playbookName: plan.model.name, percent: plan.model.holdoutPercent)
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
      while lower < upper {
        var end = lower
        let customer = candidates[lower].customer
        while end < upper, candidates[end].customer == customer { end += 1 }
        self.decide(customer: Int(customer), candidates[lower..<end], into: &out)
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
    let customerID = plan.dataset.customerIDs.string(customer)
    var pending: [Decision] = []
    var kept: [(candidate: Candidate, merged: Int)] = []
    // Already sent: recorded, and out of the running.
    for c in candidates {
      let rule = plan.rules[Int(c.rule)]
      let send = rule.sends[Int(c.send)]
      if let history,
        history.alreadySent(
          rule: rule.name, triggerID: triggerID(c), customerID: customerID, offer: send.offer)
      {
        pending.append(decision(c, customerID, status: .alreadySent, reason: "already sent by an earlier run"))
        continue
      }
      // Collapse duplicate offers: keep the best, count the rest.
      if let i = kept.firstIndex(where: { offer($0.candidate) == send.offerIndex }) {
        if better(c, than: kept[i].candidate) {
          kept[i] = (c, kept[i].merged + 1)
        } else {
          kept[i].merged += 1
        }
      } else {
        kept.append((c, 0))
      }
    }
    // Channels: the first the customer can be reached on.
    var reachable: [(Candidate, Int, String, String, Int)] = []  // candidate, channel, address, reason, merged
    for (c, merged) in kept {
      let send = plan.rules[Int(c.rule)].sends[Int(c.send)]
      var obstacles: [String] = []
      var chosen: Int?
      for channel in send.channels {
        if let obstacle = plan.channels[channel].obstacle(customer: customer) {
          obstacles.append(obstacle)
        } else {
          chosen = channel
          break
        }
      }
      guard let chosen else {
        var d = decision(
          c, customerID, status: .unreachable,
          reason: "no reachable channel: " + obstacles.joined(separator: ", "))
        d.merged = merged
        pending.append(d)
        continue
      }
      let reason = obstacles.isEmpty
        ? sentVia[chosen] : "\(sentVia[chosen]) because \(obstacles.joined(separator: ", "))"
      reachable.append(
        (c, chosen, plan.channels[chosen].addressText(customer: customer) ?? "", reason, merged))
    }
    // Limit: the best N reachable offers are kept; the rest are capped.
    reachable.sort { rank($0.0, before: $1.0) }
    var slots = reachable.count
    if let limit = plan.model.limit {
      slots = Int(limit.count.value)
      if let period = limit.period {
        let prior = history?.sentCount(customerID: customerID, since: plan.clock - period.seconds) ?? 0
        slots = max(0, slots - prior)
      }
    }
    let heldOut = holdout
    let isHeldOut = heldOut.percent > 0 && heldOut.holds(customerID: customerID)
    var lastKept: String?
    for (index, (c, channel, address, reason, merged)) in reachable.enumerated() {
      var d = decision(c, customerID, status: .send, reason: reason)
      d.channel = plan.channels[channel].name
      d.address = address
      d.merged = merged
      if index >= slots {
        d.status = .capped
        d.reason = lastKept.map { "capped by \($0) (\(limitText))" }
          ?? "capped: \(limitText) already reached by earlier runs"
      } else {
        lastKept = plan.rules[Int(c.rule)].name
        if isHeldOut {
          d.status = .holdout
          d.reason = "in holdout (bucket \(heldOut.bucket(customerID: customerID)) < \(ValueText.number(heldOut.percent * 100)))"
        }
      }
      pending.append(d)
    }
    pending.sort { ($0.offer, $0.rule, $0.triggerID ?? "") < ($1.offer, $1.rule, $1.triggerID ?? "") }
    out.append(contentsOf: pending)
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

  private func decision(
    _ c: Candidate, _ customerID: String, status: DecisionStatus, reason: String
  ) -> Decision {
    let rule = plan.rules[Int(c.rule)]
    let send = rule.sends[Int(c.send)]
    return Decision(
      customerID: customerID, rule: rule.name, offer: send.offer, triggerID: triggerID(c),
      triggerTime: c.triggerTime, sendAt: c.sendAt, expiresAt: c.sendAt + send.valid,
      channel: nil, address: nil, status: status, reason: reason, merged: 0,
      priority: rule.priority)
  }
}
