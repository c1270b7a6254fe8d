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

  /// At most this many steps are kept: each may hold data the session no longer loads.
  static let limit = 100

  private(set) var undo: [State] = []
  private(set) var redo: [State] = []

  /// Records the state an edit replaced; nothing is left to redo.
  mutating func record(_ replaced: State) {
    undo.append(replaced)
    if undo.count > Self.limit { undo.removeFirst() }
    redo.removeAll()
  }

  /// The state to go back to, keeping `current` to redo; nil when there is none.
  mutating func stepBack(from current: State) -> State? {
    guard let previous = undo.popLast() else { return nil }
    redo.append(current)
    return previous
  }

  /// The state to go forward to, keeping `current` to undo; nil when there is none.
  mutating func stepForward(from current: State) -> State? {
    guard let next = redo.popLast() else { return nil }
    undo.append(current)
    return next
  }

  /// Forgets every step (after `:load`).
  mutating func clear() {
    undo.removeAll()
    redo.removeAll()
  }
}
