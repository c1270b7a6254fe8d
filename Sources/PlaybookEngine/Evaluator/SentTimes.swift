import PlaybookLanguage

/// The latest send time per customer of each `sent(…)` query, read from the history once
/// per plan: customer ids are looked up once here, so evaluating `sent(…)` reads one
/// array slot per customer and touches no string.
struct SentTimes: Sendable {
  /// By query: the customer's latest matching `send_at`, `Int64.min` for none.
  private var times: [SentQuery: [Int64]] = [:]

  /// No history: every `sent(…)` is false.
  static let none = SentTimes()

  private init() {}

  /// The times of `queries` in `history`, by customer number of `dataset`; sends to
  /// customers not in the data are left out.
  init(_ queries: [SentQuery], history: (any SendHistory)?, dataset: Dataset) {
    guard let history else { return }
    let count = dataset.customers.rowCount
    for query in queries {
      var latest = [Int64](repeating: .min, count: count)
      for (customerID, send) in history.lastSends(query) {
        if let customer = dataset.customerNumber(customerID) { latest[Int(customer)] = send.sendAt }
      }
      times[query] = latest
    }
  }

  /// The per-customer times of `query`; nil when there is no history.
  func latest(_ query: SentQuery) -> [Int64]? { times[query] }
}

extension ExpressionCompiler {
  /// `sent(…)`: true when the customer's latest matching send is at or after clock − D
  /// (`in last D`; sends scheduled after the clock count), or exists at all without one.
  func compileSent(_ expr: Expr, _ sent: SentCondition) -> CompiledExpr {
    guard let latest = sentTimes.latest(SentQuery(sent)) else { return CompiledExpr(expr, .truth { _ in .no }) }
    // Int64.min stands for no send, so even with no period it is below `since`.
    let since = sent.inLast.map { clock - $0.seconds } ?? Int64.min + 1
    return CompiledExpr(expr, .truth { frame in Truth(latest[frame.customer] >= since) })
  }
}
