/// `sent(OFFER [via CHANNEL] [in last D])` or `sent(any [via CHANNEL] [in last D])`: whether
/// the send ledger holds a send to the customer by an earlier run.
public struct SentCondition: Hashable, Sendable {
  /// The offer's code, or `any` for any offer.
  public var offer: Name
  /// `via CHANNEL`: only sends on that channel; nil for any channel.
  public var channel: Name?
  /// `in last D`: only sends whose `send_at` is at most D before the clock; nil for any time.
  public var inLast: DurationLiteral?

  /// The condition as parsed.
  public init(offer: Name, channel: Name?, inLast: DurationLiteral?) {
    self.offer = offer
    self.channel = channel
    self.inLast = inLast
  }

  /// The word that stands for any offer: `sent(any in last 14d)`.
  public static let anyOffer = "any"

  /// The offer asked about; nil for `any`.
  public var offerCode: String? { offer.text == Self.anyOffer ? nil : offer.text }

  /// As the formatter writes it: `sent(any via sms in last 14d)`.
  public var text: String {
    "sent(" + offer.text + (channel.map { " via " + $0.text } ?? "") + (inLast.map { " in last " + $0.spelling } ?? "")
      + ")"
  }
}
