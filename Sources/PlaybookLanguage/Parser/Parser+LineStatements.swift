/// The statements held on one line (`StatementKeyword.Lines.one` and `.expression`):
/// each reads its line after the keyword and returns what it declares; `singleLine`
/// consumes the keyword before and checks the line's end after.
extension Parser {
  /// `playbook "Name"`
  static func playbookName(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    .playbook(try p.expectString("the playbook's name in quotes"))
  }

  /// `as of TIME`
  static func asOf(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    _ = try p.expect("of")
    return .asOf(try p.expectTimestamp())
  }

  /// `window D` or `window all`
  static func window(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    if p.accept("all") != nil { return .window(nil) }
    return .window(try p.expectDuration(after: "window"))
  }

  /// `define NAME = ROW where CONDITION`
  static func define(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    let name = try p.expectName("a name after 'define'")
    _ = try p.expectSymbol("=")
    let row = try p.expectName("a row name")
    _ = try p.expect("where", hint: "write: define \(name.text) = \(row.text) where CONDITION")
    return .define(Define(name: name, source: row, condition: try p.parseExpression()))
  }

  /// `segment NAME = CONDITION`
  static func segment(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    let name = try p.expectName("a name after 'segment'")
    _ = try p.expectSymbol("=")
    return .segment(Segment(name: name, condition: try p.parseExpression()))
  }

  /// `channel NAME address EXPR [requires CONDITION]`
  static func channel(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    let name = try p.expectName("a channel name")
    _ = try p.expect("address", hint: "write: channel \(name.text) address customer.FIELD")
    p.optionalWords = ["requires"]
    let address = try p.parseExpression()
    let requires = p.accept("requires") != nil ? try p.parseExpression() : nil
    return .channel(Channel(name: name, address: address, requires: requires))
  }

  /// `limit N per customer [per D] [via CHANNEL]`
  static func limit(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    let count = try p.expectNumber("a number after 'limit'")
    _ = try p.expect("per", hint: "write: limit \(count.spelling) per customer")
    _ = try p.expect("customer", hint: "write: limit \(count.spelling) per customer")
    p.optionalWords = ["per", "via"]
    let period = p.accept("per") != nil ? try p.expectDuration(after: "per") : nil
    p.optionalWords = ["via"]
    let channel = p.accept("via") != nil ? try p.expectName("a channel name after 'via'") : nil
    return .limit(Limit(count: count, period: period, channel: channel))
  }

  /// `holdout P% [seed "TEXT"]`
  static func holdout(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    guard p.current.kind == .percent else {
      throw p.unexpected(expected: "a percent such as 5%")
    }
    let token = p.advance()
    let percent = PercentLiteral(value: token.number, spelling: token.text, range: token.range)
    p.optionalWords = ["seed"]
    let seed = p.accept("seed") != nil ? try p.expectString("the seed in quotes, e.g. seed \"recovery-2026\"") : nil
    return .holdout(ControlGroup(percent: percent, seed: seed))
  }

  /// `export to "DIR" [as FORMAT]`, the format one of the grammar's export formats.
  static func export(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    _ = try p.expect("to", hint: "write: export to \"out\"")
    let path = try p.expectString("a folder path in quotes")
    p.optionalWords = ["as"]
    var format: Name?
    if p.accept("as") != nil {
      let formats = PlaybookGrammar.ExportFormat.allCases.map(\.rawValue)
      let name = try p.expectName("a format (\(formats.joined(separator: ", ")))")
      guard PlaybookGrammar.ExportFormat(rawValue: name.text) != nil else {
        throw p.failure(
          .unknownExportFormat(
            name.text,
            hint: NearNames.didYouMean(name.text, in: formats) ?? "formats are \(formats.joined(separator: ", "))"),
          at: name.range)
      }
      format = name
    }
    return .export(Export(path: path, format: format))
  }

  /// `ledger "PATH"`
  static func ledger(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    .ledger(try p.expectString("the ledger file's path in quotes"))
  }
}
