/// Where the shell's lines come from: the line editor at a terminal, or a script.
public protocol LineSource: AnyObject {
  /// Reads one line, showing `prompt` when interactive.
  func read(prompt: String) -> LineRead
  /// Remembers a whole statement or command for arrow-up (a no-op for scripts).
  func remember(_ entry: String)
}

/// The outcome of reading a line.
public enum LineRead: Equatable, Sendable {
  /// A line, without its line break. A recalled multi-line history entry may hold `\n`s.
  case line(String)
  /// Ctrl-C: the line being typed was dropped.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the script.
  case end
}

/// Lines from a non-terminal stdin: no prompts, no editing, byte-exact.
final class ScriptLines: LineSource {
  /// A source reading the process's standard input.
  init() {}
  /// The next line of stdin without its line break; `prompt` is ignored. `.end` at end of input.
  func read(prompt: String) -> LineRead {
    readLine(strippingNewline: true).map(LineRead.line) ?? .end
  }
  /// Does nothing: a script keeps no history.
  func remember(_ entry: String) {}
}
