/// The engine side of the shell: the session's playbook, data and clock. The shell reads
/// and groups input, handles `:help` and `:quit`, and hands everything else here.
///
/// Calls come from the shell's one thread, one at a time. A long command should poll
/// `Interrupt.requested` (set by Ctrl-C) between batches and stop early.
public protocol ShellSession: AnyObject {
  /// Parses and checks one statement and, if it is sound, adds it to the playbook
  /// (replacing a rule, segment or offer of the same name, and saying so). A statement
  /// that fails is not added; its diagnostics point into `statement.text`, whose first
  /// line is line `statement.firstLine` of the input named `sourceName` (`<stdin>` for
  /// a script; `<shell>` at the prompt, where every statement starts at line 1).
  func add(_ statement: TypedStatement, sourceName: String) -> ShellOutput

  /// Runs every command except `:help` and `:quit`, which the shell handles.
  func run(_ command: ShellCommand) -> ShellOutput

  /// The names to complete, read when Tab is pressed.
  var vocabulary: ShellVocabulary { get }

  /// True when the playbook changed since it was last loaded or saved.
  var hasUnsavedChanges: Bool { get }

  /// Whether `:save path` would replace an existing file other than the playbook's own
  /// (the shell then asks first).
  func savingReplacesAnotherFile(_ path: String) -> Bool

  /// `:edit [NAME]` in `editor`, the terminal's (nil in a script).
  func edit(_ name: String?, using editor: (any EditorLauncher)?) -> ShellOutput
}

extension ShellSession {
  /// Never: a session without files replaces none.
  public func savingReplacesAnotherFile(_ path: String) -> Bool { false }
  /// Nothing to edit.
  public func edit(_ name: String?, using editor: (any EditorLauncher)?) -> ShellOutput { .empty }
}
