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
        Self.decisionTable(
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

  /// One row per decision (or per customer without one, `no candidate`): customer, rule,
  /// offer, status, channel, send_at, reason, and `variant` after the offer when the run
  /// has an A/B split (as the decisions log has). Customer, rule and offer are never cut;
  /// the columns named in `spare` are left out at a terminal too narrow for them all.
  static func decisionTable(
    _ rows: [(customer: String, decision: Decision?)], variants: Bool = false, without spare: Set<String> = []
  ) -> TextTable {
    let variant = variants ? ["variant"] : []
    let headers = ["customer", "rule", "offer"] + variant + ["status", "channel", "send_at", "reason"]
    return TextTable(
      headers: headers,
      rows: rows.map { customer, decision in
        guard let decision else { return [customer, "", ""] + variant.map { _ in "" } + ["", "", "", "no candidate"] }
        return [customer, decision.rule, decision.offer] + variant.map { _ in decision.variant ?? "" } + [
          decision.status.rawValue, decision.channel ?? "", Timestamp.format(decision.sendAt), decision.reason,
        ]
      },
      alignments: Array(repeating: .left, count: headers.count), keyColumns: 3,
      spareColumns: Set(headers.indices.filter { spare.contains(headers[$0]) }))
  }
}
