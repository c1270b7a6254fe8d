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
    if startsHistory { editHistory.clear() } else { editHistory.record(before) }
    output.blocks += impact(since: before, run: beforeRun)
    return output
  }

  /// `:undo`: back to the state before the last edit, with the impact.
  func undo() -> ShellOutput {
    let current = editState
    let run = lastRun
    guard let previous = editHistory.stepBack(from: current) else { return failure(.nothingToUndo) }
    restore(previous)
    return ShellOutput([.message("undid the last edit")] + impact(since: current, run: run))
  }

  /// `:redo`: forward again to the state `:undo` left, with the impact.
  func redo() -> ShellOutput {
    let current = editState
    let run = lastRun
    guard let next = editHistory.stepForward(from: current) else { return failure(.nothingToRedo) }
    restore(next)
    return ShellOutput([.message("redid the edit")] + impact(since: current, run: run))
  }

  private func restore(_ state: EditHistory.State) {
    document = state.document
    accept(Checked(model: state.model, workspace: state.workspace, reloaded: false, diagnostics: []))
    dataVersion = state.dataVersion
    clockOverride = state.clockOverride
    hasUnsavedChanges = state.hasUnsavedChanges
  }
}
