import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// Printing to the terminal: every diagnostic through the one renderer (stderr), or as
/// JSON (stdout). The only place this program writes to stderr. Text for people goes
/// through `printText`, so control characters from data never reach the terminal raw.
enum Terminal {
  /// Renders the diagnostics (with the source lines they point into) to stderr: the
  /// first `DiagnosticRenderer.shownLimit` in full, then how many more there are.
  static func report(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer(
      sources: Dictionary(sources.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }),
      color: DiagnosticRenderer.usesColor(
        fileDescriptor: 2, environment: ProcessInfo.processInfo.environment))
    writeError(renderer.render(diagnostics, limit: DiagnosticRenderer.shownLimit))
  }

  /// The argument parser's usage lines, after the `usage_error` diagnostic saying what
  /// was wrong: help for the command, not a diagnostic.
  static func printUsage(_ text: String) { writeError(text) }

  /// Text for people on stdout, control characters (from data: ids, names) escaped.
  static func printText(_ text: String) {
    print(text.escapingControlCharacters, terminator: "")
  }

  /// `{"diagnostics": [...]}` on stdout, every diagnostic (JSON is not capped).
  static func printJSON(_ diagnostics: [Diagnostic]) {
    print(Diagnostic.json(diagnostics).prettyText, terminator: "")
  }

  /// A command's JSON answer on stdout, with a `diagnostics` member (the warnings that
  /// text output shows on stderr) added at its end.
  static func printJSON(_ document: JSONValue, diagnostics: [Diagnostic]) {
    guard case .object(var members) = document else { preconditionFailure("a command answers with an object") }
    members.append(JSONMember("diagnostics", .array(diagnostics.map(\.json))))
    print(JSONValue.object(members).prettyText, terminator: "")
  }

  /// Where the progress line is drawn (`ProgressDisplay`): stderr when it is a terminal
  /// and `TERM` is not `dumb`; nil otherwise. The shell draws through it too.
  static func progressOutput(environment: [String: String]) -> ProgressDisplay.Output? {
    guard isatty(2) == 1, environment["TERM"] != "dumb" else { return nil }
    return ProgressDisplay.Output(
      write: { FileHandle.standardError.write(Data($0.utf8)) },
      width: {
        var size = winsize()
        return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
      })
  }

  /// The current time, read once per command and passed down.
  static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

  private static func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}
