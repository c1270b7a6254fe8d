/// What `:edit` needs from the terminal: an editor to run on a file, a place to show
/// what the edited text checked to, and a yes-or-no question. Only the shell's terminal
/// layer runs a child process on the terminal; tests pass a fake.
public protocol EditorLauncher {
  /// Opens the file at `path` in the editor and waits for it to close. Returns nil when
  /// the editor ran and succeeded, else why not (`vim exited with status 1`).
  func edit(file path: String) -> String?
  /// Shows output now, before the next question.
  func show(_ output: ShellOutput)
  /// Asks `question`; true for yes (the default), false for no, Ctrl-C or Ctrl-D.
  func confirm(_ question: String) -> Bool
}
