import PlaybookLanguage

/// How long a text message is, as a phone network counts it: in GSM-7 when every
/// character has a GSM-7 code (160 to one text; `^{}\[~]|€` take two), else in UCS-2
/// (70 to one text, counted in UTF-16 units). The `sms` channel is the one named `sms`.
public enum SMSLength {
  /// A text's length and the most one text holds in its encoding.
  public static func measure(_ text: String) -> (length: Int, limit: Int) {
    var length = 0
    for scalar in text.unicodeScalars {
      if basic.contains(scalar) {
        length += 1
      } else if extended.contains(scalar) {
        length += 2
      } else {
        return (text.utf16.count, 70)
      }
    }
    return (length, 160)
  }

  /// One warning per offer whose `sms` message, as sent, is longer than one text for
  /// some customers, naming how many.
  public static func warnings(_ decisions: [Decision]) -> [Diagnostic] {
    var tooLong: [String: (customers: Int, limit: Int)] = [:]
    var offers: [String] = []
    // Most decisions have no message: that test comes first, so a run without messages
    // only reads one field per decision.
    for d in decisions {
      guard let message = d.message, d.status == .send, d.channel == "sms" else { continue }
      let (length, limit) = measure(message)
      guard length > limit else { continue }
      var found = tooLong[d.offer] ?? (0, limit)
      if found.customers == 0 { offers.append(d.offer) }
      found.customers += 1
      found.limit = min(found.limit, limit)
      tooLong[d.offer] = found
    }
    return offers.map { offer in
      let found = tooLong[offer] ?? (0, 160)
      return Diagnostic(
        .longSMS(
          offer: offer, channel: "sms", customers: found.customers,
          limit: found.limit == 160 ? "160 GSM-7 characters" : "70 characters, as it needs UCS-2"),
        file: nil)
    }
  }

  private static let basic = Set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
      .unicodeScalars)
  private static let extended = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}
