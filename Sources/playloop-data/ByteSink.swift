import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written through one large byte buffer, with the few encoders the generator
/// needs (numbers, ids, timestamps, CSV and JSON text) so no row builds a String.
/// A struct used in place (no runtime exclusivity checks on its counters); `close()`
/// must be called once, and frees the buffer.
struct ByteSink: ~Copyable {
  private let file: UnsafeMutablePointer<FILE>
  /// Raw storage rather than an Array: appending a byte is a store and an increment.
  private let buffer: UnsafeMutablePointer<UInt8>
  private var count = 0
  private(set) var bytesWritten = 0
  /// Lines ended so far, counting line breaks inside quoted fields.
  private(set) var lines = 0
  let path: String

  /// Rows are flushed once the buffer passes `flushSize`; `slack` holds the longest row.
  private static let flushSize = 1 << 20
  private static let slack = 1 << 16

  init(path: String) throws(GeneratorError) {
    guard let file = fopen(path, "wb") else { throw .cannotWrite(path) }
    self.file = file
    self.path = path
    buffer = .allocate(capacity: Self.flushSize + Self.slack)
  }

  /// Writes what is buffered and closes the file; returns the bytes written.
  consuming func close() throws(GeneratorError) -> Int {
    flush()
    buffer.deallocate()
    guard fclose(file) == 0 else { throw .cannotWrite(path) }
    return bytesWritten
  }

  private mutating func flush() {
    guard count > 0 else { return }
    fwrite(buffer, 1, count, file)
    bytesWritten += count
    count = 0
  }

  /// Ends a row; rows are the unit of flushing, so a flush never splits one.
  mutating func endLine() {
    byte(10)
    lines += 1
    if count >= Self.flushSize { flush() }
  }

  @inline(__always) mutating func byte(_ b: UInt8) {
    buffer[count] = b
    count += 1
  }

  mutating func bytes(_ b: [UInt8]) {
    b.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      (buffer + count).update(from: base, count: source.count)
    }
    count += b.count
  }

  mutating func ascii(_ s: StaticString) {
    (buffer + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
    count += s.utf8CodeUnitCount
  }

  mutating func integer(_ value: Int) {
    if value < 0 {
      byte(45)
      integer(-value)
      return
    }
    zeroPadded(value, width: 1)
  }

  /// `value` in decimal, with leading zeros up to `width` digits.
  mutating func zeroPadded(_ value: Int, width: Int) {
    let digits = max(decimalDigits(value), width)
    var v = value
    for i in stride(from: digits - 1, through: 0, by: -1) {
      buffer[count + i] = UInt8(truncatingIfNeeded: 48 + v % 10)
      v /= 10
    }
    count += digits
  }

  /// An id such as `C-000042`.
  mutating func id(_ prefix: StaticString, _ number: Int, width: Int) {
    ascii(prefix)
    zeroPadded(number, width: width)
  }

  /// An amount of cents as `123.45`.
  mutating func cents(_ value: Int) {
    integer(value / 100)
    byte(46)
    zeroPadded(value % 100, width: 2)
  }

  mutating func boolean(_ value: Bool) {
    if value { ascii("true") } else { ascii("false") }
  }

  /// Seconds since 1970 as `2026-11-01T09:30:00Z`.
  mutating func timestamp(_ seconds: Int) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = Timestamp.civil(fromDays: days)
    zeroPadded(year, width: 4)
    byte(45)
    zeroPadded(month, width: 2)
    byte(45)
    zeroPadded(day, width: 2)
    byte(84)
    zeroPadded(secondOfDay / 3600, width: 2)
    byte(58)
    zeroPadded(secondOfDay / 60 % 60, width: 2)
    byte(58)
    zeroPadded(secondOfDay % 60, width: 2)
    byte(90)
  }

  /// A CSV field per RFC 4180: quoted (quotes doubled) only when it holds a comma,
  /// quote or line break.
  mutating func csvField(_ text: [UInt8]) {
    guard text.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      bytes(text)
      return
    }
    byte(34)
    for b in text {
      if b == 34 { byte(34) }
      if b == 10 { lines += 1 }
      byte(b)
    }
    byte(34)
  }

  /// A JSON string literal, escaping quotes, backslashes and control characters.
  mutating func jsonString(_ text: [UInt8]) {
    byte(34)
    for b in text {
      switch b {
      case 34:
        byte(92)
        byte(34)
      case 92:
        byte(92)
        byte(92)
      case 10:
        byte(92)
        byte(110)
      case 13:
        byte(92)
        byte(114)
      case 9:
        byte(92)
        byte(116)
      case 0..<32:
        ascii("\\u00")
        byte(b >> 4 < 10 ? 48 + b >> 4 : 87 + b >> 4)
        byte(b & 15 < 10 ? 48 + b & 15 : 87 + b & 15)
      default: byte(b)
      }
    }
    byte(34)
  }
}
