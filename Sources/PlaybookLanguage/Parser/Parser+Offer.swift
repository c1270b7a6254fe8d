extension Parser {
  /// `offer CODE ["description"] [valid D]`, then its `subject CHANNEL "…"` and
  /// `message CHANNEL "…"` lines. A broken message line is reported and the offer is
  /// kept without it, so one typo in a template does not hide the offer's other uses.
  mutating func parseOffer() -> Statement? {
    statement(.offer, firstLine: Parser.offerLine) { p, kind throws(ParseFailure) in
      guard case .offer(var offer) = kind else { return }
      offer.messages.append(try p.messageLine())
      kind = .offer(offer)
    }
  }

  /// A statement of one line and the lines under it that `keyword` takes (an offer's
  /// messages, a channel's window): `firstLine` reads the first, and `line` adds each
  /// following one to what it read. A broken line after the first is reported and the
  /// statement kept without it; when the first is broken, the lines under it are skipped.
  mutating func statement(
    _ keyword: StatementKeyword, firstLine: (inout Parser) throws(ParseFailure) -> Statement.Kind,
    line: (inout Parser, inout Statement.Kind) throws(ParseFailure) -> Void
  ) -> Statement? {
    guard var statement = singleLine(current, firstLine) else {
      while nextLineBelongs(to: keyword) {
        advance()
        skipRestOfLine()
      }
      return nil
    }
    var kind = statement.kind
    while nextLineBelongs(to: keyword) {
      advance()
      _ = self.line { p throws(ParseFailure) in try line(&p, &kind) }
    }
    statement.kind = kind
    statement.range.end = lastEnd
    return statement
  }

  /// The offer's first line, after `offer`.
  private static func offerLine(_ p: inout Parser) throws(ParseFailure) -> Statement.Kind {
    let code = try p.expectName("an offer code")
    p.optionalWords = ["valid"]
    let description = p.current.kind == .string ? try p.expectString("a description") : nil
    let valid = p.accept("valid") != nil ? try p.expectDuration(after: "valid") : nil
    return .offer(Offer(code: code, description: description, valid: valid))
  }

  /// `subject CHANNEL "template"` or `message CHANNEL "template"`; the template is read
  /// here, so a tag that does not read is a syntax error with its caret inside the string.
  private mutating func messageLine() throws(ParseFailure) -> OfferMessage {
    guard let part = OfferMessage.Part(rawValue: advance().text) else {
      preconditionFailure("an offer's line starts with one of its clauses")
    }
    let channel = try expectName("a channel name, e.g. \(part.rawValue) email \"…\"")
    guard current.kind == .string else {
      throw unexpected(expected: "the \(part.rawValue) in quotes, e.g. \(part.rawValue) \(channel.text) \"Hello\"")
    }
    let token = advance()
    var reader = TemplateReader(spelling: token.text, start: token.range.start)
    do {
      let template = try reader.read()
      return OfferMessage(
        part: part, channel: channel, spelling: token.text, range: token.range, template: template)
    } catch {
      throw failure(error.message, at: error.range)
    }
  }
}
