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
    /// Each limit's slots left for the customer, in `limits`' order.
    var slots: [Int] = []
    /// Each limit's last kept offer's rule (-1 before any): who a capped offer is capped by.
    var lastKept: [Int] = []
    /// What spells decisions out, made on first use and kept for the customers after
    /// (making one copies the plan's names).
    var speller: DecisionSpeller?
  }

  /// A decision before it is spelled out: all it needs but text, numbers alone (its
  /// reason's text is the run's, `ReasonTexts`), so copying one counts no references.
  struct Outcome {
    var candidate: Candidate
    var status: DecisionStatus
    var reason: Reason
    /// The channel chosen, an index into the plan's; nil when unreachable or already sent.
    var channel: Int?
    var merged: Int
  }

  struct Reachable {
    var candidate: Candidate
    var channel: Int
    var reason: Reason
    var merged: Int
  }

  /// One customer's outcomes, appended to `outcomes` in the order of their decisions:
  /// the steps of docs/LANGUAGE.md's "Deciding", one after the other.
  func decide(
    customer: Int, _ candidates: ArraySlice<Candidate>, into outcomes: inout [Outcome], scratch: inout Scratch
  ) {
    let first = outcomes.count
    // Only a history needs the customer id as a `String`.
    let customerID = hasHistory ? customerIDs.string(customer) : ""
    collapse(candidates, customerID: customerID, into: &outcomes, kept: &scratch.kept)
    reach(customer: customer, scratch: &scratch, into: &outcomes)
    let ranked = outcomes.count
    rankAndCap(&scratch, customerID: customerID, into: &outcomes)
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
      if hasHistory, let history {
        let rule = plan.rules[Int(c.rule)]
        if let reason = alreadySent(c, rule: rule, send: rule.sends[Int(c.send)], customerID: customerID, history) {
          outcomes.append(Outcome(candidate: c, status: .alreadySent, reason: reason, channel: nil, merged: 0))
          continue
        }
      }
      let offer = offer(c)
      if let i = kept.firstIndex(where: { self.offer($0.candidate) == offer }) {
        if better(c, than: kept[i].candidate) { kept[i].candidate = c }
        kept[i].merged += 1
      } else {
        kept.append((c, 0))
      }
    }
  }

  /// Why an earlier run's send rules the candidate out; nil when none does. A rule with
  /// `every D` sends again once D has passed since its last send to the customer (at
  /// exactly D it may); other rules send once. Of a split, any variant sent before
  /// counts: a customer whose variant changed (new shares, a new seed) is not sent the
  /// other for the same trigger.
  @inline(__always)
  private func alreadySent(
    _ c: Candidate, rule: RulePlan, send: SendPlan, customerID: String, _ history: any SendHistory
  ) -> Reason? {
    if let every = rule.every {
      guard let last = history.lastSend(rule: rule.name, customerID: customerID), plan.clock - last.sendAt < every
      else { return nil }
      return reasons.texts.add(DecisionReasons.notYetEligible(last, every: every, spelling: rule.everySpelling))
    }
    let sent = rule.sends[send.line].contains {
      history.alreadySent(rule: rule.name, triggerID: triggerID(c), customerID: customerID, offer: $0.offer)
    }
    return sent ? reasons.alreadySent : nil
  }

  /// Each kept candidate's channel: the first of its send's that reaches the customer.
  /// Those no channel reaches are unreachable; the rest go on to `rankAndCap`.
  @inline(__always)
  private func reach(customer: Int, scratch: inout Scratch, into outcomes: inout [Outcome]) {
    scratch.reachable.removeAll(keepingCapacity: true)
    for (c, merged) in scratch.kept {
      // Usually the first channel reaches the customer and there is nothing to clear.
      if !scratch.obstacles.isEmpty { scratch.obstacles.removeAll(keepingCapacity: true) }
      let channelCount = sends.channelCount(c)
      var chosen = channelCount
      for position in 0..<channelCount {
        guard let obstacle = channelTests[sends.channel(c, position)].obstacle(customer: customer) else {
          chosen = position
          break
        }
        scratch.obstacles.append(obstacle)
      }
      let reason = reasons.channels[sends.send(c)].reason(
        chosen: chosen, obstacles: scratch.obstacles[...], texts: reasons.texts)
      guard chosen < channelCount else {
        outcomes.append(
          Outcome(candidate: c, status: .unreachable, reason: reason, channel: nil, merged: merged))
        continue
      }
      var candidate = c
      let channel = sends.channel(c, chosen)
      if hasLocalTime, let window = plan.channels[channel].window {
        candidate.sendAt = window.opening(atOrAfter: c.sendAt, in: plan.zones.zone(ofCustomer: customer))
      }
      scratch.reachable.append(Reachable(candidate: candidate, channel: channel, reason: reason, merged: merged))
    }
  }

  /// `limit`: the reachable offers in rank order, each sent while every limit that counts
  /// it (every limit without `via`, and those via its channel) has a slot left, and else
  /// capped by the first full one. A limit's slots are N less what earlier runs sent
  /// within its period (on its channel), per the history.
  @inline(__always)
  private func rankAndCap(_ scratch: inout Scratch, customerID: String, into outcomes: inout [Outcome]) {
    if scratch.reachable.count > 1 { scratch.reachable.sort { rank($0.candidate, before: $1.candidate) } }
    // One entry per limit, overwritten for each customer: emptying and refilling the
    // lists went through the standard library's generic `replaceSubrange`.
    if scratch.slots.count != limits.count {
      scratch.slots = [Int](repeating: 0, count: limits.count)
      scratch.lastKept = scratch.slots
    }
    for (i, limit) in limits.enumerated() {
      var slots = limit.count
      // `hasHistory` first: unwrapping `history` copies the existential for every customer.
      if hasHistory, let period = limit.period, let history {
        slots = max(
          0, slots - history.sentCount(customerID: customerID, since: plan.clock - period, channel: limit.channelName))
      }
      scratch.slots[i] = slots
      scratch.lastKept[i] = -1
    }
    for r in scratch.reachable {
      var status = DecisionStatus.send
      var reason = r.reason
      if let full = limits.indices.first(where: { limits[$0].counts(channel: r.channel) && scratch.slots[$0] <= 0 }) {
        status = .capped
        let kept = scratch.lastKept[full]
        reason = kept >= 0 ? reasons.cappedBy[full][kept] : reasons.cappedByEarlierRuns[full]
      } else if hasMessages, let unrendered = unrendered(r.candidate, channel: r.channel) {
        // A message with a hole is never sent, and leaves its place to the next offer.
        status = .unrendered
        reason = reasons.texts.add(unrendered)
      } else {
        for i in limits.indices where limits[i].counts(channel: r.channel) {
          scratch.slots[i] -= 1
          scratch.lastKept[i] = Int(r.candidate.rule)
        }
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
      let bucket = holdout.heldBucket(customerID: customerIDs.utf8(customer))
    else { return }
    for i in start..<outcomes.count where outcomes[i].status == .send {
      outcomes[i].status = .holdout
      outcomes[i].reason = reasons.holdout[bucket]
    }
  }

  /// A customer's outcomes (from `first` on) by offer code, rule name, then trigger id,
  /// each in `ByteOrder`.
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
        return triggerPrecedes(x, y)
      }
    }
  }
}
