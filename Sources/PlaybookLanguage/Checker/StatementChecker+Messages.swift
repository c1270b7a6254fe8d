extension StatementChecker {
  /// An offer's message lines on their own: each names a declared channel, and each
  /// template reads (`trigger.*` waits for the rules that send the offer).
  mutating func checkMessages(of offer: Offer) {
    for message in offer.messages where !model.channels.contains(where: { $0.name.text == message.channel.text }) {
      report(
        .unknownChannel(
          message.channel.text,
          hint: NearNames.didYouMean(message.channel.text, in: model.channels.map(\.name.text))
            ?? "declare it with `channel \(message.channel.text) address customer.FIELD`"),
        at: message.channel.range)
    }
    _ = checkMessages(of: offer, trigger: nil, rule: nil)
  }

  /// A warning at each channel of `send` that an offer it sends has message lines but no
  /// `message` line for: the send would go out without a message body. An offer with no
  /// message lines at all is left alone (its texts live elsewhere), and an unknown offer
  /// or channel is already an error.
  func warnIfSentWithoutMessage(_ send: Send, in checker: inout ExpressionChecker) {
    for variant in send.variants {
      guard let offer = model.offers.first(where: { $0.code.text == variant.offer.text }), !offer.messages.isEmpty
      else { continue }
      for channel in send.channels
      where model.channels.contains(where: { $0.name.text == channel.text })
        && !offer.messages.contains(where: { $0.part == .message && $0.channel.text == channel.text })
      {
        checker.report(
          .missingMessage(offer: offer.code.text, channel: channel.text),
          at: channel.range)
      }
    }
  }

  /// An offer's message lines checked for a rule that triggers on `trigger` (nil: on
  /// the customer). A problem already reported for the offer or another rule is not
  /// reported again.
  mutating func checkMessages(of offer: Offer, trigger: String?, rule: String?) -> [CheckedMessage] {
    var checker = MessageChecker(model: model, schema: schema, trigger: trigger, rule: rule)
    let checked = offer.messages.map { checker.check($0) }
    for diagnostic in checker.diagnostics where !diagnostics.contains(diagnostic) {
      diagnostics.append(diagnostic)
    }
    return checked
  }
}
