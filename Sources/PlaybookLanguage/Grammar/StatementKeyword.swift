/// The words that begin a top-level statement, in the order the language guide lists
/// them, and how each statement goes on over lines. The parser dispatches on these; the
/// shell groups typed lines and completes words by them.
public enum StatementKeyword: String, CaseIterable, Sendable {
  case playbook
  /// `as of TIME`
  case asOf = "as"
  case window, load, define, segment, channel, offer, rule, limit, holdout, export, ledger, test

  /// How a statement's text is laid out over lines.
  public enum Lines: Sendable {
    /// Always one line: `offer`, `window`, `limit`, … (the shell ends them with their line).
    case one
    /// One line whose expression may go on over lines inside brackets: `define`,
    /// `segment`, `channel`.
    case expression
    /// A line whose clauses may go on over following lines that start with a clause:
    /// `load`.
    case clauses
    /// A first line, then clause lines up to a blank line or the next statement; an
    /// indented line belongs to the block even when it starts with a statement word
    /// that is one of its clauses (a test's `as of` and `load`): `rule`, `test`.
    case block
  }

  /// How the statement is laid out over lines.
  public var lines: Lines {
    switch self {
    case .playbook, .asOf, .window, .offer, .limit, .holdout, .export, .ledger: .one
    case .define, .segment, .channel: .expression
    case .load: .clauses
    case .rule, .test: .block
    }
  }

  /// The words that start the statement's clauses, on its own line or on the lines that
  /// continue it; empty for statements without clauses.
  public var clauses: [String] {
    switch self {
    case .load: LoadClause.allCases.map(\.rawValue)
    case .rule: RuleClause.allCases.map(\.rawValue)
    case .test: TestClause.allCases.map(\.rawValue)
    case .playbook, .asOf, .window, .define, .segment, .channel, .offer, .limit, .holdout, .export, .ledger: []
    }
  }
}

extension StatementKeyword {
  /// Whether a line starting with `word` belongs to this block (a rule, a test) as one
  /// of its lines: a clause that starts no statement, an indented clause (a test's
  /// `as of`, `load`), or any other indented line that starts no statement, so that a
  /// misspelt clause is reported as one. Statements other than blocks take no such lines.
  public func takesLine(startingWith word: some StringProtocol, indented: Bool) -> Bool {
    guard lines == .block else { return false }
    let startsStatement = StatementKeyword(rawValue: String(word)) != nil
    if clauses.contains(where: { $0 == word }) { return indented || !startsStatement }
    return indented && !startsStatement
  }
}

/// A rule's lines: `when`, `and`, `unless`, `send`.
public enum RuleClause: String, CaseIterable, Sendable {
  case when, and, unless, send
}

/// A load's clauses, on its first line or on lines of their own.
public enum LoadClause: String, CaseIterable, Sendable {
  case `as`, from, key, link, with, types
}

/// A test's lines: `expect`, and, indented, `as of` and `load`.
public enum TestClause: String, CaseIterable, Sendable {
  case expect
  /// `as of TIME`, the test's clock.
  case asOf = "as"
  case load
}
