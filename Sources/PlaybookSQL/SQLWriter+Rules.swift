import PlaybookLanguage

/// Rules: their trigger rows, conditions and trigger times, and the candidates they give.
extension SQLWriter {
  /// Each rule's CTE, then one SELECT per send line, all in one UNION ALL.
  func candidateUnion() -> String {
    var selects: [String] = []
    for (order, rule) in checked.rules.enumerated() {
      let name = self.rule(rule)
      let table = rule.trigger.flatMap { model.table(ofRow: $0)?.name }
      let window: String
      if rule.trigger == nil {
        window = ""  // A customer-only rule triggers at the clock, always in the window.
      } else if let seconds = model.window {
        window = "\n  WHERE trigger_time >= \(clock - seconds) AND trigger_time <= \(clock)"
      } else {
        window = "\n  WHERE trigger_time <= \(clock)"
      }
      var sendIndex = 0
      for send in rule.sends {
        if send.send.isSplit, !splitsByLine {
          _ = refuse(
            send.send.range, "a split picks its variant by a hash of the customer id, which is not compiled yet",
            construct: "send \(send.send.variantsText)")
        }
        let offer = model.offers[send.offers[0]].code
        let columns = [
          "customer_id",
          "\(literal(rule.rule.name.text, at: rule.rule.name.range)) AS rule",
          "\(literal(offer.text, at: offer.range)) AS offer",
          table.map { "\(literal($0, at: nil)) AS trigger_table" } ?? "NULL AS trigger_table",
          "trigger_id", "trigger_time",
          "greatest(trigger_time + \(send.send.after?.seconds ?? 0), \(clock)) AS send_at",
          "\(rule.binding.priority) AS priority", "\(order) AS rule_order", "\(sendIndex) AS send_index",
        ]
        selects.append("  SELECT " + columns.joined(separator: ", ") + "\n  FROM \(name)" + window)
        sendIndex += send.offers.count
      }
    }
    return selects.joined(separator: "\n  UNION ALL\n")
  }

  /// A rule's CTE: the customers (and trigger rows) whose conditions hold and whose
  /// exceptions do not, with the trigger time.
  private func rule(_ rule: CheckedRule) -> String {
    let name = d.identifier("rule_\(rule.rule.name.text)")
    return cte(name, comment: origin(rule.rule.name.range)) {
      var scope = Scope(rows: ["customer": customerAlias])
      var select = ["\(customerAlias).\(d.identifier("@key")) AS customer_id"]
      var from = "  FROM \(rows("customer")) AS \(customerAlias)"
      if let row = rule.trigger, let binding = model.table(ofRow: row) {
        let alias = d.identifier(row)
        scope.rows[row] = alias
        from =
          "  FROM \(rows(row)) AS \(alias)\n"
          + "  JOIN \(rows("customer")) AS \(customerAlias) ON \(customerAlias).\(d.identifier("@key")) = \(alias).\(d.identifier("@customer"))"
        select.append("\(alias).\(d.identifier("@key")) AS trigger_id")
        select.append("\(triggerTime(rule, row: row, alias: alias, binding: binding)) AS trigger_time")
      } else {
        select.append("NULL AS trigger_id")
        select.append("\(clock) AS trigger_time")
      }
      // A condition holds only when true; an exception stops the rule only when true.
      var conditions = rule.conditions.map { "(\(expr($0, &scope))) IS TRUE" }
      conditions += rule.exceptions.map { "NOT coalesce(\(expr($0, &scope)), FALSE)" }
      return "  SELECT " + select.joined(separator: ",\n    ") + "\n" + from
        + scope.joins.map { "\n  \($0)" }.joined()
        + (conditions.isEmpty ? "" : "\n  WHERE " + conditions.joined(separator: "\n    AND "))
    }
  }

  /// The time of the first lifecycle phrase on the trigger row (in `when`, in source
  /// order) that holds, else the row's opening, else the clock (`RulePlan.triggerTime`).
  private func triggerTime(_ rule: CheckedRule, row: String, alias: String, binding: TableBinding) -> String {
    var times = rule.rule.phrases(on: row).map { phrase -> String in
      let (truth, time) = lifecycle(phrase, alias: alias, binding: binding)
      return "CASE WHEN \(truth) THEN \(time) END"
    }
    if let opened = lifecycleColumn("opened", of: binding) { times.append("\(alias).\(d.identifier(opened))") }
    times.append("\(clock)")
    return "coalesce(" + times.joined(separator: ",\n      ") + ")"
  }

  /// A lifecycle phrase on a row (`Lifecycle.evaluate`): whether it holds, and the time
  /// it gives when it does. The columns are already null after the clock.
  func lifecycle(_ phrase: Phrase, alias: String, binding: TableBinding) -> (truth: String, time: String) {
    func column(_ field: String) -> String {
      lifecycleColumn(field, of: binding).map { "\(alias).\(d.identifier($0))" } ?? d.null(.integer)
    }
    let opened = column("opened")
    let resolved = column("resolved")
    let responded = column("responded")
    // Unknown without an opening; false without the end; else the elapsed time tested.
    func elapsed(_ end: String, _ seconds: Int64, within: Bool) -> String {
      "CASE WHEN \(opened) IS NULL THEN NULL WHEN \(end) IS NULL THEN FALSE ELSE "
        + "\(end) - \(opened) \(within ? "<=" : ">") \(seconds) END"
    }
    switch phrase {
    case .resolved: return ("\(resolved) IS NOT NULL", resolved)
    case .resolvedWithin(let d): return (elapsed(resolved, d.seconds, within: true), resolved)
    case .resolvedAfter(let d): return (elapsed(resolved, d.seconds, within: false), resolved)
    case .respondedWithin(let d): return (elapsed(responded, d.seconds, within: true), opened)
    case .respondedAfter(let d): return (elapsed(responded, d.seconds, within: false), opened)
    case .openFor(let d):
      return (
        "CASE WHEN \(opened) IS NULL THEN NULL ELSE \(resolved) IS NULL AND \(clock) - \(opened) >= \(d.seconds) END",
        "\(opened) + \(d.seconds)"
      )
    case .inLast(let d):
      return (
        "CASE WHEN \(opened) IS NULL THEN NULL ELSE \(opened) >= \(clock - d.seconds) AND \(opened) <= \(clock) END",
        opened
      )
    }
  }
}
