/// A column of an audience file or the decisions log, named as in the header row.
enum ExportColumn: String, Sendable {
  case customerID = "customer_id"
  case rule
  case offer
  case triggerID = "trigger_id"
  case triggerTime = "trigger_time"
  case sendAt = "send_at"
  /// `send_at` on the customer's clock, with its offset: only with a `timezone` statement.
  case localSendAt = "local_send_at"
  case expiresAt = "expires_at"
  case channel
  case address
  case status
  case reason
  case merged
  case priority
  case variant
  /// An offer's description, subject and message: the audience file of an offer with
  /// message lines has them (`OfferTexts`).
  case description, subject, message

  /// `<OFFER>.csv|jsonl`: the `send` decisions of one offer.
  static let audience: [ExportColumn] = [
    .customerID, .channel, .address, .offer, .sendAt, .expiresAt, .rule, .triggerID,
  ]

  /// The audience file's columns for an offer with `texts`: the description, then the
  /// subject and the message when the offer has such lines.
  static func audience(_ texts: OfferTexts?) -> [ExportColumn] {
    guard let texts else { return audience }
    return audience + [.description] + textColumns(subject: texts.hasSubject, message: texts.hasMessage)
  }

  /// `subject` and `message`, each when asked for.
  private static func textColumns(subject: Bool, message: Bool) -> [ExportColumn] {
    (subject ? [.subject] : []) + (message ? [.message] : [])
  }

  /// `decisions.csv|jsonl`: every candidate with its status and why.
  static let decisions: [ExportColumn] = [
    .customerID, .rule, .offer, .triggerID, .triggerTime, .sendAt, .expiresAt, .channel, .address,
    .status, .reason, .merged, .priority,
  ]

  /// `decisions`, with a `variant` column after `offer` when the playbook has an A/B split,
  /// and `subject` and `message` columns at the end when some offer in `texts` has such
  /// lines (filled in on the rows that send or are held out, empty on the others), so a
  /// playbook without messages keeps the log it had.
  static func decisions(variants: Bool, texts: some Collection<OfferTexts>) -> [ExportColumn] {
    var columns = decisions
    if variants { columns.insert(.variant, at: columns.firstIndex(of: .offer).map { $0 + 1 } ?? columns.count) }
    let hasSubject = texts.contains { $0.hasSubject }
    let hasMessage = texts.contains { $0.hasMessage }
    return columns + textColumns(subject: hasSubject, message: hasMessage)
  }
}

extension [ExportColumn] {
  /// These columns with `local_send_at` after `send_at` when `local` (the playbook has a
  /// `timezone` statement); unchanged otherwise.
  func withLocalSendAt(_ local: Bool) -> [ExportColumn] {
    guard local, let sendAt = firstIndex(of: .sendAt) else { return self }
    var columns = self
    columns.insert(.localSendAt, at: sendAt + 1)
    return columns
  }
}
