import PlaybookLanguage

/// Encodes decisions as rows of one export file, CSV (with a header row) or JSON Lines
/// (one object per line, keys in column order, nulls as `null`, numbers bare, times as
/// ISO 8601 strings). Rows accumulate until the caller writes them out (`withBytes`).
/// Exports run to millions of rows, so values go straight from the decision to bytes.
struct DecisionRowEncoder: ~Copyable {
  private let columns: [ExportColumn]
  private let format: ExportFormat
  private var csv = CSVWriter()
  private var json: [UInt8] = []
  private var times = TimestampWriter()
  /// `{"customer_id":`, `,"channel":`, …: each column's key text, encoded once.
  private let jsonKeys: [[UInt8]]

  /// The offer's description, the same on every row of its audience file.
  private let description: String?

  init(columns: [ExportColumn], format: ExportFormat, description: String? = nil) {
    // A copy of its own: the two encoders of one file's halves, on two cores, counted
    // references on the one list at every row, moving its count between the cores.
    self.columns = columns.map { $0 }
    self.format = format
    self.description = description
    jsonKeys = columns.enumerated().map { i, column in
      var key: [UInt8] = [i == 0 ? 123 : 44]
      JSONString.append(column.rawValue, to: &key)
      key.append(58)
      return key
    }
  }

  /// How many encoded bytes wait to be written out.
  var byteCount: Int { format == .csv ? csv.byteCount : json.count }

  /// Calls `body` with the encoded rows not yet written out.
  func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    if format == .csv { return try csv.withBytes(body) }
    return try json.withUnsafeBufferPointer { (bytes) throws(E) in try body(bytes) }
  }

  mutating func removeAllBytes() {
    csv.removeAllBytes()
    json.removeAll(keepingCapacity: true)
  }

  /// The CSV header row; nothing for JSON Lines.
  mutating func writeHeader() {
    guard format == .csv else { return }
    csv.writeRow(columns.map(\.rawValue))
  }

  /// Appends the row of the decision `decision` points to; fields are read in place, so
  /// only the strings written are retained, not the whole decision copied.
  mutating func write(_ decision: UnsafePointer<Decision>) {
    write { column in
      switch column {
      case .customerID: .text(decision.pointee.customerID)
      case .rule: .text(decision.pointee.rule)
      case .offer: .text(decision.pointee.offer)
      case .triggerID: .text(decision.pointee.triggerID)
      case .triggerTime: .time(decision.pointee.triggerTime)
      case .sendAt: .time(decision.pointee.sendAt)
      case .localSendAt: .localTime(decision.pointee.sendAt, offset: decision.pointee.localOffset)
      case .expiresAt: .time(decision.pointee.expiresAt)
      case .channel: .text(decision.pointee.channel)
      case .address: .text(decision.pointee.address)
      case .status: .text(decision.pointee.status.rawValue)
      case .reason: .text(decision.pointee.reason)
      case .merged: .integer(decision.pointee.merged)
      case .priority: .integer(decision.pointee.priority)
      case .variant: .text(decision.pointee.variant)
      case .subject: .text(decision.pointee.subject)
      case .message: .text(decision.pointee.message)
      case .description: .text(nil)  // the encoder's own
      }
    }
  }

  /// Appends one row, asking `value` for each column's value (the description column
  /// excepted: the encoder has it).
  mutating func write(_ value: (ExportColumn) -> ExportValue) {
    // By index: iterating the list retained and released it for every row.
    for i in columns.indices {
      let column = columns[i]
      if format == .jsonl { json.append(contentsOf: jsonKeys[i]) }
      if column == .description {
        text(description)
        continue
      }
      switch value(column) {
      case .text(let text): self.text(text)
      case .utf8(let bytes): utf8(bytes)
      case .plain(let bytes): plain(bytes)
      case .time(let seconds): time(seconds)
      case .localTime(let seconds, let offset): time(seconds, offset: offset)
      case .integer(let number): integer(number)
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

  /// Text given as its UTF-8 bytes, written as the same `String` would be.
  private mutating func utf8(_ bytes: UnsafeBufferPointer<UInt8>) {
    if format == .csv { csv.writeField(utf8: bytes) } else { JSONString.append(utf8: bytes, to: &json) }
  }

  /// Text known to need no quoting, neutralising or escaping (`RowNames.isPlain`).
  private mutating func plain(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard format == .jsonl else { return csv.writePlainField(bytes) }
    json.append(34)
    json.append(contentsOf: bytes)
    json.append(34)
  }

  private mutating func text(_ value: String?) {
    guard format == .jsonl else { return csv.writeField(value) }
    if let value { JSONString.append(value, to: &json) } else { json.append(contentsOf: "null".utf8) }
  }

  private mutating func integer(_ value: Int) {
    DecimalDigits.withText(Int64(value)) { text in
      // Numbers are never neutralised, so the digits need no CSV treatment.
      if format == .csv { csv.writePlainField(text) } else { json.append(contentsOf: text) }
    }
  }

  private mutating func time(_ seconds: Int64) {
    if format == .csv {
      times.withText(seconds) { csv.writePlainField($0) }
    } else {
      json.append(34)
      times.write(seconds, to: &json)
      json.append(34)
    }
  }

  /// `seconds` on a clock `offset` seconds from UTC, with the offset
  /// (`2026-12-05T08:00:00-05:00`); empty (null) without an offset.
  private mutating func time(_ seconds: Int64, offset: Int64?) {
    guard let offset else { return text(nil) }
    if format == .csv {
      times.withText(seconds, offset: offset) { csv.writePlainField($0) }
    } else {
      json.append(34)
      times.withText(seconds, offset: offset) { json.append(contentsOf: $0) }
      json.append(34)
    }
  }
}

/// One value of an export row, as `DecisionRowEncoder.write(_:)` asks for it.
enum ExportValue {
  /// Text, or null.
  case text(String?)
  /// Text as UTF-8 bytes read in place (from a column), never null.
  case utf8(UnsafeBufferPointer<UInt8>)
  /// Text as UTF-8 bytes that need no quoting, neutralising or escaping (`RowNames`).
  case plain(UnsafeBufferPointer<UInt8>)
  /// Seconds since 1970-01-01 UTC, written ISO 8601.
  case time(Int64)
  /// Seconds on a clock `offset` seconds from UTC, with the offset; null without one.
  case localTime(Int64, offset: Int64?)
  case integer(Int)
}
