import PlaybookEngine
import PlaybookLanguage

extension TextTable {
  /// One row per decision (or per customer without one, `no candidate`): customer, rule,
  /// offer, status, channel, send_at, reason, and `variant` after the offer when the run
  /// has an A/B split (as the decisions log has). Customer, rule and offer are never cut;
  /// the columns named in `spare` are left out at a terminal too narrow for them all.
  public static func decisions(
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

extension DecisionSample {
  /// `5 of 22 decisions of offer THANKS10`, `3 of 200 customers, seed 1 (5 decisions)`:
  /// what the sample is of, with `note` after it.
  public func caption(note: String? = nil) -> String {
    "\(picked.grouped) of \(total.grouped) \(what)" + (note.map { ", \($0)" } ?? "")
      + (rows.count > picked ? " (\(rows.count.grouped) decisions)" : "")
  }
}
