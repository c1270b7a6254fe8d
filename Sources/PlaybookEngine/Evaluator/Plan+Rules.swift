import PlaybookLanguage

extension Plan {
  /// Compiles one checked rule: its trigger source, conditions, phrases and sends.
  static func compile(
    _ rule: CheckedRule, with compiler: ExpressionCompiler, offers: [(code: String, valid: Int64)]
  ) -> RulePlan {
    let name = rule.rule.name.text
    var ruleCompiler = compiler.counting(for: "rule '\(name)'")
    var trigger: TriggerSource?
    if let row = rule.trigger {
      let dataset = compiler.dataset
      guard let binding = compiler.model.table(ofRow: row), let table = dataset.events[binding.name],
        let link = dataset.links[binding.name], let lifecycle = compiler.lifecycles[binding.name],
        let keyColumn = table.columnIndex(binding.keyColumn)
      else {
        preconditionFailure(
          "rule '\(name)' triggers on '\(row)', which has no loaded event table with its key")
      }
      ruleCompiler.slots[row] = .row
      trigger = TriggerSource(
        rowName: row, table: table, link: link, lifecycle: lifecycle, members: compiler.members[row],
        keyColumn: keyColumn, phrases: rule.rule.phrases(on: row), window: compiler.model.window)
    }
    var sends: [SendPlan] = []
    var lines: [SendLine] = []
    for send in rule.sends {
      guard send.offers.allSatisfy(offers.indices.contains),
        send.channels.allSatisfy(compiler.model.channels.indices.contains)
      else {
        preconditionFailure(
          "rule '\(name)' sends an undeclared offer or channel; the checker resolves every send")
      }
      let split = send.send.isSplit ? VariantSplit(rule: name, send: send.send, model: compiler.model) : nil
      let first = sends.count
      lines.append(SendLine(first: first, split: split))
      for (i, offer) in send.offers.enumerated() {
        sends.append(
          SendPlan(
            offer: offers[offer].code, offerIndex: offer, channels: send.channels,
            after: send.send.after?.seconds ?? 0, valid: offers[offer].valid,
            variant: split == nil ? nil : VariantSplit.name(i), line: first..<first + send.offers.count,
            messages: send.messages[i].map { MessagePlan($0, compiler: ruleCompiler) }))
      }
    }
    return RulePlan(
      name: name, priority: rule.binding.priority, order: rule.binding.order, trigger: trigger,
      conditions: rule.conditions.map(ruleCompiler.compile),
      exceptions: rule.exceptions.map(ruleCompiler.compile),
      phrases: rule.trigger.map(rule.rule.phrases(on:)) ?? [],
      sends: sends, lines: lines, every: rule.rule.every)
  }
}
