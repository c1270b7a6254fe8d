import PlaybookEngine
import PlaybookLanguage

extension ReportPage {
  /// Both playbooks' sends per offer side by side, and per offer how the decisions moved
  /// from the other playbook to this one (`DecisionDiff`).
  func comparisonSection(_ comparison: CampaignComparison) -> String {
    let diff = comparison.diff
    var body =
      "<p>\(diff.customersGaining.grouped) customers gain an offer, \(diff.customersLosing.grouped) lose one.</p>\n"
    body +=
      BarChart(
        title: "Sends per offer, this playbook and the compared one",
        series: series(single: BarChart.Series("sent", cssClass: "status-send")),
        bars: diff.offers.map { BarChart.Bar($0.offer, values: [$0.after[.send], $0.before[.send]]) },
        axis: "customers sent the offer", grouped: true
      ).html
    body +=
      TextTable(
        headers: ["offer", "sent (compared)", "sent (this)", "change", "gain", "lose", "changed status"],
        rows: diff.offers.map {
          [
            $0.offer, $0.before[.send].grouped, $0.after[.send].grouped,
            ($0.after[.send] - $0.before[.send]).signedGrouped,
            $0.gained.grouped, $0.lost.grouped, $0.changed.grouped,
          ]
        },
        alignments: [.left, .right, .right, .right, .right, .right, .right]
      ).html
    return Self.section(
      "compare", "Compared with \(comparison.name)",
      hint: "This playbook (\(report.source.path)) beside \(comparison.source), on the same data; customers "
        + "matched by id. Gain: customers sent the offer now and not by the compared playbook; lose: the reverse.",
      "<div class=\"card\">\n\(body)</div>\n")
  }
}
