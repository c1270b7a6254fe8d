/// Encodes rows as CSV into a byte buffer, per RFC 4180 and safe to open in a spreadsheet.
///
/// Quoting (RFC 4180): a field is wrapped in double quotes when it contains a comma, a
/// double quote, CR or LF; a double quote inside it is written twice. Rows end with CRLF.
/// A nil field is written empty (the loaders read an empty field back as null).
///
/// Formula neutralisation: a field that begins with `=`, `+`, `-`, `@`, TAB or CR would
/// be read by a spreadsheet as a formula, so it is written with a single quote `'` in
/// front (`=SUM(A1)` → `'=SUM(A1)`, `@user` → `'@user`, `-foo` → `'-foo`,
/// `+1 555 0100` → `'+1 555 0100`). Numbers are left exactly as they are: an optional `+`
/// or `-`, one or more ASCII digits, optionally `.` and one or more digits (`-12.5`, `+3`).
/// That includes E.164 phone numbers, `+` followed by 7 to 15 digits (`+15551234567`).
/// Neutralising happens before quoting, so `-1,5` is written `"'-1,5"`.
public struct CSVWriter: ~Copyable, Sendable {
  private var buffer = ByteBuffer()
  private var atRowStart = true

  /// A writer with an empty buffer, at the start of a row.
  public init() {}

  /// The encoded text so far, UTF-8.
  public var bytes: [UInt8] { buffer.withBytes { Array($0) } }

  /// How many bytes were encoded (since the last `removeAllBytes`).
  var byteCount: Int { buffer.count }

  /// Calls `body` with the encoded bytes, without copying them.
  func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    try buffer.withBytes(body)
  }

  /// Appends one whole row.
  public mutating func writeRow(_ fields: [String?]) {
    for field in fields { writeField(field) }
    endRow()
  }

  /// Appends one field to the current row.
  public mutating func writeField(_ field: String?) {
    separate()
    guard let field else { return }
    if field.utf8.withContiguousStorageIfAvailable({ writeEscaped($0) }) == nil {
      Array(field.utf8).withUnsafeBufferPointer { writeEscaped($0) }
    }
  }

  /// Appends one field given as UTF-8 bytes, treated as `writeField(_:)` treats text.
  mutating func writeField(utf8: UnsafeBufferPointer<UInt8>) {
    separate()
    writeEscaped(utf8)
  }

  /// Appends bytes known to need neither quoting nor neutralising (digits, timestamps).
  mutating func writePlainField(_ field: UnsafeBufferPointer<UInt8>) {
    separate()
    buffer.append(field)
  }

  /// Ends the current row with CRLF.
  public mutating func endRow() {
    buffer.append(13)
    buffer.append(10)
    atRowStart = true
  }

  /// Empties the buffer (after its bytes were written out), keeping its capacity.
  public mutating func removeAllBytes() {
    buffer.removeAll()
  }

  private mutating func separate() {
    if !atRowStart { buffer.append(44) }
    atRowStart = false
  }

  private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    let prefix = CSVWriter.isFormulaLike(utf8)
    let needsQuotes = Self.needsQuotes(utf8)
    if needsQuotes { buffer.append(34) }
    if prefix { buffer.append(39) }
    if needsQuotes {
      for byte in utf8 {
        if byte == 34 { buffer.append(34) }
        buffer.append(byte)
      }
      buffer.append(34)
    } else {
      buffer.append(utf8)
    }
  }

  /// Whether the field holds a comma, a double quote, CR or LF; eight bytes at a time.
  private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i + 8 <= utf8.count {
      let w = ByteWords.load(utf8, i)
      let found =
        ByteWords.matches(w, 44) | ByteWords.matches(w, 34) | ByteWords.matches(w, 13) | ByteWords.matches(w, 10)
      if found != 0 { return true }
      i += 8
    }
    return utf8[i...].contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
  }

  /// True when a spreadsheet would read `field` as a formula: it starts with `=`, `+`,
  /// `-`, `@`, TAB or CR and is not a number (see the type's documentation).
  public static func isFormulaLike(_ field: String) -> Bool {
    field.utf8.withContiguousStorageIfAvailable { isFormulaLike($0) }
      ?? Array(field.utf8).withUnsafeBufferPointer { isFormulaLike($0) }
  }

  static func isFormulaLike(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = utf8.first else { return false }
    switch first {
    case 61, 64, 9, 13: return true  // = @ TAB CR
    case 43, 45: return !isNumber(utf8)  // + -
    default: return false
    }
  }

  /// `[+-]?[0-9]+(\.[0-9]+)?` — which covers E.164 (`+` and 7 to 15 digits).
  private static func isNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if i < utf8.count, utf8[i] == 43 || utf8[i] == 45 { i += 1 }
    func digits() -> Int {
      let start = i
      while i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 { i += 1 }
      return i - start
    }
    guard digits() > 0 else { return false }
    if i < utf8.count, utf8[i] == 46 {
      i += 1
      guard digits() > 0 else { return false }
    }
    return i == utf8.count
  }
}
