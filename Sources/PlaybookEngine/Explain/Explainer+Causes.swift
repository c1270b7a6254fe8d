import PlaybookLanguage

extension Explainer {
  /// Who the customer numbered `customer` is: their name, the fields the playbook reads,
  /// how each channel reaches them, their segments and zone, and `earlierSends`.
  func facts(customer: Int, earlierSends: [PastSend]) -> CustomerFacts {
    let table = plan.dataset.customers
    let read = customerFieldsRead()
    let shownElsewhere = Set([plan.model.customerTable?.keyColumn, plan.model.timezoneColumn].compactMap { $0 })
    func value(_ name: String) -> String? {
      table.columnIndex(name).flatMap { ValueText.text(of: table.columns[$0], row: customer) }
    }
    let name = CustomerLookup(plan: plan).name(of: customer)
    let fields = table.columns.map(\.name).filter {
      read.contains($0) && !shownElsewhere.contains($0) && !channelColumns.contains($0)
    }
    let zone = plan.model.timezone != nil ? plan.zones.zone(ofCustomer: customer) : nil
    return CustomerFacts(
      id: plan.dataset.customerIDs.string(customer), name: name,
      fields: fields.map { ($0, value($0) ?? "") },
      channels: plan.channels.map {
        ChannelReach(
          channel: $0.name, address: $0.addressText(customer: customer), obstacle: $0.obstacleKind(customer: customer))
      },
      segments: plan.segments.keys.sorted().map { name in
        (name, plan.segments[name].map { Truth(stored: $0.value(customer)) } ?? .unknown)
      },
      zone: zone?.identifier, earlierSends: earlierSends, offsets: zone)
  }

  /// The customer columns the playbook's conditions, segments and row filters read
  /// (through `with` mappings).
  private func customerFieldsRead() -> Set<String> {
    let checked = plan.checked
    var read = checked.rules.flatMap { $0.conditions + $0.exceptions } + checked.segments.values
    for filter in checked.rowFilters.values.joined() { read.append(filter.condition) }
    return customerColumns(in: read)
  }

  /// The columns channels address and ask consent of: shown with the channels.
  private var channelColumns: Set<String> {
    customerColumns(in: plan.checked.channels.flatMap { [$0.address] + ($0.requires.map { [$0] } ?? []) })
  }

  /// The customer columns `expressions` read.
  private func customerColumns(in expressions: [TypedExpr]) -> Set<String> {
    var columns: Set<String> = []
    var pending = expressions
    while let e = pending.popLast() {
      if case .path(let row, let field?) = e.expr.kind, let table = plan.model.table(ofRow: row.text),
        table.isCustomers
      {
        columns.insert(table.column(forField: field.text))
      }
      pending += e.operands
    }
    return columns
  }

  /// Why `decision` (one of the customer's `decisions`) is what it is, in the terms of the
  /// `decider` that made it (its control group, its reason texts).
  func cause(of decision: Decision, among decisions: [Decision], facts: CustomerFacts, decider: Decider)
    -> DecisionCause
  {
    let rule = plan.rules.first { $0.name == decision.rule }
    let reaches = rule?.sends.first { $0.offer == decision.offer }?.channels.map { facts.channels[$0] } ?? []
    switch decision.status {
    case .send:
      let passedOver = reaches.prefix { $0.channel != decision.channel }
      return .sent(channel: decision.channel ?? "", passedOver: Array(passedOver))
    case .holdout:
      return .heldOut(percent: ValueText.number(decider.holdout.percent) + "%")
    case .unreachable:
      return .unreachable(reaches)
    case .unrendered:
      return .unrendered(reason: decision.reason)
    case .capped:
      return capped(decision, priority: rule?.priority ?? 0, among: decisions, facts: facts, decider: decider)
    case .alreadySent:
      if let rule, let every = rule.every, let history,
        let last = history.lastSend(rule: rule.name, customerID: facts.id)
      {
        return .notYetEligible(last: last, again: last.sendAt + every, every: rule.everySpelling)
      }
      // A triggered rule sends once per trigger (any offer), a customer-only rule each offer once.
      let sends = facts.earlierSends.filter { send in
        guard send.rule == decision.rule else { return false }
        return decision.triggerID.map { send.triggerID == $0 } ?? (send.offer == decision.offer)
      }
      return .alreadySent(sends.last)
    }
  }

  /// A capped decision's cause: the limit (matched against the decider's own reason
  /// texts, so it is the limit the decider named) and the offer that took its place, or
  /// the earlier sends that used it up.
  private func capped(
    _ decision: Decision, priority: Int, among decisions: [Decision], facts: CustomerFacts, decider: Decider
  ) -> DecisionCause {
    let reasons = decider.reasons
    let limits = plan.model.limits
    for i in limits.indices {
      if let k = reasons.cappedBy[i].firstIndex(where: { reasons.texts.text($0) == decision.reason }) {
        let winner = plan.rules[k]
        let kept = decisions.first { $0.rule == winner.name && ($0.status == .send || $0.status == .holdout) }
        return .outranked(
          winnerRule: winner.name, winnerOffer: kept?.offer, winnerPriority: winner.priority, priority: priority,
          limit: limits[i].text)
      }
      if reasons.texts.text(reasons.cappedByEarlierRuns[i]) == decision.reason {
        let limit = decider.limits[i]
        let sends = facts.earlierSends.filter { send in
          limit.period.map { send.sendAt >= plan.clock - $0 } ?? true
            && (limit.channelName.map { $0 == send.channel } ?? true)
        }
        return .limitUsedUp(limit: limits[i].text, sends: sends)
      }
    }
    return .other(reason: decision.reason)
  }
}
