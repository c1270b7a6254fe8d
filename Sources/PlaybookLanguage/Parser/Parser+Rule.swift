extension Parser {
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
        throw p.failure(
          "a rule's name is one word", at: p.current.range, hint: "write: rule \(name?.text ?? "")_\(p.current.text)")
      }
    }
    var conditions: [Expr] = []
    var exceptions: [Expr] = []
    var sends: [Send] = []
    // Which list an `and` line joins.
    var joinsExceptions: Bool?
    while nextLineBelongs(to: .rule) {
      advance()
      let clause = current
      let lineOK = line { p throws(ParseFailure) in
        switch clause.kind == .word ? RuleClause(rawValue: clause.text) : nil {
        case .when:
          p.advance()
          joinsExceptions = false
          conditions.append(try p.parseExpression())
        case .unless:
          p.advance()
          joinsExceptions = true
          exceptions.append(try p.parseExpression())
        case .and:
          guard let toExceptions = joinsExceptions else {
            throw p.failure(
              "'and' must follow a 'when' or 'unless' line", at: clause.range,
              hint: "start the conditions with: when CONDITION")
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
        case .send:
          sends.append(try p.parseSend())
        case nil:
          throw p.unknownClause(in: "rule", expected: StatementKeyword.rule.clauses)
        }
      }
      ok = ok && lineOK
    }
    guard ok, let name else { return nil }
    let rule = Rule(name: name, priority: priority, conditions: conditions, exceptions: exceptions, sends: sends)
    return Statement(.rule(rule), range: SourceRange(start: start.range.start, end: lastEnd))
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
