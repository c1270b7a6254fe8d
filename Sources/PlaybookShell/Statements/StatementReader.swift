import PlaybookLanguage
import PlaybookReporting

/// Groups input lines into whole statements and `:commands`.
///
/// A statement starts at a line and goes on over the lines the grammar says continue it
/// (`PlaybookGrammar.continues`: indented lines and lines starting with a continuation
/// word such as `when`, `and`, `send`) until a blank line, a `:command`, or the next
/// statement. At the prompt, statements the grammar holds on one line (`offer`,
/// `window`, …) end with their line.
struct StatementReader: Sendable {
  /// What a line completed.
  enum Item: Equatable, Sendable {
    case statement(TypedStatement)
    /// A `:command` line, trimmed, with its 1-based line number.
    case command(String, line: Int)
  }

  private var pending: [String] = []
  private var pendingFirstLine = 0
  /// The statement the open lines started (nil when their first word starts none).
  private var pendingStatement: StatementKeyword?
  private var lineNumber = 0

  private let endsOneLineStatements: Bool

  /// - Parameter endsOneLineStatements: end `offer`, `window`, … with their line, so a
  ///   person at the prompt need not type a blank line after them. A script leaves it
  ///   off, so any statement may go on over indented lines (the parser then reads them
  ///   as a playbook file's, and says what does not belong).
  init(endsOneLineStatements: Bool = true) {
    self.endsOneLineStatements = endsOneLineStatements
  }

  /// True while a statement is open, so the editor shows the continuation prompt.
  var isContinuing: Bool { !pending.isEmpty }

  /// The lines of the open statement so far.
  var pendingText: String { pending.joined(separator: "\n") }

  /// Reads one line (without its line break) and returns what it completed, in order.
  mutating func read(_ rawLine: String) -> [Item] {
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
    if isContinuing, PlaybookGrammar.continues(Substring(line), statement: pendingStatement) {
      pending.append(line)
      return []
    }
    if !isContinuing, trimmed.hasPrefix("#") {
      // A comment between statements joins the playbook, so `:save` keeps it.
      return [.statement(TypedStatement(text: line, firstLine: lineNumber))]
    }
    var items = flush()
    pending = [line]
    pendingFirstLine = lineNumber
    pendingStatement = PlaybookGrammar.statement(startedBy: trimmed)
    if endsOneLineStatements, pendingStatement?.lines == .one {
      items += flush()
    }
    return items
  }

  /// Ends the input: returns the open statement, if any.
  mutating func finish() -> [Item] { flush() }

  /// Drops the open statement (Ctrl-C at the continuation prompt).
  mutating func discard() { pending = [] }

  private mutating func flush() -> [Item] {
    guard isContinuing else { return [] }
    let statement = TypedStatement(text: pendingText, firstLine: pendingFirstLine)
    pending = []
    return [.statement(statement)]
  }
}
