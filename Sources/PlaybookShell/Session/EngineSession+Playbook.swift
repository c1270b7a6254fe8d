import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// `:rules`: one line per rule with its priority, trigger and offers.
  func rules() -> ShellOutput {
    guard !model.rules.isEmpty else { return .message("no rules yet") }
    // Triggers are known once the playbook checks against its data.
    let triggers = workspace?.checked.rules.map(\.trigger) ?? []
    let rows = model.rules.enumerated().map { index, binding in
      [
        binding.rule.name.text, String(binding.priority),
        (triggers.indices.contains(index) ? triggers[index] : nil) ?? "customer",
        binding.rule.sends.map(\.variantsText).joined(separator: ", "),
      ]
    }
    return ShellOutput([
      .table(
        TextTable(
          headers: ["rule", "priority", "trigger", "offers"], rows: rows,
          alignments: [.left, .right, .left, .left]))
    ])
  }

  /// `:show NAME`: the statement as `:save` writes it, with its comments.
  func show(_ name: String) -> ShellOutput {
    guard let statement = document.playbook.statements.first(where: { $0.name == name }) else {
      return unknownName(name)
    }
    let text = PlaybookFormatter.format(
      Playbook(statements: [statement], comments: document.comments(within: statement.range)))
    return .message(text)
  }

  /// `:drop NAME`: removes a statement unless something else still uses it.
  func drop(_ name: String) -> ShellOutput {
    guard let index = document.playbook.statements.firstIndex(where: { $0.name == name }) else {
      return unknownName(name)
    }
    var remaining = document
    let slot = remaining.playbook.statements[index].slot
    remaining.removeStatement(at: index)
    let checked = check(remaining.playbook, text: remaining.text)
    if checked.diagnostics.contains(where: { $0.severity == .error }) {
      var output = failure(.stillUsed(slot))
      output.blocks +=
        rendered(checked.diagnostics.filter { $0.severity == .error }, pending: nil).blocks
      return output
    }
    document = remaining
    accept(checked)
    hasUnsavedChanges = true
    return .message("dropped \(slot)")
  }

  /// `:as-of TIME`: the clock for every later command.
  func asOf(_ time: String) -> ShellOutput {
    if time == "now" {
      clockOverride = now()
    } else if let parsed = Timestamp.parse(time) {
      clockOverride = parsed.seconds
    } else {
      return failure(.invalidTime(time))
    }
    return .message("Clock \(Timestamp.format(clock)).")
  }

  /// `no rule, segment, offer or channel 'x'; did you mean 'y'?`
  func unknownName(_ name: String, kinds: CommandSpec.NameKinds = .all) -> ShellOutput {
    let names = vocabulary.names(kinds)
    var what: [String] = []
    if kinds.contains(.rules) { what.append("rule") }
    if kinds.contains(.segments) { what.append("segment") }
    if kinds.contains(.offers) { what.append("offer") }
    if kinds.contains(.channels) { what.append("channel") }
    if kinds.contains(.definitions) { what.append("definition") }
    if kinds.contains(.tables) { what.append("table") }
    let list =
      what.count > 1
      ? what.dropLast().joined(separator: ", ") + " or " + what[what.count - 1] : what[0]
    return failure(.unknownName(name, kinds: list, suggestion: NearNames.didYouMean(name, in: names)))
  }
}
