import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// How many decisions `:decisions` shows without `limit N`.
  static let decisionsShown = 20

  /// `:decisions [OFFER] [STATUS] [limit N]`: who was decided what and why, the first
  /// `limit` of them, then how many more there are and how to see them.
  func decisions(offer: String?, status: DecisionStatus?, limit: Int?) -> ShellOutput {
    guard workspace != nil else { return failure(.noData) }
    if let offer, model.offer(offer) == nil {
      let names = vocabulary.offers + DecisionStatus.allCases.map(\.rawValue)
      return failure(
        .unknownName(offer, kinds: "offer or status", suggestion: NearNames.didYouMean(offer, in: names)))
    }
    guard let run = currentRun() else { return .message("stopped") }
    let matching = run.decisions.filter { decision in
      (offer == nil || decision.offer == offer) && (status == nil || decision.status == status)
    }
    let filters = [offer, status?.rawValue].compactMap { $0 }
    let what = (filters.isEmpty ? "" : filters.joined(separator: " ") + " ") + "decisions"
    guard !matching.isEmpty else { return .message("no \(what)") }
    let shown = matching.prefix(limit ?? Self.decisionsShown)
    // A column the filter fixes says the same on every row: a narrow terminal gives its
    // room to the reason.
    let fixed = Set([offer.map { _ in "offer" }, status.map { _ in "status" }].compactMap { $0 })
    var output = ShellOutput([
      .table(
        TextTable.decisions(
          shown.map { ($0.customerID, $0) }, variants: !run.counts.byVariant.isEmpty, without: fixed))
    ])
    if shown.count < matching.count {
      let command = ([":decisions"] + filters + ["limit \(matching.count)"]).joined(separator: " ")
      output.blocks.append(
        .message(
          "\(shown.count.grouped) of \(matching.count.grouped) \(what); \(command) shows all"))
    }
    return output
  }
}
