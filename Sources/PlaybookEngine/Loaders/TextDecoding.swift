import PlaybookLanguage

/// A data file's bytes as UTF-8, which both readers read. A byte-order mark decides:
/// UTF-8's is kept (the readers skip it), UTF-16's (little- or big-endian) has the file
/// transcoded in memory. Without one, `encoding "latin1"` or `"windows-1252"` transcodes
/// every byte to its character; UTF-8 is read as it is, and the readers refuse the file
/// at its first byte that is not UTF-8 (`LoadError.notUTF8`). Transcoding keeps every
/// line end, so lines are numbered as in the file.
enum TextDecoding {
  /// `bytes` as UTF-8: itself, or a transcoded copy.
  static func utf8(_ bytes: FileBytes, encoding: TextEncoding, file: String) throws(LoadError) -> FileBytes {
    let b = bytes.buffer
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { return bytes }
    if b.starts(with: [0xFF, 0xFE]) { return try utf16(b, bigEndian: false, file: file) }
    if b.starts(with: [0xFE, 0xFF]) { return try utf16(b, bigEndian: true, file: file) }
    switch encoding {
    case .utf8: return bytes
    case .latin1, .windows1252:
      // ASCII is the same in all three: nothing to copy.
      guard UTF8Check.hasNonASCII(b) else { return bytes }
      return singleByte(b, windows: encoding == .windows1252)
    }
  }

  /// Windows-1252's character for `byte`: Latin-1's, except printable characters in
  /// 0x80–0x9F (the five bytes it leaves undefined stay the control of that number).
  static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    guard byte >= 0x80, byte <= 0x9F, let scalar = Unicode.Scalar(windowsHigh[Int(byte - 0x80)]) else {
      return Unicode.Scalar(byte)
    }
    return scalar
  }

  private static let windowsHigh: [UInt16] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  private static func singleByte(_ b: UnsafeBufferPointer<UInt8>, windows: Bool) -> FileBytes {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + b.count / 8)
    for byte in b {
      if byte < 0x80 {
        out.append(byte)
      } else {
        append(windows ? windows1252Scalar(byte) : Unicode.Scalar(byte), to: &out)
      }
    }
    return FileBytes(copying: out)
  }

  private static func utf16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool, file: String) throws(LoadError)
    -> FileBytes
  {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var line = 1
    var i = 2
    func unit(_ k: Int) -> UInt16 {
      bigEndian ? UInt16(b[k]) << 8 | UInt16(b[k + 1]) : UInt16(b[k + 1]) << 8 | UInt16(b[k])
    }
    while i + 1 < b.count {
      let u = unit(i)
      i += 2
      if u < 0x80 {
        if u == 10 || (u == 13 && (i + 1 >= b.count || unit(i) != 10)) { line += 1 }
        out.append(UInt8(u))
      } else if let scalar = Unicode.Scalar(u) {
        append(scalar, to: &out)
      } else if u < 0xDC00, i + 1 < b.count, case let low = unit(i), low >= 0xDC00, low < 0xE000 {
        i += 2
        append(Unicode.Scalar(0x10000 + (UInt32(u) - 0xD800) << 10 + (UInt32(low) - 0xDC00))!, to: &out)
      } else {
        throw LoadError(
          .badFormat, "the UTF-16 file holds a lone surrogate 0x\(String(u, radix: 16, uppercase: true))",
          file: file, line: line)
      }
    }
    guard i == b.count else {
      throw LoadError(
        .badFormat, "the UTF-16 file ends with half a character (an odd number of bytes)", file: file, line: line)
    }
    return FileBytes(copying: out)
  }

  private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(scalar)!)
  }
}
