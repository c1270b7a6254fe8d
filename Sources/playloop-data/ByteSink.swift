#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written through one large byte buffer, with the few encoders the generator
/// needs (numbers, ids, timestamps, CSV and JSON text) so no row builds a String.
final class ByteSink {
  private let file: UnsafeMutablePointer<FILE>
  private var buffer: [UInt8] = []
  private(set) var bytesWritten = 0
  /// Lines ended so far, counting line breaks inside quoted fields.
  private(set) var lines = 0
  let path: String

  init(path: String) throws(GeneratorError) {
    guard let file = fopen(path, "wb") else { throw .cannotWrite(path) }
    self.file = file
    self.path = path
    buffer.reserveCapacity(Self.flushSize + 4096)
  }

  private static let flushSize = 1 << 20

  func close() throws(GeneratorError) {
    flush()
    guard fclose(file) == 0 else { throw .cannotWrite(path) }
  }

  private func flush() {
    guard !buffer.isEmpty else { return }
    _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    bytesWritten += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// Ends a row; rows are the unit of flushing, so a flush never splits one.
  func endLine() {
    buffer.append(10)
    lines += 1
    if buffer.count >= Self.flushSize { flush() }
  }

  func byte(_ b: UInt8) { buffer.append(b) }

  func bytes(_ b: [UInt8]) { buffer.append(contentsOf: b) }

  func ascii(_ s: StaticString) {
    s.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }

  func integer(_ value: Int) {
    if value < 0 {
      buffer.append(45)
      integer(-value)
      return
    }
    zeroPadded(value, width: 1)
  }

  /// `value` in decimal, with leading zeros up to `width` digits.
  func zeroPadded(_ value: Int, width: Int) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(48 + v % 10)
        v /= 10
        count += 1
      } while v > 0
      while count < width {
        d[count] = 48
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[i]) }
    }
  }

  /// An id such as `C-000042`.
  func id(_ prefix: StaticString, _ number: Int, width: Int) {
    ascii(prefix)
    zeroPadded(number, width: width)
  }

  /// An amount of cents as `123.45`.
  func cents(_ value: Int) {
    integer(value / 100)
    buffer.append(46)
    zeroPadded(value % 100, width: 2)
  }

  func boolean(_ value: Bool) {
    if value { ascii("true") } else { ascii("false") }
  }

  /// Seconds since 1970 as `2026-11-01T09:30:00Z`.
  func timestamp(_ seconds: Int) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = CivilDate.from(days: days)
    zeroPadded(year, width: 4)
    buffer.append(45)
    zeroPadded(month, width: 2)
    buffer.append(45)
    zeroPadded(day, width: 2)
    buffer.append(84)
    zeroPadded(secondOfDay / 3600, width: 2)
    buffer.append(58)
    zeroPadded(secondOfDay / 60 % 60, width: 2)
    buffer.append(58)
    zeroPadded(secondOfDay % 60, width: 2)
    buffer.append(90)
  }

  /// A CSV field per RFC 4180: quoted (quotes doubled) only when it holds a comma,
  /// quote or line break.
  func csvField(_ text: [UInt8]) {
    guard text.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      buffer.append(contentsOf: text)
      return
    }
    buffer.append(34)
    for b in text {
      if b == 34 { buffer.append(34) }
      if b == 10 { lines += 1 }
      buffer.append(b)
    }
    buffer.append(34)
  }

  /// A JSON string literal, escaping quotes, backslashes and control characters.
  func jsonString(_ text: [UInt8]) {
    buffer.append(34)
    for b in text {
      switch b {
      case 34: buffer.append(92); buffer.append(34)
      case 92: buffer.append(92); buffer.append(92)
      case 10: buffer.append(92); buffer.append(110)
      case 13: buffer.append(92); buffer.append(114)
      case 9: buffer.append(92); buffer.append(116)
      case 0..<32:
        ascii("\\u00")
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        buffer.append(hex[Int(b >> 4)])
        buffer.append(hex[Int(b & 15)])
      default: buffer.append(b)
      }
    }
    buffer.append(34)
  }
}
