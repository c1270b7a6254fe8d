extension Parser {
  static let ruleClauses = ["when", "and", "unless", "send"]

  /// `rule NAME [priority N]`, then its `when` / `and` / `unless` / `send` lines, up to a
  /// blank line or the next statement. Each line recovers on its own, so every broken
  /// line of a rule is reported.
  mutating func parseRule() -> Statement? {
    let start = current
    var name: Name?
    var priority: NumberLiteral?
    var ok = line { p throws(ParseFailure) in
      p.advance()
      name = try p.expectName("the rule's name")
      p.optionalWords = ["priority"]
      if p.accept("priority") != nil { priority = try p.expectNumber("a number after 'priority'") }
      if p.current.kind == .word, priority == nil, NearNames.closest(to: p.current.text, in: ["priority"]) == nil {
        throw p.failure(.ruleNameOneWord(name?.text ?? "", then: p.current.text), at: p.current.range)
      }
    }
    var conditions: [Expr] = []
    var exceptions: [Expr] = []
    var sends: [Send] = []
    // Which list an `and` line joins.
    var joinsExceptions: Bool?
    while nextLineContinues(Parser.isRuleLine) {
      advance()
      let clause = current
      let lineOK = line { p throws(ParseFailure) in
        switch clause.kind == .word ? clause.text : "" {
        case "when":
          p.advance()
          joinsExceptions = false
          conditions.append(try p.parseExpression())
        case "unless":
          p.advance()
          joinsExceptions = true
          exceptions.append(try p.parseExpression())
        case "and":
          guard let toExceptions = joinsExceptions else {
            throw p.failure(
              .mustFollow("and", "a 'when' or 'unless' line", hint: "start the conditions with: when CONDITION"),
              at: clause.range)
          }
          p.advance()
          let condition = try p.parseExpression()
          if toExceptions, let last = exceptions.popLast() {
            exceptions.append(Expr(.binary(.and, last, condition), range: last.range.union(condition.range)))
          } else if toExceptions {
            // The `unless` line itself failed; keep going to report the rest.
          } else {
            conditions.append(condition)
          }
        case "send":
          sends.append(try p.parseSend())
        default:
          throw p.unknownClause(in: "rule", expected: Parser.ruleClauses)
        }
      }
      ok = ok && lineOK
    }
    guard ok, let name else { return nil }
    let rule = Rule(name: name, priority: priority, conditions: conditions, exceptions: exceptions, sends: sends)
    return Statement(.rule(rule), range: SourceRange(start: start.range.start, end: lastEnd))
  }

  /// A rule's line: a clause keyword, or any indented line that is not a statement
  /// (so a misspelt clause is reported as one).
  private static func isRuleLine(_ token: Token) -> Bool {
    if token.kind == .word, ruleClauses.contains(token.text) { return true }
    return token.isIndented && !(token.kind == .word && PlaybookParser.statementKeywords.contains(token.text))
  }

  /// `send OFFER via ch1, ch2 [after D]`
  private mutating func parseSend() throws(ParseFailure) -> Send {
    let start = advance()
    let offer = try expectName("an offer code after 'send'")
    guard accept("via") != nil else {
      throw unexpected(expected: "'via' and a channel", hint: "write: send \(offer.text) via email")
    }
    optionalWords = ["after"]
    var channels = [try expectName("a channel name after 'via'")]
    while acceptSymbol(",") != nil { channels.append(try expectName("a channel name after ','")) }
    let after = accept("after") != nil ? try expectDuration(after: "after") : nil
    return Send(
      offer: offer, channels: channels, after: after, range: SourceRange(start: start.range.start, end: lastEnd))
  }
}
