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
    var layout = Layout(headers: headers, columnCount: columnCount, alignments: alignments)
    for row in rows { layout.measure(row) }
    if let width { Self.fit(&layout.widths, into: width) }
    return ([layout.line(headers)] + rows.map(layout.line)).joined(separator: "\n")
  }

  /// A table's column widths and alignments, measured one row at a time: `render` measures
  /// its rows, and a table too long to hold (a ledger's million sends) is measured in one
  /// pass over its rows and printed line by line in a second.
  public struct Layout: Sendable {
    /// Each column's width: its widest cell's.
    var widths: [Int]
    private let alignments: [Alignment]?
    /// Per column, whether every non-empty cell so far is a number (aligned right).
    private var numeric: [Bool]
    private var filled: [Bool]

    /// The layout of `headers` alone; `columnCount` is at least the headers'. Columns
    /// align as `alignments` says, else right when all their cells are numbers.
    public init(headers: [String], columnCount: Int? = nil, alignments: [Alignment]? = nil) {
      let count = max(columnCount ?? 0, headers.count)
      widths = (0..<count).map { $0 < headers.count ? headers[$0].escapingControlCharacters.displayWidth : 0 }
      self.alignments = alignments
      numeric = Array(repeating: true, count: count)
      filled = Array(repeating: false, count: count)
    }

    /// Widens the columns to `row`'s cells (cells beyond the headers' columns are ignored).
    public mutating func measure(_ row: [String]) {
      for column in row.indices where column < widths.count {
        // Cells come from data: control characters are shown escaped, and measured so.
        widths[column] = max(widths[column], row[column].escapingControlCharacters.displayWidth)
        if !row[column].isEmpty {
          filled[column] = true
          if numeric[column], !TextTable.isNumber(row[column]) { numeric[column] = false }
        }
      }
    }

    /// `row` as one line of the table, padded to the widths measured (cut to them with `…`).
    public func line(_ row: [String]) -> String {
      var line = ""
      for column in widths.indices {
        if column > 0 { line += String(repeating: " ", count: TextTable.gap) }
        let text = TextTable.cut(column < row.count ? row[column].escapingControlCharacters : "", to: widths[column])
        let padding = String(repeating: " ", count: widths[column] - text.displayWidth)
        line += isRight(column) ? padding + text : text + padding
      }
      return line.trimmingTrailingWhitespace()
    }

    private func isRight(_ column: Int) -> Bool {
      if let alignments { return column < alignments.count && alignments[column] == .right }
      return filled[column] && numeric[column]
    }
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
