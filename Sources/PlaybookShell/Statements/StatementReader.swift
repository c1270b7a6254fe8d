import PlaybookReporting

/// Groups input lines into whole statements and `:commands`.
///
/// A statement starts at a line whose first word is a statement keyword and continues
/// over indented lines and lines starting with a continuation word (`when`, `and`,
/// `send`, …) until a blank line, a `:command`, or the next statement. At the prompt,
/// statements that never continue (`offer`, `window`, …) end with their line.
public struct StatementReader: Sendable {
  /// What a line completed.
  public enum Item: Equatable, Sendable {
    case statement(TypedStatement)
    /// A `:command` line, trimmed, with its 1-based line number.
    case command(String, line: Int)
  }

  private var pending: [String] = []
  private var pendingFirstLine = 0
  private var pendingKeyword = ""
  private var lineNumber = 0

  private let endsOneLineStatements: Bool

  /// - Parameter endsOneLineStatements: end `offer`, `window`, … with their line, so a
  ///   person at the prompt need not type a blank line after them. A script leaves it
  ///   off and groups lines exactly as a playbook file is read, where any statement may
  ///   go on over indented lines.
  public init(endsOneLineStatements: Bool = true) {
    self.endsOneLineStatements = endsOneLineStatements
  }

  /// True while a statement is open, so the editor shows the continuation prompt.
  public var isContinuing: Bool { !pending.isEmpty }

  /// The lines of the open statement so far.
  public var pendingText: String { pending.joined(separator: "\n") }

  /// Reads one line (without its line break) and returns what it completed, in order.
  public mutating func read(_ rawLine: String) -> [Item] {
    lineNumber += 1
    let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
    let trimmed = line.drop(while: \.isWhitespace)
    if trimmed.allSatisfy(\.isWhitespace) {
      return flush()
    }
    if trimmed.hasPrefix(":") {
      var items = flush()
      items.append(.command(String(trimmed).trimmingTrailingWhitespace(), line: lineNumber))
      return items
    }
    let word = Self.firstWord(of: trimmed)
    if isContinuing, continues(line: line, trimmed: trimmed, firstWord: word) {
      pending.append(line)
      return []
    }
    if !isContinuing, trimmed.hasPrefix("#") {
      return []  // a comment between statements
    }
    var items = flush()
    pending = [line]
    pendingFirstLine = lineNumber
    pendingKeyword = word
    if endsOneLineStatements, PlaybookWords.singleLineStatements.contains(word) {
      items += flush()
    }
    return items
  }

  /// Ends the input: returns the open statement, if any.
  public mutating func finish() -> [Item] { flush() }

  /// Drops the open statement (Ctrl-C at the continuation prompt).
  public mutating func discard() { pending = [] }

  private func continues(line: String, trimmed: Substring, firstWord word: String) -> Bool {
    let indented = line.first?.isWhitespace == true
    if pendingKeyword == "test", indented, PlaybookWords.testContinuationWords.contains(word) {
      return true
    }
    if PlaybookWords.statementKeywords.contains(word) { return false }
    return indented || trimmed.hasPrefix("#")
      || PlaybookWords.continuationWords.contains(word)
  }

  private mutating func flush() -> [Item] {
    guard isContinuing else { return [] }
    let statement = TypedStatement(text: pendingText, firstLine: pendingFirstLine)
    pending = []
    return [.statement(statement)]
  }

  static func firstWord(of text: Substring) -> String {
    String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
  }
}
