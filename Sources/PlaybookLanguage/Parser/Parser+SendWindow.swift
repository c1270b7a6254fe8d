/// The send-window statements: `timezone customer.tz default "ZONE"`, and a channel's
/// `quiet HH:MM-HH:MM` and `days …` lines.
extension Parser {
  /// `channel NAME address EXPR [requires CONDITION]`, then its `quiet` and `days` lines.
  /// A broken window line is reported and the channel kept without it.
  mutating func parseChannel() -> Statement? {
    statement(.channel, firstLine: Parser.channel) { p, kind throws(ParseFailure) in
      guard case .channel(var channel) = kind else { return }
      try p.windowLine(into: &channel)
      kind = .channel(channel)
    }
  }

  /// `quiet 21:00-08:00` or `days mon-fri`, stored on `channel`; each at most once.
  private mutating func windowLine(into channel: inout Channel) throws(ParseFailure) {
    let word = advance()
    switch ChannelClause(rawValue: word.text) {
    case .quiet:
      guard channel.quiet == nil else { throw failure(.duplicateClause("quiet"), at: word.range) }
      let start = try expectClockTime()
      _ = try expectSymbol("-", hint: "write: quiet 21:00-08:00")
      let end = try expectClockTime()
      guard start.minutes != end.minutes else {
        throw failure(
          .emptyQuietHours(start.text), at: SourceRange(start: start.range.start, end: end.range.end))
      }
      channel.quiet = QuietHours(start: start, end: end)
    case .days:
      guard channel.days == nil else { throw failure(.duplicateClause("days"), at: word.range) }
      let first = current.range.start
      var items: [(first: Weekday, last: Weekday?)] = []
      repeat {
        let day = try expectWeekday()
        items.append((day, acceptSymbol("-") != nil ? try expectWeekday() : nil))
      } while acceptSymbol(",") != nil
      channel.days = SendDays(items: items, range: SourceRange(start: first, end: lastEnd))
    case nil:
      preconditionFailure("a channel's line starts with one of its clauses")
    }
  }

  private mutating func expectClockTime() throws(ParseFailure) -> ClockTime {
    guard current.kind == .clockTime else { throw unexpected(expected: "a time of day such as 21:00") }
    let token = advance()
    return ClockTime(minutes: Int(token.seconds / 60), spelling: token.text, range: token.range)
  }

  private mutating func expectWeekday() throws(ParseFailure) -> Weekday {
    guard current.kind == .word else { throw unexpected(expected: "a day such as mon") }
    let token = advance()
    guard let day = Weekday(rawValue: token.text.lowercased()) else {
      let names = Weekday.allCases.map(\.rawValue)
      let short = String(token.text.lowercased().prefix(3))
      let hint =
        Weekday(rawValue: short).flatMap { NearNames.didYouMean([$0.rawValue]) }
        ?? NearNames.didYouMean(token.text, in: names) ?? "days are \(names.joined(separator: ", "))"
      throw failure(.unknownDay(token.text, hint: hint), at: token.range)
    }
    return day
  }

  /// `timezone customer.FIELD default "ZONE"`. A zone in quotes straight after the word
  /// is a load's `timezone` clause that lost its load.
  static func timezone(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    if p.current.kind == .string {
      throw p.failure(
        .mustFollow(
          "timezone \"…\"", "a 'load' line",
          hint: "a playbook's own is `timezone customer.FIELD default \"America/New_York\"`"),
        at: p.current.range)
    }
    p.optionalWords = ["default"]
    let field = try p.parseExpression()
    _ = try p.expect("default", hint: "write: timezone customer.tz default \"America/New_York\"")
    let zone = try p.expectString("the default zone in quotes, e.g. \"America/New_York\"")
    return .timezone(CustomerTimeZone(field: field, defaultZone: zone))
  }
}
