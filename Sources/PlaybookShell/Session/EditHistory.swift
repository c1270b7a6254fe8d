import PlaybookEngine
import PlaybookLanguage

/// The session's playbook edits, for `:undo` and `:redo`: each step keeps the whole state
/// it replaced (statements, checked model, data, clock), so stepping back restores it
/// exactly. A new edit clears what could be redone; `:load` starts a new history (the
/// session it replaces, with its data, is not kept).
struct EditHistory {
  /// Everything an edit can change.
  struct State {
    var document: SessionDocument
    var model: PlaybookModel
    var workspace: Workspace?
    var dataVersion: Int
    var clockOverride: Int64?
    var hasUnsavedChanges: Bool
  }

  /// One edit: the state on its other side, and what it did (`replaced rule x`).
  struct Step {
    var state: State
    var label: String
  }

  /// At most this many steps are kept: each may hold data the session no longer loads.
  static let limit = 100

  private(set) var undo: [Step] = []
  private(set) var redo: [Step] = []
  /// The playbook as last loaded or saved, to tell whether a step leaves unsaved changes.
  var saved: Structure<Playbook>?

  /// Records the state an edit replaced; nothing is left to redo.
  mutating func record(_ replaced: State, label: String) {
    undo.append(Step(state: replaced, label: label))
    if undo.count > Self.limit { undo.removeFirst() }
    redo.removeAll()
  }

  /// The step to take back (the state before it), keeping `current` to redo; nil when
  /// there is none.
  mutating func stepBack(from current: State) -> Step? {
    guard let step = undo.popLast() else { return nil }
    redo.append(Step(state: current, label: step.label))
    return step
  }

  /// The step to make again (the state after it), keeping `current` to undo; nil when
  /// there is none.
  mutating func stepForward(from current: State) -> Step? {
    guard let step = redo.popLast() else { return nil }
    undo.append(Step(state: current, label: step.label))
    return step
  }

  /// Forgets every step (after `:load`), `saved` being the playbook loaded.
  mutating func clear(saved: Structure<Playbook>) {
    undo.removeAll()
    redo.removeAll()
    self.saved = saved
  }
}
