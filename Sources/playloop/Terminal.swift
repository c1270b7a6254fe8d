import Foundation
import PlaybookEngine
import PlaybookLanguage

/// Printing to the terminal: every diagnostic through the one renderer (stderr), or as
/// JSON (stdout). The only place this program writes to stderr.
enum Terminal {
  /// Renders each diagnostic (with the source lines it points into) to stderr.
  static func report(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
    let renderer = DiagnosticRenderer(
      sources: Dictionary(sources.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }),
      color: DiagnosticRenderer.usesColor(
        fileDescriptor: 2, environment: ProcessInfo.processInfo.environment))
    for diagnostic in diagnostics { writeError(renderer.render(diagnostic)) }
  }

  /// The argument parser's usage lines, after the `usage_error` diagnostic saying what
  /// was wrong: help for the command, not a diagnostic.
  static func printUsage(_ text: String) { writeError(text) }

  /// `{"diagnostics": [...]}` on stdout.
  static func printJSON(_ diagnostics: [Diagnostic]) {
    print(Diagnostic.json(diagnostics).prettyText, terminator: "")
  }

  /// The current time, read once per command and passed down.
  static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

  private static func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}
