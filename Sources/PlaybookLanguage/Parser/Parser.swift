/// Reads playbook text into a `Playbook`.
///
///     let (playbook, diagnostics) = PlaybookParser.parse(SourceFile(path: "x.playbook", text: text))
///
/// The parser never stops at the first error: it reports the problem, skips the rest of
/// that line and goes on, so one run lists every syntax error in a file. A statement
/// with an error is left out of the playbook (its diagnostics say why), so later passes
/// never see half-read statements.
public enum PlaybookParser {
  /// The playbook (every statement that parsed) and all syntax diagnostics, in source order.
  ///
  /// After `maxErrors` syntax errors the rest is not read: the diagnostics end with
  /// `too_many_errors` where reading stopped (a data file passed as a playbook would
  /// otherwise make an error of every line).
  public static func parse(_ source: SourceFile) -> (Playbook, [Diagnostic]) {
    let parsed = parseRecovering(source)
    return (parsed.playbook, parsed.diagnostics)
  }

  /// `parse`, and the rules and tests left out for a syntax error rebuilt from their
  /// sound lines (a misspelt phrase on one line, the `send` on another), so a checker can
  /// report what else is wrong with them in the same round. The shell checks typed text so.
  public static func parseRecovering(_ source: SourceFile) -> (
    playbook: Playbook, recovered: [Statement], diagnostics: [Diagnostic]
  ) {
    var parser = Parser(source: source)
    let statements = parser.parseStatements()
    let comments = parser.lexer.comments
    var diagnostics = (parser.lexer.diagnostics + parser.diagnostics).sorted {
      ($0.range?.start.offset ?? 0) < ($1.range?.start.offset ?? 0)
    }
    if let stoppedAt = parser.stoppedAt {
      diagnostics.removeAll { ($0.range?.start.offset ?? 0) >= stoppedAt.start.offset }
    }
    if let stop = stopIndex(diagnostics) {
      let range = diagnostics[stop].range
      diagnostics.removeSubrange(stop...)
      diagnostics.append(Diagnostic(.tooManyErrors(limit: maxErrors), file: source.path, range: range))
    } else if let stoppedAt = parser.stoppedAt {
      diagnostics.append(Diagnostic(.tooManyErrors(limit: maxErrors), file: source.path, range: stoppedAt))
    }
    return (Playbook(statements: statements, comments: comments), parser.recovered, diagnostics)
  }

  /// How many syntax errors are reported before the parser stops reading.
  public static let maxErrors = 1_000

  /// The index of the error past `maxErrors`, if there is one.
  private static func stopIndex(_ diagnostics: [Diagnostic]) -> Int? {
    var errors = 0
    for (index, diagnostic) in diagnostics.enumerated() where diagnostic.severity == .error {
      errors += 1
      if errors > maxErrors { return index }
    }
    return nil
  }
}

/// The recursive-descent parser over a token array. Statement dispatch lives in
/// `Parser+Statements.swift`, one file per kind of statement beside it, expressions in
/// `Parser+Expressions.swift`; the words come from `PlaybookGrammar`.
///
/// The tokens are lexed as the parser goes, whole lines at a time, at least
/// `lookahead` tokens ahead of `p`: a lookahead (`peek`) or a scan to the end of the
/// current line never runs past what is lexed, and a parser that stops after
/// `PlaybookParser.maxErrors` errors leaves the rest of the text unread.
struct Parser {
  private(set) var lexer: Lexer
  /// The tokens lexed so far (all of them, ending with `end`, once the lexer is finished).
  var tokens: [Token] { lexer.tokens }
  let source: SourceFile
  /// The source's UTF-8, for customer ids read straight from the text.
  let bytes: [UInt8]
  var p = 0 {
    didSet { if p + Self.lookahead >= lexer.tokens.count { lexAhead() } }
  }
  /// How far ahead of `p` tokens are always lexed (`peek` looks at most 2 ahead).
  static let lookahead = 16
  var diagnostics: [Diagnostic] = []
  /// Open `(` / `[` inside the current expression: line breaks are skipped there.
  var nesting = 0
  /// How deep the expression being read is; bounded so that hostile input gets a
  /// diagnostic, not a stack overflow (here or in the passes that walk the tree).
  var depth = 0
  static let maxDepth = 100
  /// Optional words the current line could still hold (`priority`, `valid`, …), for
  /// "did you mean" on a leftover word.
  var optionalWords: [String] = []
  /// The current line held an expression, so a leftover word may be a misspelt operator.
  var lineHasExpression = false
  /// The end of the last consumed token, for statement ranges.
  var lastEnd: SourceLocation
  /// Where reading stopped after `PlaybookParser.maxErrors` errors, if it did.
  var stoppedAt: SourceRange?
  /// Rules and tests left out for a syntax error, rebuilt from their sound lines.
  var recovered: [Statement] = []

  init(source: SourceFile) {
    lexer = Lexer(source)
    self.source = source
    self.bytes = Array(source.text.utf8)
    self.lastEnd = SourceLocation(offset: 0, line: 1, column: 1)
    lexAhead()
    if let first = lexer.tokens.first { lastEnd = first.range.start }
  }

  /// Lexes the next lines: as many tokens again as are lexed, so a long playbook is
  /// lexed in a few large batches, and a parser stopped early has lexed at most twice
  /// what it read. (The token array's growth interleaved with the syntax tree's costs
  /// memory: a 40,000-line playbook peaks at 131 MB, 113 MB when lexed up front.)
  private mutating func lexAhead() {
    guard !lexer.isFinished else { return }
    lexer.lex(atLeast: max(p + Self.lookahead * 64, lexer.tokens.count * 2))
  }

  // MARK: Cursor

  var current: Token { lexer.tokens[p] }

  func peek(_ k: Int = 1) -> Token { lexer.tokens[min(p + k, lexer.tokens.count - 1)] }

  @discardableResult
  mutating func advance() -> Token {
    let token = lexer.tokens[p]
    if token.kind != .end {
      p += 1
      if token.kind != .newline { lastEnd = token.range.end }
    }
    if nesting > 0 { skipLineBreaksInsideBrackets() }
    return token
  }

  /// Inside brackets a line break is just space, unless the next line plainly starts
  /// something else (a keyword, a blank line, the end): then the bracket is unclosed
  /// and the `newline` stays for the caller to report.
  mutating func skipLineBreaksInsideBrackets() {
    while current.kind == .newline {
      let next = peek()
      if next.kind == .end || next.blankLineBefore { return }
      if next.kind == .word, PlaybookGrammar.endsBrackets(startingWith: next.text) { return }
      p += 1
    }
  }

  var atLineEnd: Bool { current.kind == .newline || current.kind == .end }

  /// Consumes `word` if it is next.
  mutating func accept(_ word: String) -> Token? {
    current.isWord(word) ? advance() : nil
  }

  mutating func acceptSymbol(_ symbol: String) -> Token? {
    current.isSymbol(symbol) ? advance() : nil
  }

  mutating func expect(_ word: String, hint: String? = nil) throws(ParseFailure) -> Token {
    guard let token = accept(word) else { throw unexpected(expected: "'\(word)'", hint: hint) }
    return token
  }

  mutating func expectSymbol(_ symbol: String, hint: String? = nil) throws(ParseFailure) -> Token {
    guard let token = acceptSymbol(symbol) else { throw unexpected(expected: "'\(symbol)'", hint: hint) }
    return token
  }

  /// A name: any word (keywords included, so a field may be called `key`).
  mutating func expectName(_ what: String, hint: String? = nil) throws(ParseFailure) -> Name {
    guard current.kind == .word else { throw unexpected(expected: what, hint: hint) }
    let token = advance()
    return Name(token.text, range: token.range)
  }

  mutating func expectString(_ what: String) throws(ParseFailure) -> StringLiteral {
    guard current.kind == .string else { throw unexpected(expected: what) }
    let token = advance()
    return StringLiteral(value: token.value, range: token.range)
  }

  mutating func expectDuration(after word: String) throws(ParseFailure) -> DurationLiteral {
    guard current.kind == .duration else {
      if current.kind == .number {
        throw failure(.durationWithoutUnit(after: word, number: current.text), at: current.range)
      }
      throw unexpected(expected: "a duration after '\(word)'", hint: Lexer.durationHint)
    }
    let token = advance()
    return DurationLiteral(seconds: token.seconds, spelling: token.text, range: token.range)
  }

  mutating func expectNumber(_ what: String) throws(ParseFailure) -> NumberLiteral {
    guard current.kind == .number else { throw unexpected(expected: what) }
    return numberLiteral(advance())
  }

  func numberLiteral(_ token: Token) -> NumberLiteral {
    NumberLiteral(
      value: token.number, isInteger: !token.text.contains("."), spelling: token.text, range: token.range)
  }

  /// The line is done. A leftover word that is near one the line could have held (an
  /// optional clause, or an operator after an expression) is reported as a typo of it.
  mutating func expectEndOfLine() throws(ParseFailure) {
    guard !atLineEnd else { return }
    let expected = optionalWords + (lineHasExpression ? PlaybookGrammar.operatorWords : [])
    if current.kind == .word, !expected.contains(current.text),
      let hint = NearNames.didYouMean(current.text, in: expected)
    {
      throw failure(.unknownWord(current.text, hint: hint), at: current.range)
    }
    throw unexpected(expected: "end of line")
  }

  // MARK: Lines

  /// Skips to the end of the current line (its `newline` stays).
  mutating func skipRestOfLine() {
    nesting = 0
    depth = 0
    while !atLineEnd { p += 1 }
  }

  /// At a line end: whether the next line is one of `statement`'s lines, or of a line
  /// that starts no statement when nil (`PlaybookGrammar.continues`, the shell's rule
  /// too). A blank line or the end of input ends any statement.
  func nextLineBelongs(to statement: StatementKeyword?) -> Bool {
    guard current.kind == .newline else { return false }
    let next = peek()
    let second = peek(2)
    return next.kind != .end && !next.blankLineBefore
      && PlaybookGrammar.continues(
        startingWith: next.kind == .word ? next.text : "", then: second.kind == .word ? second.text : "",
        indented: next.isIndented, statement: statement)
  }

  /// Runs one line's parser; on failure records the diagnostic and skips the line.
  /// Returns false when the line failed.
  mutating func line(_ body: (inout Parser) throws(ParseFailure) -> Void) -> Bool {
    optionalWords = []
    lineHasExpression = false
    do {
      try body(&self)
      try expectEndOfLine()
      return true
    } catch {
      diagnostics.append(error.diagnostic)
      skipRestOfLine()
      return false
    }
  }
}
