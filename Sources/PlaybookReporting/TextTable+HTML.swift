extension TextTable {
  /// The table as an HTML `<table>` in a wrapper that scrolls sideways on its own when
  /// the page is narrower than the table (the page itself never does); numbers align
  /// right, as on the terminal.
  public var html: String {
    let right = (0..<columnCount).map { column in
      if let alignments, column < alignments.count { return alignments[column] == .right }
      return !rows.isEmpty && rows.allSatisfy { column >= $0.count || Self.isNumber($0[column]) }
    }
    func cell(_ tag: String, _ text: String, _ column: Int) -> String {
      "<\(tag)\(right[column] ? " class=\"num\"" : "")>\(text.markupEscaped)</\(tag)>"
    }
    var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
    out += headers.enumerated().map { cell("th", $1, $0) }.joined()
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>" + (0..<columnCount).map { cell("td", $0 < row.count ? row[$0] : "", $0) }.joined() + "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }
}
