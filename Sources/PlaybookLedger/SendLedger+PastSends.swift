public import PlaybookEngine
public import PlaybookLanguage

extension SendLedger {
  /// What committed runs sent the customer, oldest first: the history `explain` shows
  /// and names behind `already_sent` and a used-up `limit`. Empty when there is no ledger
  /// at `path` yet.
  public static func pastSends(path: String, customerID: String) throws(Diagnostic) -> [PastSend] {
    guard let ledger = try openForReading(path: path) else { return [] }
    return try ledger.sends(customerID: customerID).map {
      PastSend(
        rule: $0.rule, offer: $0.offer, triggerID: $0.triggerID, channel: $0.channel, sendAt: $0.sendAt,
        run: $0.runSeq)
    }.sorted { ($0.sendAt, $0.run) < ($1.sendAt, $1.run) }
  }
}
