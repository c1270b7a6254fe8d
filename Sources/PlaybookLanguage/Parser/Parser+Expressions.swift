/// Expressions, loosest binding first:
/// `or` < `and` < `not` < comparisons, `in`, `contains`, `is null`, `between`, `starts
/// with`, `ends with`, `matches` < `+ -` < `* /` < unary `-` < primaries (literals,
/// fields, phrases, aggregates, function calls, lists, parentheses).
/// An expression ends at the end of its line, except inside brackets or parentheses.
extension Parser {
  /// Words that may follow a bare row name without being a lifecycle phrase.
  static let wordsAfterOperand = Set(PlaybookGrammar.operatorWords + ["requires"])

  mutating func parseExpression() throws(ParseFailure) -> Expr {
    lineHasExpression = true
    try enterNested()
    defer { depth -= 1 }
    return try parseOr()
  }

  /// One level deeper into the expression tree (see `maxDepth`).
  private mutating func enterNested() throws(ParseFailure) {
    depth += 1
    guard depth <= Parser.maxDepth else {
      throw failure(.nestingTooDeep(limit: Parser.maxDepth), at: current.range)
    }
  }

  private mutating func parseOr() throws(ParseFailure) -> Expr {
    var left = try parseAnd()
    var chain = 0
    defer { depth -= chain }
    while accept("or") != nil {
      try enterNested()
      chain += 1
      let right = try parseAnd()
      left = Expr(.binary(.or, left, right), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseAnd() throws(ParseFailure) -> Expr {
    var left = try parseNot()
    var chain = 0
    defer { depth -= chain }
    while accept("and") != nil {
      try enterNested()
      chain += 1
      let right = try parseNot()
      left = Expr(.binary(.and, left, right), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseNot() throws(ParseFailure) -> Expr {
    if let not = accept("not") {
      try enterNested()
      defer { depth -= 1 }
      let operand = try parseNot()
      return Expr(.unary(.not, operand), range: not.range.union(operand.range))
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(ParseFailure) -> Expr {
    let left = try parseAdditive()
    let result: Expr
    if case .path(let row, let field?) = left.kind, current.isWord("in"), peek().isWord("last") {
      result = try parseFieldInLast(row: row, field: field)
    } else if let test = try parseTextTest(left) {
      result = test
    } else if accept("between") != nil {
      result = try parseBetween(left, negated: false)
    } else if current.isWord("not"), peek().isWord("between") {
      advance()
      advance()
      result = try parseBetween(left, negated: true)
    } else if current.kind == .symbol, let op = ComparisonOperator(rawValue: current.text) {
      advance()
      let right = try parseAdditive()
      result = Expr(.binary(BinaryOperator(op), left, right), range: left.range.union(right.range))
    } else if current.isSymbol("=") {
      let next = peek()
      if next.kind == .symbol, ["<", ">"].contains(next.text), next.range.start == current.range.end {
        throw failure(
          .notAComparison("=\(next.text)", fix: "\(next.text)=", hint: "write '\(next.text)='"),
          at: current.range.union(next.range))
      }
      throw failure(.notAComparison("=", fix: "==", hint: "use '==' to compare"), at: current.range)
    } else if current.isWord("in"), !peek().isWord("last") {
      advance()
      result = try parseMembership(left, negated: false)
    } else if current.isWord("not"), peek().isWord("in") {
      advance()
      advance()
      result = try parseMembership(left, negated: true)
    } else if accept("contains") != nil {
      if accept("any") != nil {
        guard current.isSymbol("[") else { throw unexpected(expected: "a list after 'contains any'") }
        let (items, range) = try parseList()
        result = Expr(.containsAny(left, items), range: left.range.union(range))
      } else {
        let right = try parseAdditive()
        result = Expr(.contains(left, right), range: left.range.union(right.range))
      }
    } else if let isWord = accept("is") {
      let not = accept("not")
      guard let null = accept("null") else { throw isNotAComparison(isWord, not: not) }
      result = Expr(.isNull(left, negated: not != nil), range: left.range.union(null.range))
    } else {
      return left
    }
    if current.kind == .symbol, ComparisonOperator(rawValue: current.text) != nil {
      throw failure(.chainedComparison, at: current.range)
    }
    return result
  }

  /// `x is "gold"`: `is` only tests for null, so a value after it means `==` (`!=` after
  /// `is not`). Another lone word (`is nul`, `is nil`) is taken for a misspelt `null`.
  private func isNotAComparison(_ isWord: Token, not: Token?) -> ParseFailure {
    let misspeltNull = current.kind == .word && !["true", "false"].contains(current.text) && !peek().isSymbol(".")
    guard !atLineEnd, !misspeltNull else {
      return unexpected(expected: "'null'", hint: "write: is null, or is not null")
    }
    let spelling = not == nil ? "is" : "is not"
    let fix = not == nil ? "==" : "!="
    return failure(
      .notAComparison(spelling, fix: fix, hint: "use '\(fix)' to compare; 'is' only tests for null"),
      at: isWord.range.union(not?.range ?? isWord.range))
  }

  /// `x.opened in last D` is the phrase `x in last D`; another field has no `in last`.
  private mutating func parseFieldInLast(row: Name, field: Name) throws(ParseFailure) -> Expr {
    guard field.text == "opened" else {
      throw failure(.fieldInLast(row: row.text, field: field.text), at: field.range.union(peek().range))
    }
    advance()
    advance()
    let phrase = Phrase.inLast(try expectDuration(after: "last"))
    return Expr(.phrase(row: row, phrase), range: row.range.union(SourceRange(start: lastEnd, end: lastEnd)))
  }

  /// `starts with`, `ends with` or `matches "PATTERN"` after `left`; nil when none follows.
  private mutating func parseTextTest(_ left: Expr) throws(ParseFailure) -> Expr? {
    let test: TextMatch
    if current.isWord("starts"), peek().isWord("with") {
      test = .startsWith
    } else if current.isWord("ends"), peek().isWord("with") {
      test = .endsWith
    } else if current.isWord("matches") {
      test = .matches
    } else {
      return nil
    }
    advance()
    if test != .matches { advance() }
    let right: Expr
    if test == .matches {
      guard current.kind == .string else {
        throw unexpected(expected: "a pattern in quotes after 'matches'", hint: "write: matches \"^sms\"")
      }
      let token = advance()
      if let problem = TextPattern.problem(in: token.value, spelling: token.text, at: token.range) {
        throw failure(.invalidPattern(problem.message), at: problem.range)
      }
      right = Expr(.string(StringLiteral(value: token.value, range: token.range)), range: token.range)
    } else {
      right = try parseAdditive()
    }
    return Expr(.textMatch(left, test, right), range: left.range.union(right.range))
  }

  /// After `between` (or `not between`): `LOW and HIGH`.
  private mutating func parseBetween(_ left: Expr, negated: Bool) throws(ParseFailure) -> Expr {
    let low = try parseAdditive()
    _ = try expect("and", hint: "write: between 1 and 5")
    let high = try parseAdditive()
    return Expr(.between(left, low: low, high: high, negated: negated), range: left.range.union(high.range))
  }

  /// After `in` / `not in`: a list, or a segment name.
  private mutating func parseMembership(_ left: Expr, negated: Bool) throws(ParseFailure) -> Expr {
    if current.isSymbol("[") {
      let (items, range) = try parseList()
      return Expr(.inList(left, items, negated: negated), range: left.range.union(range))
    }
    let segment = try expectName("a segment name or a list after 'in'")
    return Expr(.inSegment(left, segment: segment, negated: negated), range: left.range.union(segment.range))
  }

  private mutating func parseAdditive() throws(ParseFailure) -> Expr {
    var left = try parseMultiplicative()
    var chain = 0
    defer { depth -= chain }
    while current.isSymbol("+") || current.isSymbol("-") {
      try enterNested()
      chain += 1
      let op: BinaryOperator = advance().text == "+" ? .add : .subtract
      let right = try parseMultiplicative()
      left = Expr(.binary(op, left, right), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseMultiplicative() throws(ParseFailure) -> Expr {
    var left = try parseUnary()
    var chain = 0
    defer { depth -= chain }
    while current.isSymbol("*") || current.isSymbol("/") {
      try enterNested()
      chain += 1
      let op: BinaryOperator = advance().text == "*" ? .multiply : .divide
      let right = try parseUnary()
      left = Expr(.binary(op, left, right), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseUnary() throws(ParseFailure) -> Expr {
    if let minus = acceptSymbol("-") {
      try enterNested()
      defer { depth -= 1 }
      let operand = try parseUnary()
      return Expr(.unary(.negate, operand), range: minus.range.union(operand.range))
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(ParseFailure) -> Expr {
    let token = current
    switch token.kind {
    case .number:
      advance()
      return Expr(.number(numberLiteral(token)), range: token.range)
    case .string:
      advance()
      return Expr(.string(StringLiteral(value: token.value, range: token.range)), range: token.range)
    case .duration:
      advance()
      return Expr(
        .duration(DurationLiteral(seconds: token.seconds, spelling: token.text, range: token.range)),
        range: token.range)
    case .timestamp:
      advance()
      return Expr(
        .timestamp(TimestampLiteral(secondsSinceEpoch: token.seconds, spelling: token.text, range: token.range)),
        range: token.range)
    case .percent:
      advance()
      return Expr(
        .percent(PercentLiteral(value: token.number, spelling: token.text, range: token.range)), range: token.range)
    case .symbol where token.text == "[":
      let (items, range) = try parseList()
      return Expr(.list(items), range: range)
    case .symbol where token.text == "(":
      let open = advance()
      nesting += 1
      skipLineBreaksInsideBrackets()
      var inner = try parseExpression()
      let close = try expectClosing(")", opened: open, what: "'('")
      inner.range = open.range.union(close.range)
      return inner
    case .word:
      return try parseWordPrimary()
    default:
      throw unexpected(expected: "an expression")
    }
  }

  private mutating func parseWordPrimary() throws(ParseFailure) -> Expr {
    let token = current
    switch token.text {
    case "true", "false":
      advance()
      return Expr(.bool(token.text == "true"), range: token.range)
    case "null":
      advance()
      return Expr(.null, range: token.range)
    case "now":
      advance()
      return Expr(.now, range: token.range)
    case "and", "or", "not", "in", "contains", "is":
      throw unexpected(expected: "an expression")
    default:
      break
    }
    if let function = Aggregate.Function(rawValue: token.text), peek().isSymbol("(") {
      return try parseAggregate(function)
    }
    if token.text == "sent", peek().isSymbol("(") {
      return try parseSent()
    }
    if peek().isSymbol("("), peek().range.start == token.range.end {
      return try parseCall()
    }
    let row = try expectName("a name")
    if acceptSymbol(".") != nil {
      let field = try expectName("a field name after '\(row.text).'")
      if ["resolved", "responded", "open"].contains(field.text), ["within", "after", "for"].contains(current.text) {
        throw failure(
          .phraseAfterField(row: row.text, field: field.text, phrase: "\(field.text) \(current.text)"), at: field.range)
      }
      return Expr(.path(row: row, field: field), range: row.range.union(field.range))
    }
    return try parsePhrase(after: row)
  }

  /// A lifecycle phrase after a bare row name, or the bare row itself.
  private mutating func parsePhrase(after row: Name) throws(ParseFailure) -> Expr {
    let bare = Expr(.path(row: row, field: nil), range: row.range)
    guard current.kind == .word else { return bare }
    let word = current
    let phrase: Phrase
    switch word.text {
    case "resolved":
      advance()
      if accept("within") != nil {
        phrase = .resolvedWithin(try expectDuration(after: "within"))
      } else if accept("after") != nil {
        phrase = .resolvedAfter(try expectDuration(after: "after"))
      } else {
        try rejectUnknownPhraseWord(["within", "after"])
        phrase = .resolved
      }
    case "responded":
      advance()
      if accept("within") != nil {
        phrase = .respondedWithin(try expectDuration(after: "within"))
      } else if accept("after") != nil {
        phrase = .respondedAfter(try expectDuration(after: "after"))
      } else {
        try rejectUnknownPhraseWord(["within", "after"])
        throw unexpected(expected: "'within' or 'after' after 'responded'")
      }
    case "open":
      advance()
      _ = try expect("for", hint: "write: \(row.text) open for 72h")
      phrase = .openFor(try expectDuration(after: "for"))
    case "in" where peek().isWord("last"):
      advance()
      advance()
      phrase = .inLast(try expectDuration(after: "last"))
    default:
      if !Parser.wordsAfterOperand.contains(word.text),
        let hint = NearNames.didYouMean(word.text, in: PlaybookGrammar.phraseWords)
      {
        throw failure(.unknownPhrase(word.text, hint: hint), at: word.range)
      }
      return bare
    }
    return Expr(.phrase(row: row, phrase), range: row.range.union(SourceRange(start: lastEnd, end: lastEnd)))
  }

  /// After `resolved` / `responded`: a word that is neither an operator nor a phrase
  /// word is a misspelt `within` / `after`.
  private func rejectUnknownPhraseWord(_ expected: [String]) throws(ParseFailure) {
    guard current.kind == .word, !Parser.wordsAfterOperand.contains(current.text) else { return }
    throw failure(
      .unknownPhrase(
        current.text, hint: NearNames.didYouMean(current.text, in: expected) ?? "expected 'within' or 'after'"),
      at: current.range)
  }

  /// `count(ROW [where EXPR] [in last D])`, `sum|avg|min|max(ROW.FIELD …)`.
  private mutating func parseAggregate(_ function: Aggregate.Function) throws(ParseFailure) -> Expr {
    let name = advance()
    let open = advance()
    nesting += 1
    skipLineBreaksInsideBrackets()
    let row = try expectName("a row name in '\(function.rawValue)(…)'")
    var field: Name?
    if acceptSymbol(".") != nil {
      let name = try expectName("a field name after '\(row.text).'")
      guard function != .count else {
        throw failure(.countTakesRow(row.text), at: row.range.union(name.range))
      }
      field = name
    } else if function != .count {
      throw failure(.aggregateNeedsField(function.rawValue, row: row.text), at: row.range)
    }
    let filter = accept("where") != nil ? try parseExpression() : nil
    let inLast = try parseInLast()
    let close = try expectClosing(")", opened: open, what: "'\(function.rawValue)('")
    let aggregate = Aggregate(function: function, row: row, field: field, filter: filter, inLast: inLast)
    return Expr(.aggregate(aggregate), range: name.range.union(close.range))
  }

  /// `in last D` closing an aggregate or `sent(…)`; nil when absent.
  private mutating func parseInLast() throws(ParseFailure) -> DurationLiteral? {
    guard current.isWord("in"), peek().isWord("last") else { return nil }
    advance()
    advance()
    return try expectDuration(after: "last")
  }

  /// `sent(OFFER|any [via CHANNEL] [in last D])`
  private mutating func parseSent() throws(ParseFailure) -> Expr {
    let name = advance()
    let open = advance()
    nesting += 1
    skipLineBreaksInsideBrackets()
    let offer = try expectName("an offer code or 'any' in 'sent(…)'", hint: "write: sent(SORRY25 in last 14d)")
    let channel = accept("via") != nil ? try expectName("a channel name after 'via'") : nil
    let inLast = try parseInLast()
    let close = try expectClosing(")", opened: open, what: "'sent('")
    return Expr(
      .sent(SentCondition(offer: offer, channel: channel, inLast: inLast)), range: name.range.union(close.range))
  }

  /// `NAME(a, b, …)`: a function call; the checker knows which names are functions.
  private mutating func parseCall() throws(ParseFailure) -> Expr {
    let name = advance()
    let open = advance()
    nesting += 1
    skipLineBreaksInsideBrackets()
    var arguments: [Expr] = []
    while !current.isSymbol(")") {
      if atLineEnd { throw unclosed(open, what: "'\(name.text)('") }
      arguments.append(try parseExpression())
      guard acceptSymbol(",") != nil else { break }
    }
    let close = try expectClosing(")", opened: open, what: "'\(name.text)('")
    return Expr(.call(Name(name.text, range: name.range), arguments), range: name.range.union(close.range))
  }

  /// `[a, b, c]`, possibly over several lines; a trailing comma is allowed.
  private mutating func parseList() throws(ParseFailure) -> ([Expr], SourceRange) {
    let open = advance()
    nesting += 1
    skipLineBreaksInsideBrackets()
    var items: [Expr] = []
    while !current.isSymbol("]") {
      if atLineEnd { throw unclosed(open, what: "list") }
      items.append(try parseExpression())
      guard acceptSymbol(",") != nil else { break }
    }
    let close = try expectClosing("]", opened: open, what: "list")
    return (items, open.range.union(close.range))
  }

  /// The closing bracket of `open`; a line end first means it was never closed.
  private mutating func expectClosing(_ symbol: String, opened open: Token, what: String) throws(ParseFailure) -> Token
  {
    if atLineEnd { throw unclosed(open, what: what) }
    guard current.isSymbol(symbol) else {
      throw unexpected(expected: symbol == "]" ? "',' or ']'" : "')'")
    }
    nesting -= 1
    return advance()
  }

  private func unclosed(_ open: Token, what: String) -> ParseFailure {
    failure(.unclosed(what, close: open.text == "[" ? "]" : ")"), at: open.range)
  }
}

extension BinaryOperator {
  init(_ comparison: ComparisonOperator) {
    switch comparison {
    case .equal: self = .equal
    case .notEqual: self = .notEqual
    case .less: self = .less
    case .lessOrEqual: self = .lessOrEqual
    case .greater: self = .greater
    case .greaterOrEqual: self = .greaterOrEqual
    }
  }
}
