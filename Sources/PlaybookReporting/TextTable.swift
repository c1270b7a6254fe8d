import PlaybookLanguage

/// A table of text for the terminal: a header row and aligned columns, numbers to the
/// right and text to the left, fitted to a width by shortening the widest text columns
/// and cutting long cells with `…` instead of wrapping. Key columns (ids, rule names)
/// and numbers are never cut; a cell's line breaks show as `⏎` on one line.
public struct TextTable: Equatable, Sendable {
  /// Where a column's cells sit in its width.
  public enum Alignment: Equatable, Sendable { case left, right }

  /// The column names.
  public var headers: [String]
  /// The cells, row by row; a short row is filled with empty cells.
  public var rows: [[String]]
  /// Per column; when nil, columns whose cells are all numbers align right.
  public var alignments: [Alignment]?
  /// How many leading columns are keys (an id, a rule name), which fitting never cuts.
  public var keyColumns: Int
  /// Columns a table too wide for the terminal leaves out before cutting any text:
  /// those that say the same on every row, such as what a filter fixed (a column empty
  /// on every row is left out too). Other modes (csv, json, one record per block) keep them.
  public var spareColumns: Set<Int>

  /// A table of `rows` under `headers`, aligned as `alignments` says (else by content),
  /// whose first `keyColumns` columns are never cut and whose `spareColumns` a narrow
  /// terminal leaves out.
  public init(
    headers: [String], rows: [[String]], alignments: [Alignment]? = nil, keyColumns: Int = 1,
    spareColumns: Set<Int> = []
  ) {
    self.headers = headers
    self.rows = rows
    self.alignments = alignments
    self.keyColumns = keyColumns
    self.spareColumns = spareColumns
  }

  /// Space between columns.
  static let gap = 2
  /// No column is cut narrower than this (room for two characters and `…`).
  static let minimumColumnWidth = 3

  /// The table as lines joined with `\n` (no trailing break), at most `width` columns
  /// wide when a width is given and the keys and numbers leave room.
  public func render(width: Int? = nil) -> String {
    var layout = measured
    if let width, let spared = spared(at: width, layout) { return spared.render(width: width) }
    if let width { layout.fit(into: width) }
    return ([layout.line(headers)] + rows.map(layout.line)).joined(separator: "\n")
  }

  /// The layout of the whole table, nothing cut.
  var measured: Layout {
    var layout = Layout(headers: headers, columnCount: columnCount, alignments: alignments, keyColumns: keyColumns)
    for row in rows { layout.measure(row) }
    return layout
  }

  /// The number of columns: the header's or the longest row's.
  var columnCount: Int { max(headers.count, rows.map(\.count).max() ?? 0) }

  /// Each column's alignment: as given, else right for columns of numbers.
  var columnAlignments: [Alignment] { measured.alignments }

  /// True when the table fits `width` (nil: any) with no text column cut below
  /// `readableWidth` and two spaces between columns.
  func fitsReadably(_ width: Int?) -> Bool {
    guard let width else { return true }
    let layout = measured
    if let spared = spared(at: width, layout) { return spared.fitsReadablyAsIs(width, spared.measured) }
    return fitsReadablyAsIs(width, layout)
  }

  /// The table without its spare columns, nor any column empty on every row, when the
  /// whole table (measured as `layout`) does not fit `width` uncut and there are such
  /// columns; else nil.
  func spared(at width: Int, _ layout: Layout) -> TextTable? {
    guard !rows.isEmpty, layout.totalWidth > width else { return nil }
    let kept = (0..<columnCount).filter { column in
      !spareColumns.contains(column) && rows.contains { column < $0.count && !$0[column].isEmpty }
    }
    guard !kept.isEmpty, kept.count < columnCount else { return nil }
    return TextTable(
      headers: kept.filter { $0 < headers.count }.map { headers[$0] },
      rows: rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } },
      alignments: alignments.map { given in kept.map { $0 < given.count ? given[$0] : .left } },
      keyColumns: kept.filter { $0 < keyColumns }.count)
  }

  /// `fitsReadably` with every column shown, measured as `layout`.
  private func fitsReadablyAsIs(_ width: Int, _ measured: Layout) -> Bool {
    var layout = measured
    Self.shrink(
      &layout.widths, by: layout.totalWidth - width, shrinkable: layout.shrinkable,
      floors: layout.widths.map { min($0, Self.readableWidth) })
    return layout.totalWidth <= width
  }

  /// A table's column widths and alignments, measured one row at a time: `render` measures
  /// its rows, and a table too long to hold (a ledger's million sends) is measured in one
  /// pass over its rows and printed line by line in a second. Cells are shown on one line
  /// (see `onOneLine`), and measured so.
  public struct Layout: Sendable {
    /// Each column's width: its widest cell's, until fitting narrows it.
    var widths: [Int]
    /// Spaces between columns: `TextTable.gap`, one when fitting needs the room.
    var gap = TextTable.gap
    private let given: [Alignment]?
    private let keyColumns: Int
    /// Per column, whether every non-empty cell so far is a number (aligned right).
    private var numeric: [Bool]
    private var filled: [Bool]

    /// The layout of `headers` alone; `columnCount` is at least the headers'. Columns
    /// align as `alignments` says, else right when all their cells are numbers; the first
    /// `keyColumns` are never cut.
    public init(headers: [String], columnCount: Int? = nil, alignments: [Alignment]? = nil, keyColumns: Int = 1) {
      let count = max(columnCount ?? 0, headers.count)
      widths = (0..<count).map { $0 < headers.count ? headers[$0].onOneLine.displayWidth : 0 }
      given = alignments
      self.keyColumns = keyColumns
      numeric = Array(repeating: true, count: count)
      filled = Array(repeating: false, count: count)
    }

    /// Widens the columns to `row`'s cells (cells beyond the headers' columns are ignored).
    public mutating func measure(_ row: [String]) {
      for column in row.indices where column < widths.count {
        widths[column] = max(widths[column], row[column].onOneLine.displayWidth)
        if !row[column].isEmpty {
          filled[column] = true
          if numeric[column], !TextTable.isNumber(row[column]) { numeric[column] = false }
        }
      }
    }

    /// Narrows the text columns so a line is at most `width` wide, as far as the keys and
    /// numbers leave room (see `TextTable.fit`).
    public mutating func fit(into width: Int) {
      gap = TextTable.fit(&widths, into: width, shrinkable: shrinkable)
    }

    /// `row` as one line of the table, padded to the widths measured (cut to them with `…`).
    public func line(_ row: [String]) -> String {
      var line = ""
      for column in widths.indices {
        if column > 0 { line += String(repeating: " ", count: gap) }
        let text = TextTable.cut(column < row.count ? row[column].onOneLine : "", to: widths[column])
        let padding = String(repeating: " ", count: widths[column] - text.displayWidth)
        line += alignment(column) == .right ? padding + text : text + padding
      }
      return line.trimmingTrailingWhitespace()
    }

    /// Each column's alignment.
    var alignments: [Alignment] { widths.indices.map(alignment) }

    /// The columns fitting may cut: text, not keys.
    var shrinkable: [Bool] { widths.indices.map { $0 >= keyColumns && alignment($0) == .left } }

    /// A line's width with two spaces between columns.
    var totalWidth: Int { widths.reduce(TextTable.gap * max(widths.count - 1, 0), +) }

    private func alignment(_ column: Int) -> Alignment {
      if let given { return column < given.count ? given[column] : .left }
      return filled[column] && numeric[column] ? .right : .left
    }
  }

  /// Narrows the widest shrinkable (text) columns, one at a time, first no further than
  /// `readableWidth` (so long text gives way before short), then, if the row still does
  /// not fit, closes the gaps to one space, and last cuts on down to the minimum.
  /// Returns the gap to use.
  static func fit(_ widths: inout [Int], into width: Int, shrinkable: [Bool]) -> Int {
    var gap = Self.gap
    var excess: Int { widths.reduce(gap * max(widths.count - 1, 0), +) - width }
    let floors = widths.map { min($0, readableWidth) }
    shrink(&widths, by: excess, shrinkable: shrinkable, floors: floors)
    if excess > 0 { gap = 1 }
    shrink(&widths, by: excess, shrinkable: shrinkable, floors: widths.map { _ in minimumColumnWidth }, evenly: true)
    return gap
  }

  /// Narrows the widest shrinkable column down to its floor, then the next widest, until
  /// `excess` columns are gone or every one is at its floor: the longest text gives way
  /// first, and short values (a channel, a timestamp) stay whole as long as they can.
  /// `evenly` takes the widest only down to the next widest each step, so the cut is shared.
  static func shrink(
    _ widths: inout [Int], by excess: Int, shrinkable: [Bool], floors: [Int], evenly: Bool = false
  ) {
    var excess = excess
    while excess > 0 {
      let candidates = widths.indices.filter { shrinkable[$0] && widths[$0] > floors[$0] }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
      let next = evenly ? candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0 : 0
      let step = min(excess, widths[widest] - floors[widest], max(widths[widest] - next, 1))
      widths[widest] -= step
      excess -= step
    }
  }

  /// How narrow the first round of fitting cuts a text column: enough to tell values apart.
  static let readableWidth = 12

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

extension String {
  /// The text on one line for a terminal cell: line breaks as `⏎`, tabs as spaces, other
  /// control characters escaped.
  var onOneLine: String {
    guard contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" }) else {
      return escapingControlCharacters
    }
    var text = ""
    for character in self {
      switch character {
      case "\n", "\r\n", "\r": text.append("⏎")
      case "\t": text.append(" ")
      default: text.append(character)
      }
    }
    return text.escapingControlCharacters
  }
}
