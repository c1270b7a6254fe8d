import PlaybookEngine
import PlaybookLanguage

extension TextTable {
  /// The table as CSV: a header row, then the rows, quoted and made spreadsheet-safe as
  /// `CSVWriter` does for `:export` (RFC 4180, CRLF line ends). Control characters other
  /// than line breaks and tabs are written escaped so none reaches the terminal.
  var csvText: String {
    let aligns = columnAlignments
    var writer = CSVWriter()
    writer.writeRow(paddedRow(headers).map(\.escapingControlCharacters))
    for row in rows {
      writer.writeRow(
        paddedRow(row).enumerated().map {
          dataCell($0.element, column: $0.offset, alignments: aligns).escapingControlCharacters
        })
    }
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
