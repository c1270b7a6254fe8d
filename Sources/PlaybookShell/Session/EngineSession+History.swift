import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// The state an edit changes, to restore on `:undo`/`:redo`.
  var editState: EditHistory.State {
    EditHistory.State(
      document: document, model: model, workspace: workspace, dataVersion: dataVersion,
      clockOverride: clockOverride, hasUnsavedChanges: hasUnsavedChanges)
  }

  /// Runs `edit` (a statement, `:drop`, `:as-of`, `:load`); when it changed the playbook
  /// or the clock, records the step for `:undo` (or, with `startsHistory`, forgets the
  /// steps before it) and appends its impact on the decisions.
  func editing(startsHistory: Bool = false, _ edit: () -> ShellOutput) -> ShellOutput {
    let before = editState
    let beforeRevision = revision
    let beforeRun = lastRun
    var output = edit()
    guard revision != beforeRevision || clockOverride != before.clockOverride else { return output }
    if startsHistory {
      editHistory.clear(saved: Structure(document.playbook))
    } else {
      let said = output.blocks.lazy.compactMap { if case .message(let text) = $0 { text } else { nil } }.first
      editHistory.record(before, label: said.map { String($0.prefix { $0 != "\n" }) } ?? "the last edit")
    }
    // Without rules nothing is decided; a `test` block decides nothing: no impact to show.
    if before.model.rules.isEmpty && model.rules.isEmpty { return output }
    let (testsBefore, decisiveBefore) = Self.split(before.model.playbook)
    let (testsNow, decisiveNow) = Self.split(model.playbook)
    if clockOverride == before.clockOverride, decisiveBefore == decisiveNow, testsBefore != testsNow {
      return output
    }
    output.blocks += impact(since: before, run: beforeRun)
    return output
  }

  /// The tests, and every other statement (what decisions depend on), without positions.
  private static func split(_ playbook: Playbook) -> (tests: [Structure<Statement>], decisive: [Structure<Statement>]) {
    var tests: [Structure<Statement>] = []
    var decisive: [Structure<Statement>] = []
    for statement in playbook.statements {
      if case .test = statement.kind {
        tests.append(Structure(statement))
      } else {
        decisive.append(Structure(statement))
      }
    }
    return (tests, decisive)
  }

  /// `:undo`: back to the state before the last edit, with the impact.
  func undo() -> ShellOutput { step(back: true) }

  /// `:redo`: forward again to the state `:undo` left, with the impact.
  func redo() -> ShellOutput { step(back: false) }

  private func step(back: Bool) -> ShellOutput {
    let current = editState
    let run = lastRun
    let step = back ? editHistory.stepBack(from: current) : editHistory.stepForward(from: current)
    guard let step else { return failure(back ? .nothingToUndo : .nothingToRedo) }
    restore(step.state)
    return ShellOutput([.message("\(back ? "undone" : "redone"): \(step.label)")] + impact(since: current, run: run))
  }

  private func restore(_ state: EditHistory.State) {
    document = state.document
    accept(Checked(model: state.model, workspace: state.workspace, reloaded: false, diagnostics: []))
    dataVersion = state.dataVersion
    clockOverride = state.clockOverride
    // Saved since the step was recorded, the file holds another playbook than the step's.
    hasUnsavedChanges = editHistory.saved.map { $0 != Structure(document.playbook) } ?? state.hasUnsavedChanges
  }
}
