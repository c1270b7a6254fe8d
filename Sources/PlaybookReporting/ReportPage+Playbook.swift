import PlaybookEngine
import PlaybookLanguage

extension ReportPage {
  /// The tables loaded: rows read and set aside, and the first rows set aside with why.
  var dataSection: String {
    var body = TextTable(
      headers: ["table", "file", "rows loaded", "set aside"],
      rows: report.tables.map { [$0.table.name, $0.table.file, $0.table.rows.grouped, $0.table.setAside.grouped] },
      alignments: [.left, .left, .right, .right]
    ).html
    for table in report.tables where !table.first.isEmpty {
      body += "<h3>\(table.table.name.markupEscaped): first rows set aside</h3>\n<ul class=\"reasons\">\n"
      for row in table.first {
        body += "<li><code>\(row.file.markupEscaped):\(row.line)</code> \(row.reason.markupEscaped)"
        if let hint = row.hint { body += " <span class=\"note\">(\(hint.markupEscaped))</span>" }
        body += "</li>\n"
      }
      let more = table.table.setAside - table.first.count
      if more > 0 { body += "<li class=\"note\">… and \(more.grouped) more</li>\n" }
      body += "</ul>\n"
    }
    return Self.section(
      "data", "Data",
      hint: "The files the playbook loads. A row that cannot be read or names no known customer is set aside, "
        + "never guessed at.",
      "<div class=\"card\">\n\(body)</div>\n")
  }

  /// The playbook as written, each rule's decisions beside its lines.
  var playbookSection: String {
    let lines = report.source.text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    var body = "<div class=\"playbook\">\n"
    var line = 1
    var plain: [Substring] = []
    func flushPlain() {
      // Blank lines at a block's ends say nothing.
      while plain.last?.allSatisfy(\.isWhitespace) == true { plain.removeLast() }
      while plain.first?.allSatisfy(\.isWhitespace) == true { plain.removeFirst() }
      if !plain.isEmpty {
        body += "<div class=\"statement text\"><pre>\(plain.joined(separator: "\n").markupEscaped)</pre></div>\n"
      }
      plain = []
    }
    for rule in report.rules where rule.lines.lowerBound >= line && rule.lines.upperBound <= lines.count {
      plain += lines[(line - 1)..<(rule.lines.lowerBound - 1)]
      flushPlain()
      let text = lines[(rule.lines.lowerBound - 1)..<rule.lines.upperBound].joined(separator: "\n")
      body += "<div class=\"statement rule\"><pre>\(text.markupEscaped)</pre><aside>"
      body += "<b>\(rule.counts[.send].grouped) to send</b>"
      let others = DecisionStatus.allCases.filter { $0 != .send && rule.counts[$0] > 0 }.map {
        "\(rule.counts[$0].grouped) \(Self.statusName($0))"
      }
      body += (others + ["\(rule.counts.total.grouped) decisions"]).map { "<br>" + $0.markupEscaped }.joined()
      body += "</aside></div>\n"
      line = rule.lines.upperBound + 1
    }
    plain += lines[min(line - 1, lines.count)...]
    flushPlain()
    return Self.section(
      "playbook", "The playbook",
      hint: "The playbook as written; beside each rule, what its decisions ended in.", body + "</div>\n")
  }
}
