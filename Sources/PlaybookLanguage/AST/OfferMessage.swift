/// `subject email "…"` or `message sms "…"` under an offer: what the customer reads on
/// one channel, as a template over the decision (docs/LANGUAGE.md, "Messages").
public struct OfferMessage: Hashable, Sendable {
  /// Which part of the message the line gives.
  public enum Part: String, Hashable, Sendable, CaseIterable {
    /// `subject`: an email's subject line (any channel may have one).
    case subject
    /// `message`: the body.
    case message
  }

  /// `subject` or `message`.
  public var part: Part
  /// The channel the text is for (`email`, `sms`).
  public var channel: Name
  /// The template as written, quotes and escapes included, so `fmt` reprints it unchanged.
  public var spelling: String
  /// Where the template string was written, quotes included.
  public var range: SourceRange
  /// The template read from `spelling`.
  public var template: MessageTemplate

  /// A message line; `template` is what `spelling` reads as.
  public init(part: Part, channel: Name, spelling: String, range: SourceRange, template: MessageTemplate) {
    self.part = part
    self.channel = channel
    self.spelling = spelling
    self.range = range
    self.template = template
  }
}
