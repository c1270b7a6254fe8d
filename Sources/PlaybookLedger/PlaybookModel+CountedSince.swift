import PlaybookLanguage

extension PlaybookModel {
  /// The earliest `send_at` any `limit … per D` counts at `clock`: the clock less the
  /// longest period; nil when no limit has a period (the ledger's sends count for none).
  func countedSince(clock: Int64) -> Int64? {
    limits.compactMap(\.period).map(\.seconds).max().map { clock - $0 }
  }
}
