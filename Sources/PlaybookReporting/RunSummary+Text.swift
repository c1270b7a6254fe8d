import PlaybookEngine
import PlaybookLanguage

extension RunSummary {
  /// The human summary `playloop run` prints: the audience by offer and status (and by
  /// variant when a rule splits), the rows set aside (when any), where the export went and the time taken. For example:
  ///
  /// ```
  /// Service recovery loop — clock 2026-11-01T00:00:00Z
  /// offer    send  holdout  capped  unreachable  already_sent
  /// SORRY25    13        1       1            4             0
  /// 12 rows set aside (tickets.csv: 2, calls.jsonl: 10); run with --strict to stop on bad rows.
  /// Exported 1 audience file to out/service-recovery (csv) in 41 ms.
  /// ```
  public var text: String {
    var lines = ["\(playbook) — clock \(Timestamp.format(clock))"]
    lines += Self.table(title: "offer", rows: counts.byOffer)
    if !counts.byVariant.isEmpty { lines += Self.table(title: "variant", rows: counts.byVariant.map(\.named)) }
    let setAside = tables.filter { $0.setAside > 0 }
    if !setAside.isEmpty {
      let perFile = setAside.map { "\($0.file): \($0.setAside)" }.joined(separator: ", ")
      lines.append(
        "\(Self.plural(setAsideRows, "row")) set aside (\(perFile)); run with --strict to stop on bad rows.")
    }
    if let export {
      lines.append(
        "Exported \(Self.plural(counts.byOffer.count, "audience file")) to \(export.directory) "
          + "(\(export.format.rawValue)) in \(timings.total) ms.")
    } else {
      lines.append("Nothing exported; took \(timings.total) ms.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A name column then one right-aligned column per status.
  private static func table(title: String, rows: [NamedCounts]) -> [String] {
    let nameWidth = rows.reduce(title.count) { max($0, $1.name.count) }
    // `unrendered` only when a message could not be filled in: most playbooks have none.
    let statuses = DecisionStatus.allCases.filter { status in
      status != .unrendered || rows.contains { $0.counts[status] > 0 }
    }
    let widths = statuses.map { status in
      rows.reduce(status.rawValue.count) { max($0, String($1.counts[status]).count) }
    }
    func line(_ name: String, _ cells: [String]) -> String {
      var text = name.padding(toLength: nameWidth)
      for (cell, width) in zip(cells, widths) { text += "  " + cell.padding(toLength: width, right: true) }
      return text
    }
    return [line(title, statuses.map(\.rawValue))]
      + rows.map { row in line(row.name, statuses.map { String(row.counts[$0]) }) }
  }

  private static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

extension String {
  /// Pads with spaces to `width` characters, on the left when `right` aligns.
  fileprivate func padding(toLength width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - count))
    return right ? fill + self : self + fill
  }
}
