public import PlaybookEngine
import PlaybookLanguage

/// The campaign report as one self-contained HTML page (`playloop report`, `:report`):
/// inline style, charts as inline SVG, no script, and a content security policy that
/// forbids loading anything, so the page opens the same offline, mailed or printed.
/// Every text from the playbook or the data is escaped; the same report gives the same
/// bytes (no time but the run's clock is written).
public struct ReportPage: Sendable {
  /// The run's figures.
  public var report: CampaignReport
  /// Another playbook's figures beside them, when comparing.
  public var comparison: CampaignComparison?

  /// The page of `report`, beside `comparison` when given.
  public init(report: CampaignReport, comparison: CampaignComparison? = nil) {
    self.report = report
    self.comparison = comparison
  }

  /// The whole page.
  public var html: String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <meta name="generator" content="playloop report">
      <title>\(report.playbook.markupEscaped) — campaign report</title>
      <style>
      \(ReportStyle.css)
      </style>
      </head>
      <body>
      <main>

      """
    out += header
    if let comparison { out += comparisonSection(comparison) }
    out += funnelSection + audienceSection + testSection + notSentSection + sendsPerDaySection
    out += dataSection + playbookSection + footer
    return out + "</main>\n</body>\n</html>\n"
  }

  /// The title, what was run when, and the figures that matter most.
  private var header: String {
    let sent = report.counts.byStatus[.send]
    let held = report.counts.byStatus[.holdout]
    let total = report.counts.byStatus.total
    let customers = report.tables.first?.table.rows ?? 0
    var out = "<header class=\"report\">\n<p class=\"eyebrow\">Campaign report</p>\n"
    out += "<h1>\(report.playbook.markupEscaped)</h1>\n"
    out += "<p class=\"meta\">\(Self.clockLine(report).markupEscaped)</p>\n"
    out += "<p class=\"meta\">Playbook <code>\(report.source.path.markupEscaped)</code> · "
    let run =
      report.runID.map { "run \($0)" } ?? "no run recorded (a report sends and records nothing)"
      + (report.lastRunID.map { " · after the ledger's last run, \($0)" } ?? "")
    out += run.markupEscaped
    out += "</p>\n<div class=\"kpis\">\n"
    out += Self.kpi("To send", sent, detail: "\(Self.percent(sent, of: total)) of decisions")
    out += Self.kpi("Held out", held, detail: "control group, \(Self.percent(report.holdout)) of customers")
    out += Self.kpi("Not sent", total - sent - held, detail: "see why below")
    out += Self.kpi("Decisions", total, detail: "one per customer and offer")
    out += Self.kpi("Customers", customers, detail: "loaded")
    out += Self.kpi(
      "Rows set aside", report.tables.reduce(0) { $0 + $1.table.setAside }, detail: "unreadable or unlinked")
    return out + "</div>\n</header>\n"
  }

  /// `As of 2026-11-01T00:00:00Z · triggers from 2026-10-02T00:00:00Z (window 30 days)`.
  static func clockLine(_ report: CampaignReport) -> String {
    let window =
      report.window.map {
        "triggers from \(Timestamp.format(report.clock - $0)) (window \(svgNumber(Double($0) / 86_400)) days)"
      } ?? "triggers of any age (window all)"
    return "As of \(Timestamp.format(report.clock)) · \(window)"
  }

  private static func kpi(_ label: String, _ value: Int, detail: String) -> String {
    "<div class=\"kpi\"><div class=\"label\">\(label.markupEscaped)</div>"
      + "<div class=\"number\">\(value.grouped)</div><div class=\"detail\">\(detail.markupEscaped)</div></div>\n"
  }

  /// A section: its heading, a line saying what it shows, and its body.
  static func section(_ id: String, _ title: String, hint: String, _ body: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(title.markupEscaped)</h2>\n<p class=\"hint\">\(hint.markupEscaped)</p>\n\(body)</section>\n"
  }

  /// `42%` of a whole, `—` of nothing; one decimal under 10%.
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "—" }
    return percent(Double(part) / Double(whole))
  }

  /// A share 0–1 as a percent: `5%`, `2.5%`.
  static func percent(_ share: Double) -> String {
    let value = share * 100
    return (value < 10 ? svgNumber((value * 10).rounded() / 10) : String(Int(value.rounded()))) + "%"
  }

  /// What made the page, from what, and what it does not do.
  private var footer: String {
    var inputs = report.tables.map { "\($0.table.file) (\($0.table.rows.grouped) rows)" }
    if let ledger = report.ledger { inputs.append("ledger \(ledger)") }
    let text =
      "Made by playloop report from \(report.source.path) at the clock \(Timestamp.format(report.clock)); "
      + "inputs: \(inputs.joined(separator: ", ")). Every figure is counted from the run's decisions and "
      + "data. A report evaluates the playbook as a dry run: nothing is exported, sent or recorded."
    return "<footer><p class=\"meta\">\(text.markupEscaped)</p></footer>\n"
  }
}

extension ReportPage {
  /// Where `playloop report` and `:report` write the page when not told.
  public static let defaultFile = "report.html"
}
