/// The filters a message template may use (`{{ x | upcase }}`), Liquid's names and
/// meanings (docs/LANGUAGE.md, "Messages").
public enum MessageFilter: String, CaseIterable, Sendable {
  /// `default: "there"`: the argument when the value is null or empty.
  case `default`
  /// Upper, lower case; the first letter upper case and the rest lower.
  case upcase, downcase, capitalize
  /// `truncate: 20`: at most 20 characters, ending in `...` when cut (50 without argument).
  case truncate
  /// `date: "%b %-d"`: a time as text by a strftime format (`TemplateDateFormat`).
  case date
  /// `round` or `round: 2`: a number to that many decimals.
  case round
}

/// The variables a message template reads besides `customer.*` and `trigger.*`.
public enum MessageVariable: String, CaseIterable, Sendable {
  case customer, trigger, offer
  /// When the message goes out, and when the offer in it stops being valid.
  case sendAt = "send_at"
  case expiresAt = "expires_at"
  /// The channel's name (`email`, `sms`).
  case channel
}

/// An offer's fields a template may read: `offer.code`, `offer.description`, `offer.valid`.
public enum OfferField: String, CaseIterable, Sendable {
  case code, description, valid
}

/// The trigger row's fields a template reads besides its columns: `trigger.id` (the
/// row's key), `trigger.resolution` (resolved − opened) and `trigger.response`
/// (responded − opened).
public enum TriggerField: String, CaseIterable, Sendable {
  case id, resolution, response
}
