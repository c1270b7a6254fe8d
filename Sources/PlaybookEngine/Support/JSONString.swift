/// JSON string literals: `"`, `\` and control characters escaped (`\n`, `\r`, `\t`,
/// `\b`, `\f`, else `\u00XX`); everything else, non-ASCII included, kept as UTF-8.
public enum JSONString {
  /// Appends `text` as a quoted JSON string.
  public static func append(_ text: String, to out: inout [UInt8]) {
    if text.utf8.withContiguousStorageIfAvailable({ append(utf8: $0, to: &out) }) == nil {
      Array(text.utf8).withUnsafeBufferPointer { append(utf8: $0, to: &out) }
    }
  }

  /// Appends the UTF-8 text `utf8` as a quoted JSON string.
  static func append(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(34)
    var runStart = 0
    for (i, byte) in utf8.enumerated() where byte < 32 || byte == 34 || byte == 92 {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
      runStart = i + 1
      appendEscape(for: byte, to: &out)
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    out.append(34)
  }

  private static func appendEscape(for byte: UInt8, to out: inout [UInt8]) {
    out.append(92)
    switch byte {
    case 34, 92: out.append(byte)
    case 8: out.append(98)  // b
    case 9: out.append(116)  // t
    case 10: out.append(110)  // n
    case 12: out.append(102)  // f
    case 13: out.append(114)  // r
    default:
      // \u00XX; a control character is below 0x20, so X is 0 or 1 and then a hex digit.
      let low = byte & 15
      out.append(contentsOf: [117, 48, 48, 48 + byte >> 4, low < 10 ? 48 + low : 87 + low])
    }
  }
}
