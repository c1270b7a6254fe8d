import PlaybookLanguage

extension Explainer {
  /// The ledger send behind a `sent(…)` condition's value: `last: SORRY25 via email at
  /// 2026-12-02T00:00:00Z (run 7)`, `no such send in the ledger`, or `no ledger`.
  func sentDetail(_ sent: SentCondition, customer: Int) -> String {
    guard let history = plan.history else { return "no ledger: never true" }
    let customerID = plan.dataset.customerIDs.string(customer)
    guard let last = history.lastSends(SentQuery(sent))[customerID] else { return "no such send in the ledger" }
    return "last: \(last.offer) via \(last.channel) at \(Timestamp.format(last.sendAt)) (run \(last.run))"
  }
}
