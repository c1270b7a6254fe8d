import PlaybookLanguage
import PlaybookReporting

/// Groups input lines into whole statements and `:commands`, by the parser's own rule
/// for which lines go on a statement (`PlaybookGrammar.continues`).
///
/// A statement ends as soon as no line could continue it: a one-line statement
/// (`offer`, `segment`, … with its brackets closed) at the end of its line; a `rule`,
/// `test` or `load` at a blank line, a `:command` or the next statement. A line whose
/// first word starts no statement ends at once, so its error is reported at once and
/// not after a continuation prompt. Scripts are read by the same rule as the prompt. An
/// offer ends with its line, and each `subject` or `message` line typed right after it
/// gives the offer again with that line (the session replaces it).
struct StatementReader: Sendable {
  /// What a line completed.
  enum Item: Equatable, Sendable {
    case statement(TypedStatement)
    /// A `:command` line, trimmed, with its 1-based line number.
    case command(String, line: Int)
  }

  private var pending: [String] = []
  private var pendingFirstLine = 0
  /// The statement the open lines started.
  private var pendingStatement: StatementKeyword?
  /// `(` and `[` the open lines left unclosed.
  private var openBrackets = 0
  private var lineNumber = 0
  /// The last statement, when it ended with its line but takes clause lines (an offer
  /// and its `subject`/`message` lines): a clause line right after it gives it again,
  /// with the line, so the session replaces it.
  private var taking: (statement: StatementKeyword, text: String, firstLine: Int)?

  /// A reader at the first line of input.
  init() {}

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
      taking = nil
      return flush()
    }
    if trimmed.hasPrefix(":") {
      taking = nil
      var items = flush()
      items.append(.command(String(trimmed).trimmingTrailingWhitespace(), line: lineNumber))
      return items
    }
    if isContinuing,
      PlaybookGrammar.continues(Substring(line), statement: pendingStatement, openBrackets: openBrackets)
    {
      pending.append(line)
      openBrackets += PlaybookGrammar.bracketBalance(of: Substring(line))
      return PlaybookGrammar.isComplete(pendingStatement, openBrackets: openBrackets) ? flush() : []
    }
    if !isContinuing, let last = taking, !trimmed.hasPrefix("#"),
      PlaybookGrammar.continues(Substring(line), statement: last.statement, openBrackets: 0)
    {
      pending = [last.text, line]
      pendingFirstLine = last.firstLine
      pendingStatement = last.statement
      openBrackets = 0
      return flush()
    }
    if !isContinuing, trimmed.hasPrefix("#") {
      // A comment between statements joins the playbook, so `:save` keeps it.
      return [.statement(TypedStatement(text: line, firstLine: lineNumber))]
    }
    var items = flush()
    pending = [line]
    pendingFirstLine = lineNumber
    pendingStatement = PlaybookGrammar.statement(startedBy: trimmed)
    openBrackets = PlaybookGrammar.bracketBalance(of: trimmed)
    if pendingStatement == nil || PlaybookGrammar.isComplete(pendingStatement, openBrackets: openBrackets) {
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
    taking = nil
    if let open = pendingStatement, !open.clauses.isEmpty, PlaybookGrammar.isComplete(open, openBrackets: openBrackets)
    {
      taking = (open, statement.text, statement.firstLine)
    }
    pending = []
    return [.statement(statement)]
  }
}
