import Foundation
import PlaybookLanguage

/// Printing to the terminal: diagnostics to stderr through the one renderer.
enum Terminal {
  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Renders each diagnostic (with the source lines it points into) to stderr.
  static func report(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
    let renderer = DiagnosticRenderer(
      sources: Dictionary(sources.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }),
      color: DiagnosticRenderer.usesColor(
        fileDescriptor: 2, environment: ProcessInfo.processInfo.environment))
    for diagnostic in diagnostics { printError(renderer.render(diagnostic)) }
  }

  /// The current time, read once per command and passed down.
  static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
