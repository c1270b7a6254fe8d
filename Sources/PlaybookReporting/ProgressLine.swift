public import PlaybookEngine

/// The text of the progress line drawn on stderr while long work runs, and the line
/// kept when it is done. Each fits in `width` columns, dropping the least needed parts
/// first, so the line never wraps (a wrapped line could not be redrawn with `\r`).
///
/// ```
/// tickets  52% ██████████░░░░░░░░░░ 340/652 MB · 1,234,567 rows · 212 MB/s · data/tickets.csv
/// evaluating… 2.3 s
/// loaded 4 tables (3,456,789 rows, 1.1 GB) in 4.1 s, 268 MB/s · evaluated in 1.2 s · …
/// ```
public enum ProgressLine {
  /// The line for a table being loaded: `read` of `total` bytes, `rows` rows so far,
  /// after `nanoseconds`.
  public static func loading(
    table: String, file: String, read: Int, total: Int, rows: Int, nanoseconds: UInt64, width: Int
  ) -> String {
    let read = min(read, total)
    let percent = total == 0 ? 100 : read * 100 / total
    let head = table.onOneLine + " " + String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
    let rest = [
      bytes(read, of: total), rows.grouped + " rows", rate(read, nanoseconds: nanoseconds) + "/s",
    ]
    let layouts = [(20, 3), (10, 3), (10, 2), (0, 2), (0, 1), (0, 0)].map { barWidth, figures in
      let bar = barWidth == 0 ? "" : " " + self.bar(read, of: total, width: barWidth)
      let shown = rest.prefix(figures).joined(separator: " · ")
      return head + bar + (shown.isEmpty ? "" : (barWidth == 0 ? " · " : " ") + shown)
    }
    func withFile(_ line: String) -> String { fitted(" · ", file.onOneLine, room: width - 1 - line.displayWidth) }
    // The file is worth a shorter bar, not a figure; narrower, figures go, then the bar.
    for line in layouts.prefix(2) where line.displayWidth < width && !withFile(line).isEmpty {
      return line + withFile(line)
    }
    if let line = layouts.first(where: { $0.displayWidth < width }) { return line + withFile(line) }
    return clipped(head, width)
  }

  /// The line for a step with no measure of how far it got: `evaluating… 2.3 s`.
  public static func working(_ step: WorkStep, nanoseconds: UInt64, width: Int) -> String {
    clipped("\(step.verb)… \(seconds(nanoseconds))", width)
  }

  /// The line kept when the work is done: what was loaded and how fast, then each
  /// later step's time, as many lines as `width` needs (the parts never split).
  public static func summary(_ times: WorkTimes, width: Int) -> String {
    var parts: [String] = []
    if times.tables > 0 {
      let tables = times.tables == 1 ? "1 table" : "\(times.tables) tables"
      parts.append(
        "loaded \(tables) (\(times.rows.grouped) rows, \(bytes(times.bytes))) in \(seconds(times.load)), "
          + rate(times.bytes, nanoseconds: times.load) + "/s")
    }
    for (verb, nanoseconds) in [("evaluated", times.evaluate), ("decided", times.decide), ("exported", times.export)]
    where nanoseconds > 0 {
      parts.append("\(verb) in \(seconds(nanoseconds))")
    }
    var lines: [String] = []
    for part in parts {
      if let last = lines.last, (last + " · " + part).displayWidth < width {
        lines[lines.count - 1] = last + " · " + part
      } else {
        lines.append(part)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `340/652 MB`: both in the unit of the total.
  static func bytes(_ read: Int, of total: Int) -> String {
    let (unit, scale) = unit(total)
    return "\(amount(read, scale))/\(amount(total, scale)) \(unit)"
  }

  /// `652 MB`, `1.1 GB`, `12 KB`.
  static func bytes(_ count: Int) -> String {
    let (unit, scale) = unit(count)
    return "\(amount(count, scale)) \(unit)"
  }

  /// Megabytes a second, `212 MB`, `3.4 MB` (the caller adds `/s`).
  static func rate(_ bytes: Int, nanoseconds: UInt64) -> String {
    guard nanoseconds > 0 else { return "– MB" }
    return amount(Int(Double(bytes) * 1e9 / Double(nanoseconds)), 1_000_000) + " MB"
  }

  /// `0.4 s`, `12.3 s`, `125 s`.
  public static func seconds(_ nanoseconds: UInt64) -> String {
    let tenths = Int((Double(nanoseconds) / 1e8).rounded())
    return (tenths >= 1000 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " s"
  }

  /// The bar, `read` of `total` filled (`StatusBar`'s marks and rounding).
  static func bar(_ read: Int, of total: Int, width: Int) -> String {
    let cells = StatusBar.cells([read, total - read], width: width)
    let done = total == 0 ? width : cells[0]
    return String(repeating: "█", count: done) + String(repeating: "░", count: width - done)
  }

  private static func unit(_ count: Int) -> (String, Int) {
    count >= 1_000_000_000 ? ("GB", 1_000_000_000) : count >= 1_000_000 ? ("MB", 1_000_000) : ("KB", 1_000)
  }

  /// `count / scale`, with a tenth below 10.
  private static func amount(_ count: Int, _ scale: Int) -> String {
    let tenths = Int((Double(count) * 10 / Double(scale)).rounded())
    return tenths < 100 ? "\(tenths / 10).\(tenths % 10)" : "\((tenths + 5) / 10)"
  }

  /// `separator + text` in `room` columns, the text's start cut with `…`; nothing when
  /// too little of it would show.
  private static func fitted(_ separator: String, _ text: String, room: Int) -> String {
    let room = room - separator.displayWidth
    if text.displayWidth <= room { return separator + text }
    guard room >= 12 else { return "" }
    var tail = Substring(text)
    while tail.displayWidth > room - 1 { tail = tail.dropFirst() }
    return separator + "…" + tail
  }

  private static func clipped(_ text: String, _ width: Int) -> String {
    var text = Substring(text)
    while text.displayWidth >= width, !text.isEmpty { text = text.dropLast() }
    return String(text)
  }
}

extension WorkStep {
  /// `evaluating`, as the progress line says it.
  var verb: String {
    switch self {
    case .loading(let table, _, _): "loading \(table)"
    case .evaluating: "evaluating"
    case .deciding: "deciding"
    case .exporting: "exporting"
    }
  }
}
