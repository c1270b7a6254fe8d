import PlaybookEngine
import PlaybookLanguage

extension ReportPage {
  /// A status as a chart series: `already sent`, coloured as `status-already_sent`.
  static func series(_ status: DecisionStatus) -> BarChart.Series {
    BarChart.Series(statusName(status), cssClass: "status-\(status.rawValue)")
  }

  /// A status in words: `already sent`.
  static func statusName(_ status: DecisionStatus) -> String {
    String(status.rawValue.map { $0 == "_" ? " " : $0 })
  }

  /// The offer colour for the `index`th offer (eight, then again).
  static func offerClass(_ index: Int) -> String { "offer-\(index % 8 + 1)" }

  /// Per offer, its funnel as bars: each stage with its share of the stage before.
  /// Comparing, the other playbook's funnel beside each stage, and the offers only the
  /// other has after this one's (with nothing on this side).
  var funnelSection: String {
    var cards = ""
    let theirsOnly = (comparison?.funnels ?? []).filter { other in !report.funnels.contains { $0.offer == other.offer }
    }
    let nothing = { (other: OfferFunnel) in
      OfferFunnel(offer: other.offer, description: other.description, triggers: 0, counts: StatusCounts())
    }
    for funnel in report.funnels + theirsOnly.map(nothing) {
      let other = comparison?.funnels.first { $0.offer == funnel.offer }
      let stages = funnel.stages
      let bars = stages.indices.map { i in
        BarChart.Bar(
          stages[i].name,
          note: i == 0 ? nil : "\(Self.percent(stages[i].count, of: stages[i - 1].count)) of \(stages[i - 1].name)",
          values: comparison == nil ? [stages[i].count] : [stages[i].count, other?.stages[i].count ?? 0])
      }
      let chart = BarChart(
        title: "\(funnel.offer) funnel", series: series(single: BarChart.Series("customers", cssClass: "stage")),
        bars: bars, axis: "customers × offer", grouped: comparison != nil)
      cards += "<div class=\"card\">\n<h3>\(funnel.offer.markupEscaped)</h3>\n"
      if let description = funnel.description { cards += "<p class=\"meta\">\(description.markupEscaped)</p>\n" }
      cards += chart.html + "</div>\n"
    }
    return Self.section(
      "funnel", "Funnel per offer",
      hint: "Triggers: the rules' candidates before duplicates collapse. Candidates: one per customer and offer. "
        + "Reachable: not sent before and with a channel that reaches them. Kept: within every limit. "
        + "Sent: kept and not in the control group.",
      "<div class=\"cards\">\n\(cards)</div>\n")
  }

  /// The series of a chart of this report alone, or of both playbooks when comparing.
  func series(single: BarChart.Series) -> [BarChart.Series] {
    guard let comparison else { return [single] }
    return [
      BarChart.Series("this playbook", cssClass: "this"),
      BarChart.Series(comparison.name + " (compared)", cssClass: "other"),
    ]
  }

  /// Decisions by offer and status, by rule and by channel: a stacked chart and its table each.
  var audienceSection: String {
    let parts = [
      ("By offer and status", "offer", report.counts.byOffer),
      ("By rule", "rule", report.counts.byRule),
      ("By channel", "channel", report.byChannel),
    ]
    var body = ""
    for (title, noun, rows) in parts {
      body += "<div class=\"card\">\n<h3>\(title)</h3>\n<div class=\"split\">\n"
      body += Self.statusChart(title: "Decisions \(title.lowercased())", rows, axis: "decisions")
      body += Self.statusTable(noun, rows).html + "</div>\n</div>\n"
    }
    return Self.section(
      "audience", "Audience",
      hint: "Every decision the run made, by what it ended in: sent, held out as the control group, capped by a "
        + "limit, unreachable on every channel, already sent by an earlier run, or a message that could not be "
        + "filled in.",
      "<div class=\"stack\">\n\(body)</div>\n")
  }

  /// The statuses any of `rows` has, in `DecisionStatus` order (`send` always).
  static func statuses(_ rows: [NamedCounts]) -> [DecisionStatus] {
    DecisionStatus.allCases.filter { status in status == .send || rows.contains { $0.counts[status] > 0 } }
  }

  /// `rows` as bars of their statuses stacked, the statuses none has left out.
  static func statusChart(title: String, _ rows: [NamedCounts], axis: String) -> String {
    let statuses = statuses(rows)
    return BarChart(
      title: title, series: statuses.map(series),
      bars: rows.map { named in BarChart.Bar(named.name, values: statuses.map { named.counts[$0] }) },
      axis: axis
    ).html
  }

  /// `rows` as a table of their statuses, the statuses none has left out.
  static func statusTable(_ noun: String, _ rows: [NamedCounts]) -> TextTable {
    let statuses = statuses(rows)
    return TextTable(
      headers: [noun] + statuses.map { Self.statusName($0) } + ["total"],
      rows: rows.map { named in [named.name] + statuses.map { named.counts[$0].grouped } + [named.counts.total.grouped]
      })
  }

  /// The A/B variants' outcomes, and per offer the sent beside the held out.
  var testSection: String {
    var body = ""
    let variants = report.counts.byVariant
    if !variants.isEmpty {
      body += "<div class=\"card\">\n<h3>A/B variants</h3>\n"
      body += Self.statusChart(title: "Decisions by variant", variants.map(\.named), axis: "decisions")
      body +=
        TextTable(
          headers: ["rule", "variant", "offer", "share", "sent", "held out", "not sent", "total"],
          rows: variants.map {
            [
              $0.rule, $0.variant, $0.offer, $0.shareText, $0.counts[.send].grouped, $0.counts[.holdout].grouped,
              ($0.counts.total - $0.counts[.send] - $0.counts[.holdout]).grouped, $0.counts.total.grouped,
            ]
          },
          alignments: [.left, .left, .left, .right, .right, .right, .right, .right]
        ).html
      body += "</div>\n"
    }
    body += "<div class=\"card\">\n<h3>Sent and control group, per offer</h3>\n"
    body +=
      BarChart(
        title: "Sent and held out per offer",
        series: [Self.series(.send), Self.series(.holdout)],
        bars: report.counts.byOffer.map { BarChart.Bar($0.name, values: [$0.counts[.send], $0.counts[.holdout]]) },
        axis: "customers", grouped: true
      ).html
    body +=
      TextTable(
        headers: ["offer", "sent", "held out", "held out of kept"],
        rows: report.counts.byOffer.map {
          [
            $0.name, $0.counts[.send].grouped, $0.counts[.holdout].grouped,
            Self.percent($0.counts[.holdout], of: $0.counts[.send] + $0.counts[.holdout]),
          ]
        }
      ).html
    body += "</div>\n"
    let holdout =
      report.holdout > 0
      ? "The playbook holds out \(Self.percent(report.holdout)) of customers: decided and logged like the rest, "
        + "never sent, so comparing them with those sent shows what the campaign changed."
      : "The playbook has no holdout: there is no control group to compare with."
    return Self.section("tests", "Tests and control group", hint: holdout, "<div class=\"cards\">\n\(body)</div>\n")
  }

  /// How many reasons the chart of reasons shows; the rest are summed in one bar.
  static let reasonsShown = 12

  /// Why decisions were not sent, by reason, coloured by status.
  var notSentSection: String {
    let statuses = DecisionStatus.allCases.filter { status in report.notSent.contains { $0.status == status } }
    func values(_ reasons: some Sequence<NotSentReason>) -> [Int] {
      statuses.map { status in reasons.filter { $0.status == status }.reduce(0) { $0 + $1.count } }
    }
    var bars = report.notSent.prefix(Self.reasonsShown).map { BarChart.Bar($0.reason, values: values([$0])) }
    let rest = report.notSent.dropFirst(Self.reasonsShown)
    if !rest.isEmpty { bars.append(BarChart.Bar("\(rest.count) other reasons", values: values(rest))) }
    let body =
      bars.isEmpty
      ? (report.counts.byStatus.total == 0
        ? "<p>No decisions: no rule found a customer.</p>\n" : "<p>Every decision was sent.</p>\n")
      : BarChart(
        title: "Decisions not sent, by reason", series: statuses.map(Self.series), bars: bars, axis: "decisions"
      ).html
    return Self.section(
      "not-sent", "Why customers were not sent",
      hint: "Each decision not sent, by the reason the decisions log gives (held-out customers as one group).",
      "<div class=\"card\">\n\(body)</div>\n")
  }

  /// The sends due per day, stacked by offer.
  var sendsPerDaySection: String {
    let offers = report.funnels.map(\.offer)
    let days = report.sendsPerDay
    let body: String
    if days.isEmpty {
      body = "<p>Nothing to send.</p>\n"
    } else {
      let used = offers.indices.filter { i in days.contains { $0.byOffer[i] > 0 } }
      body =
        ColumnChart(
          title: "Sends per day", series: used.map { BarChart.Series(offers[$0], cssClass: Self.offerClass($0)) },
          columns: days.map { day in ColumnChart.Column(Self.shortDate(day.day), values: used.map { day.byOffer[$0] })
          },
          valueAxis: "sends per day", labelAxis: "send date (UTC)"
        ).html
    }
    return Self.section(
      "sends-per-day", "Sends per day",
      hint: "When the sends are due (send_at, by UTC day): what the sending tool will be asked to send, and when.",
      "<div class=\"card\">\n\(body)</div>\n")
  }

  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `Nov 2` for the UTC day starting at `day`.
  static func shortDate(_ day: Int64) -> String {
    let parts = Timestamp.formatDate(day).split(separator: "-")
    guard parts.count == 3, let month = Int(parts[1]), let date = Int(parts[2]), (1...12).contains(month) else {
      return Timestamp.formatDate(day)
    }
    return "\(months[month - 1]) \(date)"
  }
}
