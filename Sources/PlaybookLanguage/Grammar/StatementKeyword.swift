/// The words that begin a top-level statement, in the order the language guide lists
/// them, and how each statement goes on over lines. The parser dispatches on these; the
/// shell groups typed lines and completes words by them.
public enum StatementKeyword: String, CaseIterable, Sendable {
  case playbook
  /// `as of TIME`
  case asOf = "as"
  case window, load, define, segment, channel, offer, rule, limit, holdout, export, ledger, timezone, test

  /// How a statement's text is laid out over lines.
  public enum Lines: Sendable {
    /// One line: `offer`, `window`, `limit`, … (the shell ends them with their line). In
    /// a file an offer also takes the `subject` and `message` lines after it.
    case one
    /// One line whose expression may go on over lines inside brackets: `define`,
    /// `segment`, `channel` (the shell ends them at the line that closes the brackets).
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
    case .playbook, .asOf, .window, .offer, .limit, .holdout, .export, .ledger, .timezone: .one
    case .define, .segment, .channel: .expression
    case .load: .clauses
    case .rule, .test: .block
    }
  }

  /// The words that start the statement's clauses, on its own line or on the lines that
  /// continue it; empty for statements without clauses.
  public var clauses: [String] {
    switch self {
    case .load: Self.loadClauses
    case .rule: Self.ruleClauses
    case .test: Self.testClauses
    case .offer: Self.offerClauses
    case .channel: Self.channelClauses
    case .playbook, .asOf, .window, .define, .segment, .limit, .holdout, .export, .ledger, .timezone: []
    }
  }

  // Built once: the parser asks for a block's clauses on every line.
  private static let loadClauses = LoadClause.allCases.map(\.rawValue)
  private static let ruleClauses = RuleClause.allCases.map(\.rawValue)
  private static let testClauses = TestClause.allCases.map(\.rawValue)
  private static let offerClauses = OfferMessage.Part.allCases.map(\.rawValue)
  private static let channelClauses = ChannelClause.allCases.map(\.rawValue)
}

extension StatementKeyword {
  /// Whether a line whose first words are `word` and `next` belongs to this statement as
  /// one of its lines. A load takes a line starting with one of its clauses, except
  /// `as of` (a test's clock). A block (a rule, a test) takes a clause that starts no
  /// statement, an indented clause (a test's `as of`, `load`), or any other indented
  /// line that starts no statement, so that a misspelt clause is reported as one. An
  /// offer takes its `subject` and `message` lines. Other statements take no following
  /// lines.
  public func takesLine(startingWith word: some StringProtocol, then next: some StringProtocol, indented: Bool) -> Bool
  {
    let isClause = clauses.contains { $0 == word }
    switch lines {
    case .one, .expression:
      return isClause
    case .clauses:
      return isClause && !(word == "as" && next == "of") && !(word == "timezone" && !next.isEmpty)
    case .block:
      let startsStatement = StatementKeyword(rawValue: String(word)) != nil
      return isClause ? indented || !startsStatement : indented && !startsStatement
    }
  }
}

/// A rule's lines: `when`, `and`, `unless`, `send`.
public enum RuleClause: String, CaseIterable, Sendable {
  case when, and, unless, send
}

/// A channel's lines under it: `quiet 21:00-08:00`, `days mon-fri`.
public enum ChannelClause: String, CaseIterable, Sendable {
  case quiet, days
}

/// A load's clauses, on its first line or on lines of their own.
public enum LoadClause: String, CaseIterable, Sendable {
  case `as`, from, key, link, with, types, nulls, timezone
  /// `delimiter ";"` and `encoding "latin1"`: how a data file's bytes are read.
  case delimiter, encoding
}

/// A test's lines: `expect`, and, indented, `as of` and `load`.
public enum TestClause: String, CaseIterable, Sendable {
  case expect
  /// `as of TIME`, the test's clock.
  case asOf = "as"
  case load
}
