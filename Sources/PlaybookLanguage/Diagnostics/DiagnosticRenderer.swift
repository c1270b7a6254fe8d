#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints diagnostics for people, the same way for every layer:
///
///     Playbooks/x.playbook:2:27: error: unknown phrase 'withn'
///       2 |   when complaint resolved withn 4h
///         |                           ^~~~~ did you mean 'within'?
///
/// The caret sits under the range's first character and `~` under the rest of it (to
/// the end of the line for a range over several lines); the hint follows the caret.
/// Without a range, or without the file's text (a data file), only the first line is
/// printed (`customers.csv:12: error: …`), with the hint on a `  hint:` line.
public struct DiagnosticRenderer: Sendable {
  private let sources: [String: [Substring]]
  private let style: DiagnosticStyle

  /// - Parameters:
  ///   - sources: the text of each file a diagnostic may point into, by path.
  ///   - color: ANSI colours; decide with `DiagnosticRenderer.usesColor(…)`.
  public init(sources: [String: String], color: Bool = false) {
    self.sources = sources.mapValues { text in
      text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.last == "\r" ? $0.dropLast() : $0
      }
    }
    self.style = DiagnosticStyle(enabled: color)
  }

  /// One diagnostic, without a final line break.
  public func render(_ diagnostic: Diagnostic) -> String {
    let severity = style.severity(diagnostic.severity)
    guard let range = diagnostic.range else {
      return header("\(diagnostic.file): ", severity, diagnostic) + hintLine(diagnostic)
    }
    let start = range.start
    guard let lines = sources[diagnostic.file] else {
      return header("\(diagnostic.file):\(start.line): ", severity, diagnostic) + hintLine(diagnostic)
    }
    let text = start.line >= 1 && start.line <= lines.count ? lines[start.line - 1] : ""
    let number = String(start.line)
    let gutter = String(repeating: " ", count: number.count + 3) + "|"
    let (shown, caretStart, caretWidth) = DiagnosticRenderer.layout(text, range: range)
    var caret = style.caret("^" + String(repeating: "~", count: max(caretWidth, 1) - 1))
    if let hint = diagnostic.hint { caret += " " + style.hint(hint) }
    return header("\(diagnostic.file):\(start.line):\(start.column): ", severity, diagnostic) + "\n"
      + style.gutter("  \(number) |") + (shown.isEmpty ? "" : " " + shown) + "\n"
      + style.gutter(gutter) + " " + String(repeating: " ", count: caretStart) + caret
  }

  /// Several diagnostics, one after another, each ending with a line break.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { render($0) + "\n" }.joined()
  }

  /// Colour on only for a terminal, never when `TERM` is `dumb` or `NO_COLOR` is set
  /// (to anything).
  public static func usesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
    isTerminal && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
  }

  /// `usesColor` for a file descriptor of this process (2 for standard error).
  public static func usesColor(fileDescriptor: Int32, environment: [String: String]) -> Bool {
    usesColor(isTerminal: isatty(fileDescriptor) == 1, environment: environment)
  }

  private func header(_ location: String, _ severity: String, _ d: Diagnostic) -> String {
    style.location(location) + severity + ": " + style.message(d.message)
  }

  private func hintLine(_ d: Diagnostic) -> String {
    d.hint.map { "\n  " + style.hint("hint: " + $0) } ?? ""
  }

  static let tabWidth = 4

  /// The line as shown (tabs expanded to the next multiple of 4) and where, in shown
  /// columns, the caret starts and how wide the range is on this line.
  static func layout(_ line: Substring, range: SourceRange) -> (String, Int, Int) {
    var shown = ""
    var caretStart: Int?
    var caretEnd: Int?
    let startColumn = range.start.column
    let endColumn = range.end.line == range.start.line ? range.end.column : Int.max
    var column = 1
    for character in line {
      if column == startColumn { caretStart = shown.count }
      if column == endColumn { caretEnd = shown.count }
      if character == "\t" {
        shown += String(repeating: " ", count: tabWidth - shown.count % tabWidth)
      } else {
        shown.append(character)
      }
      column += 1
    }
    let start = caretStart ?? shown.count + max(0, startColumn - column)
    let end = max(caretEnd ?? shown.count, start + 1)
    while shown.last == " " { shown.removeLast() }
    return (shown, start, end - start)
  }
}

/// The colour decorator: ANSI escapes around each part, or nothing when off.
struct DiagnosticStyle: Sendable {
  let enabled: Bool

  private func paint(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func location(_ text: String) -> String { paint(text, "1") }
  func message(_ text: String) -> String { paint(text, "1") }
  func gutter(_ text: String) -> String { paint(text, "34") }
  func caret(_ text: String) -> String { paint(text, "1;32") }
  func hint(_ text: String) -> String { paint(text, "36") }

  func severity(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: paint("error", "1;31")
    case .warning: paint("warning", "1;33")
    case .note: paint("note", "1;36")
    }
  }
}
