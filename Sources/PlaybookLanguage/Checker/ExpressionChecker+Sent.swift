/// `sent(…)`: its offer and channel are declared, and it reads a ledger.
extension ExpressionChecker {
  /// `sent(OFFER|any [via CHANNEL] [in last D])` is true or false; in a playbook naming no
  /// ledger it is never true, which `check` warns about.
  mutating func sentType(_ sent: SentCondition, range: SourceRange) -> ValueType {
    if sent.offerCode != nil, model.offer(sent.offer.text) == nil { reportUnknownOffer(sent.offer) }
    if let channel = sent.channel, !model.channels.contains(where: { $0.name.text == channel.text }) {
      reportUnknownChannel(channel)
    }
    if let d = sent.inLast, d.seconds <= 0 { report(.sentPeriodNotPositive, at: d.range) }
    if model.ledger == nil { report(.ledgerRequired(sent.text, consequence: "it is never true"), at: range) }
    sentConditions.append(sent)
    return .boolean
  }

  /// `unknown offer 'SORY25'` with a did-you-mean, or how to declare it.
  mutating func reportUnknownOffer(_ offer: Name) {
    report(
      .unknownOffer(
        offer.text,
        hint: NearNames.didYouMean(offer.text, in: model.offers.map(\.code.text))
          ?? "declare it with `offer \(offer.text) \"description\" valid 30d`"),
      at: offer.range)
  }

  /// `unknown channel 'emial'` with a did-you-mean, or how to declare it.
  mutating func reportUnknownChannel(_ channel: Name) {
    report(
      .unknownChannel(
        channel.text,
        hint: NearNames.didYouMean(channel.text, in: model.channels.map(\.name.text))
          ?? "declare it with `channel \(channel.text) address customer.FIELD`"),
      at: channel.range)
  }
}
