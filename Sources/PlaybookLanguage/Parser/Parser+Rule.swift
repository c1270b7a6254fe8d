extension Parser {
  /// `rule NAME [priority N] [every D]`, then its `when` / `and` / `unless` / `send` lines, up to a
  /// blank line or the next statement. Each line recovers on its own, so every broken
  /// line of a rule is reported.
  mutating func parseRule() -> Statement? {
    let start = current
    var draft = RuleDraft()
    var ok = line { p throws(ParseFailure) in try Parser.ruleHeader(&p, &draft) }
    while nextLineBelongs(to: .rule) {
      advance()
      ok = line { p throws(ParseFailure) in try Parser.ruleLine(&p, &draft) } && ok
    }
    guard let name = draft.name else { return nil }
    var rule = Rule(
      name: name, priority: draft.priority, conditions: draft.conditions, exceptions: draft.exceptions,
      sends: draft.sends)
    rule.every = draft.every
    let statement = Statement(.rule(rule), range: SourceRange(start: start.range.start, end: lastEnd))
    guard ok else {
      recovered.append(statement)  // its sound lines, for checking alongside the errors
      return nil
    }
    return statement
  }

  /// `rule NAME [priority N] [every D]`
  private static func ruleHeader(_ p: inout Parser, _ draft: inout RuleDraft) throws(ParseFailure) {
    p.advance()
    let name = try p.expectName("the rule's name")
    draft.name = name
    p.optionalWords = ["priority", "every"]
    if p.accept("priority") != nil {
      draft.priority = try p.expectNumber("a number after 'priority'")
      p.optionalWords = ["every"]
    }
    if p.accept("every") != nil { draft.every = try p.expectDuration(after: "every") }
    if p.current.kind == .word, draft.priority == nil, draft.every == nil,
      NearNames.closest(to: p.current.text, in: ["priority", "every"]) == nil
    {
      throw p.failure(.ruleNameOneWord(name.text, then: p.current.text), at: p.current.range)
    }
  }

  /// One of a rule's lines, by its clause word.
  private static func ruleLine(_ p: inout Parser, _ draft: inout RuleDraft) throws(ParseFailure) {
    let clause = p.current
    switch clause.kind == .word ? RuleClause(rawValue: clause.text) : nil {
    case .when:
      p.advance()
      draft.joinsExceptions = false
      draft.conditions.append(try p.parseExpression())
    case .unless:
      p.advance()
      draft.joinsExceptions = true
      draft.exceptions.append(try p.parseExpression())
    case .and:
      guard let toExceptions = draft.joinsExceptions else {
        throw p.failure(
          .mustFollow("and", "a 'when' or 'unless' line", hint: "start the conditions with: when CONDITION"),
          at: clause.range)
      }
      p.advance()
      let condition = try p.parseExpression()
      if toExceptions, let last = draft.exceptions.popLast() {
        draft.exceptions.append(Expr(.binary(.and, last, condition), range: last.range.union(condition.range)))
      } else if toExceptions {
        // The `unless` line itself failed; keep going to report the rest.
      } else {
        draft.conditions.append(condition)
      }
    case .send:
      draft.sends.append(try p.parseSend())
    case nil:
      throw p.unknownClause(in: "rule", expected: StatementKeyword.rule.clauses)
    }
  }

  /// `send OFFER [P%] [or OFFER [P%]]… via ch1, ch2 [after D]`
  private mutating func parseSend() throws(ParseFailure) -> Send {
    let start = advance()
    var variants = [try parseVariant(after: "'send'")]
    while accept("or") != nil { variants.append(try parseVariant(after: "'or'")) }
    guard accept("via") != nil else {
      throw unexpected(expected: "'via' and a channel", hint: "write: send \(Variant.text(variants)) via email")
    }
    optionalWords = ["after"]
    var channels = [try expectName("a channel name after 'via'")]
    while acceptSymbol(",") != nil { channels.append(try expectName("a channel name after ','")) }
    let after = accept("after") != nil ? try expectDuration(after: "after") : nil
    return Send(
      variants: variants, channels: channels, after: after, range: SourceRange(start: start.range.start, end: lastEnd))
  }

  /// `OFFER [P%]`: one offer of a `send` line, with its share of a split.
  private mutating func parseVariant(after word: String) throws(ParseFailure) -> Variant {
    let offer = try expectName("an offer code after \(word)")
    guard current.kind == .percent else { return Variant(offer: offer, weight: nil) }
    let token = advance()
    return Variant(offer: offer, weight: PercentLiteral(value: token.number, spelling: token.text, range: token.range))
  }
}

/// A rule's parts as its lines are read.
struct RuleDraft {
  var name: Name?
  var priority: NumberLiteral?
  var every: DurationLiteral?
  var conditions: [Expr] = []
  var exceptions: [Expr] = []
  var sends: [Send] = []
  /// Which list an `and` line joins: nil before any `when` or `unless`.
  var joinsExceptions: Bool?
}
