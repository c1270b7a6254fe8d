import PlaybookLanguage

/// Deciding one customer, step by step (docs/LANGUAGE.md, "Deciding"): already sent and
/// duplicate offers collapsed, the first reachable channel, rank and cap (`limit`), then
/// the holdout; the outcomes ordered as a customer's decisions are.
extension Decider {
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

  /// One customer's outcomes, appended to `outcomes` in the order of their decisions:
  /// the steps of docs/LANGUAGE.md's "Deciding", one after the other.
  func decide(
    customer: Int, _ candidates: ArraySlice<Candidate>, into outcomes: inout [Outcome], scratch: inout Scratch
  ) {
    let first = outcomes.count
    // Only a history needs the customer id as a `String`.
    let customerID = hasHistory ? plan.dataset.customerIDs.string(customer) : ""
    collapse(candidates, customerID: customerID, into: &outcomes, kept: &scratch.kept)
    reach(customer: customer, scratch: &scratch, into: &outcomes)
    let ranked = outcomes.count
    rankAndCap(&scratch.reachable, customerID: customerID, into: &outcomes)
    holdOut(customer: customer, outcomes: &outcomes, from: ranked)
    orderByOffer(&outcomes, from: first)
  }

  /// Already sent: recorded, and out of the running. The rest collapse by offer: the
  /// best of each offer's candidates is kept, counting the others it absorbed.
  @inline(__always)
  private func collapse(
    _ candidates: ArraySlice<Candidate>, customerID: String, into outcomes: inout [Outcome],
    kept: inout [(candidate: Candidate, merged: Int)]
  ) {
    kept.removeAll(keepingCapacity: true)
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
      if let i = kept.firstIndex(where: { offer($0.candidate) == send.offerIndex }) {
        if better(c, than: kept[i].candidate) { kept[i].candidate = c }
        kept[i].merged += 1
      } else {
        kept.append((c, 0))
      }
    }
  }

  /// Each kept candidate's channel: the first of its send's that reaches the customer.
  /// Those no channel reaches are unreachable; the rest go on to `rankAndCap`.
  @inline(__always)
  private func reach(customer: Int, scratch: inout Scratch, into outcomes: inout [Outcome]) {
    scratch.reachable.removeAll(keepingCapacity: true)
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
  }

  /// `limit`: the reachable offers in rank order, the best N sent and the rest capped
  /// (N less what earlier runs sent within the limit's period, per the history).
  @inline(__always)
  private func rankAndCap(_ reachable: inout [Reachable], customerID: String, into outcomes: inout [Outcome]) {
    if reachable.count > 1 { reachable.sort { rank($0.candidate, before: $1.candidate) } }
    var slots = reachable.count
    if let limit = plan.model.limit {
      slots = Int(limit.count.value)
      if let period = limit.period {
        let prior = history?.sentCount(customerID: customerID, since: plan.clock - period.seconds) ?? 0
        slots = max(0, slots - prior)
      }
    }
    var lastKept: Int?  // the rule of the last offer kept
    var kept = 0
    for r in reachable {
      var status = DecisionStatus.send
      var reason = r.reason
      if kept >= slots {
        status = .capped
        reason = lastKept.map { reasons.cappedBy[$0] } ?? reasons.cappedByEarlierRuns
      } else if hasMessages, let unrendered = unrendered(r.candidate, channel: r.channel) {
        // A message with a hole is never sent, and leaves its place to the next offer.
        status = .unrendered
        reason = unrendered
      } else {
        lastKept = Int(r.candidate.rule)
        kept += 1
      }
      outcomes.append(
        Outcome(candidate: r.candidate, status: status, reason: reason, channel: r.channel, merged: r.merged))
    }
  }

  /// The control group: a held-out customer's offers that would be sent (from `start`
  /// on) are held out instead.
  @inline(__always)
  private func holdOut(customer: Int, outcomes: inout [Outcome], from start: Int) {
    guard start < outcomes.count,
      let bucket = plan.dataset.customerIDs.withUTF8(customer, { holdout.heldBucket(customerID: $0) })
    else { return }
    for i in start..<outcomes.count where outcomes[i].status == .send {
      outcomes[i].status = .holdout
      outcomes[i].reason = reasons.holdout[bucket]
    }
  }

  /// A customer's outcomes (from `first` on) by offer code, rule name, then trigger id,
  /// as text.
  @inline(__always)
  private func orderByOffer(_ outcomes: inout [Outcome], from first: Int) {
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
}
