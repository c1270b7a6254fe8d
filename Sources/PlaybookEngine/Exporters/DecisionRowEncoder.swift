/// Encodes decisions as rows of one export file, CSV (with a header row) or JSON Lines
/// (one object per line, keys in column order, nulls as `null`, numbers bare, times as
/// ISO 8601 strings). Rows accumulate in `bytes` until the caller writes them out.
/// Exports run to millions of rows, so values go straight from the decision to bytes.
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
      JSONString.append(column.rawValue, to: &key)
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
    csv.writeRow(columns.map(\.rawValue))
  }

  mutating func write(_ decision: Decision) {
    for (i, column) in columns.enumerated() {
      if format == .jsonl { json.append(contentsOf: jsonKeys[i]) }
      switch column {
      case .customerID: text(decision.customerID)
      case .rule: text(decision.rule)
      case .offer: text(decision.offer)
      case .triggerID: text(decision.triggerID)
      case .triggerTime: time(decision.triggerTime)
      case .sendAt: time(decision.sendAt)
      case .expiresAt: time(decision.expiresAt)
      case .channel: text(decision.channel)
      case .address: text(decision.address)
      case .status: text(decision.status.rawValue)
      case .reason: text(decision.reason)
      case .merged: integer(decision.merged)
      case .priority: integer(decision.priority)
      }
    }
    if format == .csv {
      csv.endRow()
    } else {
      if columns.isEmpty { json.append(123) }
      json.append(125)
      json.append(10)
    }
  }

  private mutating func text(_ value: String?) {
    switch (format, value) {
    case (.csv, _): csv.writeField(value)
    case (.jsonl, nil): json.append(contentsOf: "null".utf8)
    case (.jsonl, let value?): JSONString.append(value, to: &json)
    }
  }

  private mutating func integer(_ value: Int) {
    scratch.removeAll(keepingCapacity: true)
    if value < 0 { scratch.append(45) }
    var rest = value.magnitude
    repeat {
      scratch.append(48 + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    scratch[(value < 0 ? 1 : 0)...].reverse()
    // Numbers are never neutralised, so the digits need no CSV treatment.
    if format == .csv { csv.writePlainField(scratch) } else { json.append(contentsOf: scratch) }
  }

  private mutating func time(_ seconds: Int64) {
    if format == .csv {
      scratch.removeAll(keepingCapacity: true)
      times.write(seconds, to: &scratch)
      csv.writePlainField(scratch)
    } else {
      json.append(34)
      times.write(seconds, to: &json)
      json.append(34)
    }
  }
}
