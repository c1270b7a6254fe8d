extension TextTable {
  /// The table as a Markdown pipe table, columns padded to line up: `|` in a cell is
  /// written `\|` and a line break `<br>`, so every row stays one table row.
  var markdownText: String {
    let aligns = columnAlignments
    let cells = ([headers] + rows).map { paddedRow($0).map(Self.markdownCell) }
    let widths = (0..<columnCount).map { column in max(3, cells.map { $0[column].displayWidth }.max() ?? 0) }
    func line(_ row: [String]) -> String {
      let padded = row.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.displayWidth)
        return aligns[column] == .right ? padding + text : text + padding
      }
      return "| " + padded.joined(separator: " | ") + " |"
    }
    let rule = widths.enumerated().map { column, width in
      aligns[column] == .right ? String(repeating: "-", count: width - 1) + ":" : String(repeating: "-", count: width)
    }
    return ([line(cells[0]), "| " + rule.joined(separator: " | ") + " |"] + cells.dropFirst().map(line))
      .joined(separator: "\n")
  }

  /// One cell's text for a Markdown table row.
  static func markdownCell(_ text: String) -> String {
    var cell = ""
    for character in text {
      switch character {
      case "|": cell += "\\|"
      case "\n", "\r\n", "\r": cell += "<br>"
      default: cell.append(character)
      }
    }
    return cell.onOneLine
  }
}
