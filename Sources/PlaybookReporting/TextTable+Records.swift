extension TextTable {
  /// duckdb's `.mode line`: one `column = value` per line, the names right-aligned,
  /// records separated by a blank line.
  var lineText: String {
    let names = paddedRow(headers).map(\.onOneLine)
    let nameWidth = names.map(\.displayWidth).max() ?? 0
    return rows.map { row in
      zip(names, paddedRow(row)).map { name, value in
        String(repeating: " ", count: nameWidth - name.displayWidth) + name + " = " + value.onOneLine
      }.joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// psql's expanded display (`\x`): each row a block under `-[ RECORD n ]---`, one
  /// `column | value` per line; values of text columns (not keys) are cut to `width`.
  func expandedText(width: Int?) -> String {
    let names = paddedRow(headers).map(\.onOneLine)
    let nameWidth = names.map(\.displayWidth).max() ?? 0
    let aligns = columnAlignments
    let valueWidth = width.map { max(Self.minimumColumnWidth, $0 - nameWidth - 3) }
    let blocks = rows.map { row in
      paddedRow(row).enumerated().map { column, value in
        let text = value.onOneLine
        let shown =
          column >= keyColumns && aligns[column] == .left ? valueWidth.map { Self.cut(text, to: $0) } ?? text : text
        let name = names[column] + String(repeating: " ", count: nameWidth - names[column].displayWidth)
        return (name + " | " + shown).trimmingTrailingWhitespace()
      }
    }
    let widest = blocks.joined().map(\.displayWidth).max() ?? 0
    let ruleWidth = min(widest, width ?? widest)
    return blocks.enumerated().map { index, lines in
      let head = "-[ RECORD \(index + 1) ]"
      return ([head + String(repeating: "-", count: max(0, ruleWidth - head.count))] + lines).joined(separator: "\n")
    }.joined(separator: "\n")
  }
}
