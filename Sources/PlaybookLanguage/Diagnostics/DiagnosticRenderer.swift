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
/// printed (`customers.csv:12: error: …`), with the hint on a `  hint:` line; without a
/// file (a command's message) it is `error: …`. Notes follow, one line each
/// (`x.playbook:7:21: note: loaded here`).
public struct DiagnosticRenderer: Sendable {
  private let sources: [String: [Substring]]
  private let style: DiagnosticStyle

  /// - Parameters:
  ///   - sources: the text of each file a diagnostic may point into, by path.
  ///   - color: ANSI colours; decide with `DiagnosticRenderer.usesColor(…)`.
  public init(sources: [String: String], color: Bool = false) {
    self.sources = sources.mapValues { text in
      // Columns do not count a byte order mark, so neither does the shown line.
      let body = text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text)
      // "\r\n" is one Character, so split on both line ends.
      return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
    self.style = DiagnosticStyle(enabled: color)
  }

  /// One diagnostic with its notes, without a final line break.
  public func render(_ diagnostic: Diagnostic) -> String {
    var text = render(
      diagnostic.severity, diagnostic.message, file: diagnostic.file, range: diagnostic.range,
      hint: diagnostic.hint)
    for note in diagnostic.notes {
      // A note is one line: its place and what it says, under the diagnostic it explains.
      let place = note.file.map { file in
        "\(file.escapingControlCharacters):"
          + (note.range.map { "\($0.start.line):" + ($0.start.column > 0 ? "\($0.start.column):" : "") } ?? "")
          + " "
      }
      text += "\n" + header(place ?? "", style.severity(.note), note.message)
    }
    return text
  }

  private func render(
    _ severity: Diagnostic.Severity, _ message: String, file: String?, range: SourceRange?, hint: String?
  ) -> String {
    let severity = style.severity(severity)
    guard let file else { return header("", severity, message) + hintLine(hint) }
    let shownFile = file.escapingControlCharacters
    guard let range else { return header("\(shownFile): ", severity, message) + hintLine(hint) }
    let start = range.start
    guard let lines = sources[file] else {
      return header("\(shownFile):\(start.line): ", severity, message) + hintLine(hint)
    }
    let text = start.line >= 1 && start.line <= lines.count ? lines[start.line - 1] : ""
    let number = String(start.line)
    let gutter = String(repeating: " ", count: number.count + 3) + "|"
    let (shown, caretStart, caretWidth) = DiagnosticRenderer.layout(text, range: range)
    var caret = style.caret("^" + String(repeating: "~", count: max(caretWidth, 1) - 1))
    if let hint { caret += " " + style.hint(hint.escapingControlCharacters) }
    return header("\(shownFile):\(start.line):\(start.column): ", severity, message) + "\n"
      + style.gutter("  \(number) |") + (shown.isEmpty ? "" : " " + shown) + "\n"
      + style.gutter(gutter) + " " + String(repeating: " ", count: caretStart) + caret
  }

  /// Several diagnostics, one after another, each ending with a line break.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { render($0) + "\n" }.joined()
  }

  /// At most `limit` diagnostics, then `… and 2817 more errors` for the rest: a data file
  /// passed as a playbook makes an error of every line, and the first ones say it all.
  ///
  /// - Parameters:
  ///   - diagnostics: in the order to show them.
  ///   - limit: how many to render in full.
  ///
  /// A final `too_many_errors` stays shown after that line: it says the count is not all.
  public func render(_ diagnostics: [Diagnostic], limit: Int) -> String {
    guard diagnostics.count > limit else { return render(diagnostics) }
    let stop = diagnostics.last.flatMap { $0.code == .tooManyErrors ? $0 : nil }
    let rest = diagnostics.dropFirst(limit).dropLast(stop == nil ? 0 : 1)
    return render(Array(diagnostics.prefix(limit))) + (rest.isEmpty ? "" : Self.more(rest) + "\n")
      + (stop.map { render($0) + "\n" } ?? "")
  }

  /// How many diagnostics show in full before `… and N more errors` (`render(_:limit:)`).
  public static let shownLimit = 20

  /// `… and 2817 more errors` (and warnings and notes, when some are): the line that
  /// stands for the diagnostics not shown.
  ///
  /// - Parameter rest: the diagnostics not shown.
  public static func more(_ rest: ArraySlice<Diagnostic>) -> String {
    let counts: [(Diagnostic.Severity, String)] = [(.error, "error"), (.warning, "warning"), (.note, "note")]
    let parts = counts.compactMap { severity, word -> String? in
      let n = rest.filter { $0.severity == severity }.count
      return n == 0 ? nil : "\(n) more \(word)\(n == 1 ? "" : "s")"
    }
    return "… and " + parts.joined(separator: ", ")
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

  private func header(_ location: String, _ severity: String, _ message: String) -> String {
    (location.isEmpty ? "" : style.location(location)) + severity + ": "
      + style.message(message.escapingControlCharacters)
  }

  private func hintLine(_ hint: String?) -> String {
    hint.map { "\n  " + style.hint("hint: " + $0.escapingControlCharacters) } ?? ""
  }

  static let tabWidth = 4

  /// The line as shown (tabs expanded to the next multiple of 4) and where, in terminal
  /// cells, the caret starts and how many cells the range covers on this line. Wide
  /// characters (CJK, emoji) take two cells, so the caret stays under them.
  static func layout(_ line: Substring, range: SourceRange) -> (String, Int, Int) {
    var shown = ""
    var cells = 0
    var caretStart: Int?
    var caretEnd: Int?
    let startColumn = range.start.column
    let endColumn = range.end.line == range.start.line ? range.end.column : Int.max
    var column = 1
    for character in line {
      if column == startColumn { caretStart = cells }
      if column == endColumn { caretEnd = cells }
      if character == "\t" {
        let spaces = tabWidth - cells % tabWidth
        shown += String(repeating: " ", count: spaces)
        cells += spaces
      } else if character.unicodeScalars.contains(where: \.isTerminalControl) {
        let escaped = String(character).escapingControlCharacters
        shown += escaped
        cells += escaped.count
      } else {
        shown.append(character)
        cells += width(of: character)
      }
      column += 1
    }
    let start = caretStart ?? cells + max(0, startColumn - column)
    let end = max(caretEnd ?? cells, start + 1)
    while shown.last == " " { shown.removeLast() }
    return (shown, start, end - start)
  }

  /// Terminal cells of a character: 2 for East Asian wide characters and emoji, else 1.
  static func width(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first?.value, scalar >= 0x1100 else { return 1 }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(scalar) } ? 2 : 1
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
