import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// `:explain CUSTOMER [RULE] with STATEMENTS`: the explanation as if the statements were
  /// in the playbook (each replacing the one in its slot, or added; a rule may be typed on
  /// one line), checked against the loaded data. The session's playbook is not changed.
  func explain(_ customerID: String, rule: String?, with statements: String) -> ShellOutput {
    guard workspace != nil else { return failure(.noData) }
    let typed = TypedStatement(text: OneLineRule.laidOut(statements), firstLine: 1)
    let parsed = document.parse(typed, sourceName: "with")
    if parsed.diagnostics.contains(where: { $0.severity == .error }) {
      return rendered(PlaybookChecker.sorted(parsed.diagnostics + alsoWrong(parsed)), pending: parsed.chunk)
    }
    let (playbook, changes) = merging(rebased(parsed.statements))
    let checked = check(playbook, text: document.text(appending: parsed.chunk))
    guard let changed = checked.workspace, !checked.diagnostics.contains(where: { $0.severity == .error }) else {
      return rendered(checked.diagnostics, pending: parsed.chunk)
    }
    var output = explain(
      customerID, rule: rule, in: changed, plan: Plan(checked: changed.checked, dataset: changed.dataset, clock: clock))
    let said = changes.isEmpty ? "nothing changed" : changes.joined(separator: ", ")
    output.blocks.insert(.message("What if: \(said) (the playbook is not changed)."), at: 0)
    return output
  }
}
