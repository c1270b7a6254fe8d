extension Parser {
  /// Every statement up to the end of input; broken ones are reported and left out.
  mutating func parseStatements() -> [Statement] {
    var statements: [Statement] = []
    while true {
      while current.kind == .newline { advance() }
      if current.kind == .end { break }
      if let statement = parseStatement() { statements.append(statement) }
    }
    return statements
  }

  private mutating func parseStatement() -> Statement? {
    let start = current
    guard start.kind == .word else {
      reportStray()
      return nil
    }
    switch start.text {
    case "playbook":
      return singleLine(start) { p throws(ParseFailure) in
        .playbook(try p.expectString("the playbook's name in quotes"))
      }
    case "as":
      return singleLine(start) { p throws(ParseFailure) in
        _ = try p.expect("of")
        return .asOf(try p.expectTimestamp())
      }
    case "window":
      return singleLine(start) { p throws(ParseFailure) in
        if p.accept("all") != nil { return .window(nil) }
        return .window(try p.expectDuration(after: "window"))
      }
    case "load":
      guard let load = parseLoad() else { return nil }
      return Statement(.load(load), range: SourceRange(start: start.range.start, end: lastEnd))
    case "define":
      return singleLine(start) { p throws(ParseFailure) in
        let name = try p.expectName("a name after 'define'")
        _ = try p.expectSymbol("=")
        let row = try p.expectName("a row name")
        _ = try p.expect("where", hint: "write: define \(name.text) = \(row.text) where CONDITION")
        return .define(Define(name: name, source: row, condition: try p.parseExpression()))
      }
    case "segment":
      return singleLine(start) { p throws(ParseFailure) in
        let name = try p.expectName("a name after 'segment'")
        _ = try p.expectSymbol("=")
        return .segment(Segment(name: name, condition: try p.parseExpression()))
      }
    case "channel":
      return singleLine(start) { p throws(ParseFailure) in
        let name = try p.expectName("a channel name")
        _ = try p.expect("address", hint: "write: channel \(name.text) address customer.FIELD")
        p.optionalWords = ["requires"]
        let address = try p.parseExpression()
        let requires = p.accept("requires") != nil ? try p.parseExpression() : nil
        return .channel(Channel(name: name, address: address, requires: requires))
      }
    case "offer":
      return singleLine(start) { p throws(ParseFailure) in
        let code = try p.expectName("an offer code")
        p.optionalWords = ["valid"]
        let description = p.current.kind == .string ? try p.expectString("a description") : nil
        let valid = p.accept("valid") != nil ? try p.expectDuration(after: "valid") : nil
        return .offer(Offer(code: code, description: description, valid: valid))
      }
    case "rule":
      return parseRule()
    case "limit":
      return singleLine(start) { p throws(ParseFailure) in
        let count = try p.expectNumber("a number after 'limit'")
        _ = try p.expect("per", hint: "write: limit \(count.spelling) per customer")
        _ = try p.expect("customer", hint: "write: limit \(count.spelling) per customer")
        p.optionalWords = ["per"]
        let period = p.accept("per") != nil ? try p.expectDuration(after: "per") : nil
        return .limit(Limit(count: count, period: period))
      }
    case "holdout":
      return singleLine(start) { p throws(ParseFailure) in
        guard p.current.kind == .percent else {
          throw p.unexpected(expected: "a percent such as 5%")
        }
        let token = p.advance()
        return .holdout(PercentLiteral(value: token.number, spelling: token.text, range: token.range))
      }
    case "export":
      return singleLine(start) { p throws(ParseFailure) in
        _ = try p.expect("to", hint: "write: export to \"out\"")
        let path = try p.expectString("a folder path in quotes")
        p.optionalWords = ["as"]
        var format: Name?
        if p.accept("as") != nil {
          let name = try p.expectName("a format (csv or jsonl)")
          guard Parser.exportFormats.contains(name.text) else {
            throw p.failure(
              .unknownExportFormat(
                name.text, hint: NearNames.didYouMean(name.text, in: Parser.exportFormats) ?? "formats are csv and jsonl"),
              at: name.range)
          }
          format = name
        }
        return .export(Export(path: path, format: format))
      }
    case "ledger":
      return singleLine(start) { p throws(ParseFailure) in
        .ledger(try p.expectString("the ledger file's path in quotes"))
      }
    case "test":
      return parseTest()
    default:
      reportStray()
      return nil
    }
  }

  static let exportFormats = ["csv", "jsonl"]

  /// A statement held on one line: the keyword, then `body`, then the line's end.
  private mutating func singleLine(
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
    } else if ["when", "and", "unless", "send"].contains(token.text) {
      failure = self.failure(
        .mustFollow(token.text, "a 'rule' line", hint: "start the rule with: rule NAME"), at: token.range)
    } else if ["from", "key", "link", "with", "types"].contains(token.text) {
      failure = self.failure(.mustFollow(token.text, "a 'load' line"), at: token.range)
    } else if token.text == "expect" {
      failure = self.failure(.expectOutsideTest, at: token.range)
    } else {
      failure = self.failure(
        .unknownStatement(
          token.text,
          hint: NearNames.didYouMean(
            token.text, in: PlaybookParser.statementKeywords + PlaybookParser.continuationKeywords)),
        at: token.range)
    }
    diagnostics.append(failure.diagnostic)
    skipRestOfLine()
    while nextLineContinues({ $0.isIndented || PlaybookParser.continuationKeywords.contains($0.text) }) {
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
        block, current.text, hint: NearNames.didYouMean(current.text, in: clauses) ?? "a \(block) line starts with \(listed)"),
      at: current.range)
  }
}
