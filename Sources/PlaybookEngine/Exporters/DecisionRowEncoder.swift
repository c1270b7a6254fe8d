/// Encodes decisions as rows of one export file, CSV (with a header row) or JSON Lines
/// (one object per line, keys in column order, nulls as `null`, numbers bare, times as
/// ISO 8601 strings). Rows accumulate in `bytes` until the caller writes them out.
struct DecisionRowEncoder {
  private let columns: [ExportColumn]
  private let format: ExportFormat
  private var csv = CSVWriter()
  private var json: [UInt8] = []
  private var times = TimestampWriter()
  private var scratch: [UInt8] = []
  /// `{"customer_id":`, `,"channel":`, …: each column's key text, encoded once.
  private let jsonKeys: [[UInt8]]

  init(columns: [ExportColumn], format: ExportFormat) {
    self.columns = columns
    self.format = format
    jsonKeys = columns.enumerated().map { i, column in
      var key: [UInt8] = [i == 0 ? 123 : 44]
      JSONString.append(column.name, to: &key)
      key.append(58)
      return key
    }
  }

  /// The encoded rows not yet written out.
  var bytes: [UInt8] { format == .csv ? csv.bytes : json }

  mutating func removeAllBytes() {
    csv.removeAllBytes()
    json.removeAll(keepingCapacity: true)
  }

  /// The CSV header row; nothing for JSON Lines.
  mutating func writeHeader() {
    guard format == .csv else { return }
    csv.writeRow(columns.map(\.name))
  }

  mutating func write(_ decision: Decision) {
    switch format {
    case .csv: writeCSV(decision)
    case .jsonl: writeJSON(decision)
    }
  }

  private mutating func writeCSV(_ decision: Decision) {
    for column in columns {
      switch column.value(decision) {
      case .text(let text): csv.writeField(text)
      case .integer(let value): csv.writeField(String(value))
      case .time(let seconds):
        scratch.removeAll(keepingCapacity: true)
        times.write(seconds, to: &scratch)
        csv.writePlainField(scratch)
      }
    }
    csv.endRow()
  }

  private mutating func writeJSON(_ decision: Decision) {
    for (i, column) in columns.enumerated() {
      json.append(contentsOf: jsonKeys[i])
      switch column.value(decision) {
      case .text(nil): json.append(contentsOf: "null".utf8)
      case .text(let text?): JSONString.append(text, to: &json)
      case .integer(let value): json.append(contentsOf: String(value).utf8)
      case .time(let seconds):
        json.append(34)
        times.write(seconds, to: &json)
        json.append(34)
      }
    }
    if columns.isEmpty { json.append(123) }
    json.append(125)
    json.append(10)
  }
}
