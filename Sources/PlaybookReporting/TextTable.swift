import PlaybookLanguage

/// A table of text for the terminal: a header row and aligned columns, numbers to the
/// right and text to the left, fitted to a width by shortening the widest columns and
/// cutting long cells with `…` instead of wrapping.
public struct TextTable: Equatable, Sendable {
  /// Where a column's cells sit in its width.
  public enum Alignment: Equatable, Sendable { case left, right }

  /// The column names.
  public var headers: [String]
  /// The cells, row by row; a short row is filled with empty cells.
  public var rows: [[String]]
  /// Per column; when nil, columns whose cells are all numbers align right.
  public var alignments: [Alignment]?

  /// A table of `rows` under `headers`, aligned as `alignments` says (else by content).
  public init(headers: [String], rows: [[String]], alignments: [Alignment]? = nil) {
    self.headers = headers
    self.rows = rows
    self.alignments = alignments
  }

  /// Space between columns.
  static let gap = 2
  /// No column is cut narrower than this (room for two characters and `…`).
  static let minimumColumnWidth = 3

  /// The table as lines joined with `\n` (no trailing break), at most `width` columns
  /// wide when a width is given.
  public func render(width: Int? = nil) -> String {
    let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
    // Cells come from data: control characters are shown escaped, and measured so.
    let cells = ([headers] + rows).map { row in
      (0..<columnCount).map { $0 < row.count ? row[$0].escapingControlCharacters : "" }
    }
    let aligns =
      alignments
      ?? (0..<columnCount).map { column in
        Self.isNumericColumn(rows.map { column < $0.count ? $0[column] : "" }) ? .right : .left
      }
    var widths = (0..<columnCount).map { column in cells.map { $0[column].displayWidth }.max() ?? 0
    }
    if let width { Self.fit(&widths, into: width) }
    return cells.map { row in
      var line = ""
      for column in 0..<columnCount {
        if column > 0 { line += String(repeating: " ", count: Self.gap) }
        let text = Self.cut(row[column], to: widths[column])
        let padding = String(repeating: " ", count: widths[column] - text.displayWidth)
        line += column < aligns.count && aligns[column] == .right ? padding + text : text + padding
      }
      return line.trimmingTrailingWhitespace()
    }.joined(separator: "\n")
  }

  /// Narrows the widest columns, one column at a time, until the row fits or every
  /// column is at its minimum.
  static func fit(_ widths: inout [Int], into width: Int) {
    let gaps = gap * max(widths.count - 1, 0)
    var excess = widths.reduce(gaps, +) - width
    while excess > 0 {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
        widths[widest] > minimumColumnWidth
      else { return }
      let secondWidest =
        widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
      let step = min(excess, max(widths[widest] - max(secondWidest, minimumColumnWidth), 1))
      widths[widest] -= step
      excess -= step
    }
  }

  /// The text cut to `width` columns, ending in `…` when it was cut.
  static func cut(_ text: String, to width: Int) -> String {
    guard text.displayWidth > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      if used + character.displayWidth > width - 1 { break }
      result.append(character)
      used += character.displayWidth
    }
    return result + "…"
  }

  /// A column of numbers: every non-empty cell is a number such as `1,013`, `-2.5` or `5%`.
  static func isNumericColumn(_ cells: [String]) -> Bool {
    let filled = cells.filter { !$0.isEmpty }
    return !filled.isEmpty && filled.allSatisfy(isNumber)
  }

  static func isNumber(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
    if body.hasSuffix("%") { body = body.dropLast() }
    guard let first = body.first, first.isASCII, first.isNumber else { return false }
    var seenPoint = false
    for character in body {
      if character == "." {
        if seenPoint { return false }
        seenPoint = true
      } else if !(character == "," || (character.isASCII && character.isNumber)) {
        return false
      }
    }
    return body.last?.isNumber == true
  }
}
