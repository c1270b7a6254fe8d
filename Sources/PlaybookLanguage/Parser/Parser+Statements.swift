extension Parser {
  /// Every statement up to the end of input; broken ones are reported and left out.
  mutating func parseStatements() -> [Statement] {
    var statements: [Statement] = []
    while true {
      while current.kind == .newline { advance() }
      if current.kind == .end { break }
      // Reading on past this many errors costs time and memory and tells no more.
      if diagnostics.count >= PlaybookParser.maxErrors {
        stoppedAt = current.range
        break
      }
      if let statement = parseStatement() { statements.append(statement) }
    }
    return statements
  }

  /// One statement, chosen by its first word from the grammar's statement words.
  private mutating func parseStatement() -> Statement? {
    let start = current
    guard start.kind == .word, let keyword = StatementKeyword(rawValue: start.text) else {
      reportStray()
      return nil
    }
    switch keyword {
    case .playbook: return singleLine(start, Parser.playbookName)
    case .asOf: return singleLine(start, Parser.asOf)
    case .window: return singleLine(start, Parser.window)
    case .load:
      guard let load = parseLoad() else { return nil }
      return Statement(.load(load), range: SourceRange(start: start.range.start, end: lastEnd))
    case .define: return singleLine(start, Parser.define)
    case .segment: return singleLine(start, Parser.segment)
    case .channel: return parseChannel()
    case .offer: return parseOffer()
    case .rule: return parseRule()
    case .limit: return singleLine(start, Parser.limit)
    case .holdout: return singleLine(start, Parser.holdout)
    case .export: return singleLine(start, Parser.export)
    case .ledger: return singleLine(start, Parser.ledger)
    case .timezone: return singleLine(start, Parser.timezone)
    case .test: return parseTest()
    }
  }

  /// A statement held on one line: the keyword, then `body`, then the line's end.
  mutating func singleLine(
    _ start: Token, _ body: (inout Parser) throws(ParseFailure) -> Statement.Kind
  ) -> Statement? {
    var kind: Statement.Kind?
    let ok = line { p throws(ParseFailure) in
      p.advance()
      kind = try body(&p)
    }
    guard ok, let kind else { return nil }
    return Statement(kind, range: SourceRange(start: start.range.start, end: lastEnd))
  }

  /// A line that starts no statement: says what is wrong, then skips the line and any
  /// lines that continue it, since they cannot be read without their statement.
  private mutating func reportStray() {
    let token = current
    let failure: ParseFailure
    if token.kind != .word {
      failure = unexpected(expected: "a statement")
    } else if StatementKeyword.rule.clauses.contains(token.text) {
      failure = self.failure(
        .mustFollow(token.text, "a 'rule' line", hint: "start the rule with: rule NAME"), at: token.range)
    } else if StatementKeyword.load.clauses.contains(token.text) {
      failure = self.failure(.mustFollow(token.text, "a 'load' line"), at: token.range)
    } else if StatementKeyword.channel.clauses.contains(token.text) {
      failure = self.failure(
        .mustFollow(token.text, "a 'channel' line", hint: "put it right under its channel's line"), at: token.range)
    } else if StatementKeyword.offer.clauses.contains(token.text) {
      failure = self.failure(
        .mustFollow(
          token.text, "an 'offer' line", hint: "put it right under its offer's line"),
        at: token.range)
    } else if StatementKeyword.test.clauses.contains(token.text) {
      failure = self.failure(.expectOutsideTest, at: token.range)
    } else {
      failure = self.failure(
        .unknownStatement(
          token.text,
          hint: NearNames.didYouMean(token.text, in: PlaybookGrammar.statementWords + PlaybookGrammar.continuationWords)
        ),
        at: token.range)
    }
    diagnostics.append(failure.diagnostic)
    skipRestOfLine()
    while nextLineBelongs(to: nil) {
      advance()
      skipRestOfLine()
    }
  }

  mutating func expectTimestamp() throws(ParseFailure) -> TimestampLiteral {
    guard current.kind == .timestamp else {
      throw unexpected(expected: "a timestamp such as 2026-11-01T00:00:00Z")
    }
    let token = advance()
    return TimestampLiteral(secondsSinceEpoch: token.seconds, spelling: token.text, range: token.range)
  }

  /// An unknown first word on a block's line (a rule's, a test's, a load's).
  func unknownClause(in block: String, expected clauses: [String]) -> ParseFailure {
    let listed = clauses.map { "'\($0)'" }.joined(separator: ", ")
    guard current.kind == .word else { return unexpected(expected: listed) }
    return failure(
      .unknownBlockLine(
        block, current.text,
        hint: NearNames.didYouMean(current.text, in: clauses) ?? "a \(block) line starts with \(listed)"),
      at: current.range)
  }
}
