import PlaybookEngine
import PlaybookLanguage

/// `:run`'s compact bar per offer: how its decisions split into send, holdout, capped,
/// unreachable and (only when some message could not be filled in) unrendered, each
/// status in its own colour and character (so the bar still reads where colours look
/// alike), with a legend line.
///
/// ```
/// THANKS10  ████████████████▓▒▒░░░
/// SORRY25   ██████████░░░░░░░░░░░░
///           █ send  ▓ holdout  ▒ capped  ░ unreachable
/// ```
public enum StatusBar {
  /// The statuses drawn, in order, with their character and ANSI colour.
  static let parts: [(status: DecisionStatus, mark: Character, color: String)] = [
    (.send, "█", "32"), (.holdout, "▓", "34"), (.capped, "▒", "33"), (.unreachable, "░", "31"),
    (.unrendered, "×", "35"),
  ]

  /// The bars for `offers`, with ANSI colours: 30 columns, so they fit a narrow terminal.
  public static func text(_ offers: [NamedCounts]) -> String {
    let names = offers.map(\.name.onOneLine)
    let nameWidth = names.map(\.displayWidth).max() ?? 0
    let barWidth = 30
    // `unrendered` (the last part) only when it happened, as in the counts tables.
    let shown = offers.contains { $0.counts[.unrendered] > 0 } ? parts : parts.dropLast()
    var lines = zip(names, offers).map { name, offer in
      name + String(repeating: " ", count: nameWidth - name.displayWidth + 2)
        + bar(shown.map { offer.counts[$0.status] }, width: barWidth)
    }
    lines.append(
      String(repeating: " ", count: nameWidth + 2)
        + shown.map { paint(String($0.mark), $0.color) + " " + $0.status.rawValue }.joined(separator: "  "))
    return lines.joined(separator: "\n")
  }

  /// One bar: each count's share of `width` cells (largest remainders rounded up, and at
  /// least one cell for any count above zero), painted.
  static func bar(_ counts: [Int], width: Int) -> String {
    cells(counts, width: width).enumerated().map { index, cells in
      cells == 0 ? "" : paint(String(repeating: parts[index].mark, count: cells), parts[index].color)
    }.joined()
  }

  /// How many of `width` cells each count gets; they add up to `width` unless all are 0.
  static func cells(_ counts: [Int], width: Int) -> [Int] {
    let total = counts.reduce(0, +)
    guard total > 0 else { return counts.map { _ in 0 } }
    var cells = counts.map { $0 == 0 ? 0 : max(1, $0 * width / total) }
    // Hand the cells left over (or take the ones over) by the largest remainders.
    let order = counts.indices.sorted { (counts[$0] * width % total) > (counts[$1] * width % total) }
    var spare = width - cells.reduce(0, +)
    while spare != 0 {
      let before = spare
      for index in spare > 0 ? order : order.reversed() where counts[index] > 0 && spare != 0 {
        if spare < 0 && cells[index] <= 1 { continue }
        cells[index] += spare > 0 ? 1 : -1
        spare += spare > 0 ? -1 : 1
      }
      if spare == before { break }
    }
    return cells
  }

  private static func paint(_ text: String, _ code: String) -> String { "\u{1B}[\(code)m\(text)\u{1B}[0m" }
}
