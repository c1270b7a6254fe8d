extension Parser {
  /// `test "name"`, then its `as of`, `load` and `expect` lines, up to a blank line or
  /// the next statement.
  mutating func parseTest() -> Statement? {
    let start = current
    var name: StringLiteral?
    var clock: TimestampLiteral?
    var fixtures: [Load] = []
    var expectations: [Expectation] = []
    var ok = line { p throws(ParseFailure) in
      p.advance()
      name = try p.expectString("the test's name in quotes")
    }
    while nextLineBelongs(to: .test) {
      advance()
      let first = current
      switch first.kind == .word ? TestClause(rawValue: first.text) : nil {
      case .load:
        if let load = parseLoad() { fixtures.append(load) } else { ok = false }
      case .asOf:
        ok =
          line { p throws(ParseFailure) in
            p.advance()
            _ = try p.expect("of")
            clock = try p.expectTimestamp()
          } && ok
      case .expect:
        ok = line { p throws(ParseFailure) in expectations.append(try p.parseExpectation()) } && ok
      case nil:
        ok =
          line { p throws(ParseFailure) in
            throw p.unknownClause(in: "test", expected: StatementKeyword.test.clauses)
          } && ok
      }
    }
    guard let name else { return nil }
    let test = PlaybookTest(name: name, clock: clock, fixtures: fixtures, expectations: expectations)
    let statement = Statement(.test(test), range: SourceRange(start: start.range.start, end: lastEnd))
    guard ok else {
      recovered.append(statement)  // its sound lines, for checking alongside the errors
      return nil
    }
    return statement
  }

  /// `expect customer ID gets …` or `expect audience OFFER OP N`.
  private mutating func parseExpectation() throws(ParseFailure) -> Expectation {
    let start = advance()
    let kind: Expectation.Kind
    if accept("customer") != nil {
      let customer = try expectCustomerID()
      _ = try expect("gets", hint: "write: expect customer \(customer.text) gets OFFER")
      if accept("nothing") != nil {
        kind = .getsNothing(customer: customer)
      } else if accept("no") != nil {
        kind = .getsNo(customer: customer, offer: try expectName("an offer code after 'no'"))
      } else {
        let offer = try expectName("an offer code, 'no OFFER' or 'nothing'")
        let channel = accept("via") != nil ? try expectName("a channel name after 'via'") : nil
        kind = .gets(customer: customer, offer: offer, channel: channel)
      }
    } else if accept("audience") != nil {
      let offer = try expectName("an offer code after 'audience'")
      guard current.kind == .symbol, let comparison = ComparisonOperator(rawValue: current.text) else {
        throw unexpected(expected: "a comparison (==, !=, <, <=, >, >=)")
      }
      advance()
      kind = .audience(offer: offer, comparison: comparison, count: try expectNumber("a number"))
    } else {
      throw unexpected(expected: "'customer' or 'audience' after 'expect'")
    }
    return Expectation(kind, range: SourceRange(start: start.range.start, end: lastEnd))
  }

  /// A quoted string, or the run of letters, digits, `-`, `_`, `.` in the source text
  /// from the current token on (`C-1001` is several tokens but one id).
  private mutating func expectCustomerID() throws(ParseFailure) -> CustomerID {
    if current.kind == .string {
      let token = advance()
      return CustomerID(text: token.value, quoted: true, range: token.range)
    }
    let startToken = current
    let startOffset = startToken.range.start.offset
    var end = startOffset
    while end < bytes.count, Parser.isCustomerIDByte(bytes[end]) { end += 1 }
    guard end > startOffset, startToken.kind != .newline, startToken.kind != .end else {
      throw unexpected(expected: "a customer id such as C-1001")
    }
    while current.kind != .newline, current.kind != .end, current.range.start.offset < end {
      if current.range.end.offset > end {
        throw failure(.unexpectedInCustomerID(Parser.describe(current)), at: current.range)
      }
      advance()
    }
    var endLocation = startToken.range.start
    endLocation.offset = end
    endLocation.column += end - startOffset
    let text = String(decoding: bytes[startOffset..<end], as: UTF8.self)
    return CustomerID(text: text, quoted: false, range: SourceRange(start: startToken.range.start, end: endLocation))
  }

  static func isCustomerIDByte(_ b: UInt8) -> Bool {
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || Lexer.isDigit(b) || b == UInt8(ascii: "-")
      || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
  }
}
