/// A field's text with its escapes undone: CSV's `""` becomes `"`; JSON's `\n`,
/// `\"`, `\uXXXX` and the rest become the characters they stand for.
enum FieldText {
  static func append(_ span: FieldSpan, from bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let field = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<span.end])
    guard span.escaped else {
      out.append(contentsOf: field)
      return
    }
    if span.kind == .bare { appendCSV(field, to: &out) } else { appendJSON(field, to: &out) }
  }

  /// The field's text as a `String`, for messages.
  static func string(_ span: FieldSpan, from bytes: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    append(span, from: bytes, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendCSV(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var i = 0
    while i < s.count {
      out.append(s[i])
      // The reader only marks a field escaped for doubled quotes, so skip the second.
      i += s[i] == UInt8(ascii: "\"") ? 2 : 1
    }
  }

  private static func appendJSON(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var i = 0
    let n = s.count
    while i < n {
      let b = s[i]
      guard b == UInt8(ascii: "\\"), i + 1 < n else {
        out.append(b)
        i += 1
        continue
      }
      let e = s[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "u"):
        var scalar = hex4(s, i)
        i += 4
        if (0xD800..<0xDC00).contains(scalar), i + 6 <= n, s[i] == UInt8(ascii: "\\"),
          s[i + 1] == UInt8(ascii: "u")
        {
          let low = hex4(s, i + 2)
          if (0xDC00..<0xE000).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          }
        }
        // A lone surrogate has no UTF-8 form: it becomes U+FFFD.
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: UTF8.encode(character)!)
      default: out.append(e)  // \" \\ \/
      }
    }
  }

  /// Four hex digits at `at`; the JSON reader has already checked they are there.
  private static func hex4(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
    var v: UInt32 = 0
    for k in at..<min(at + 4, s.count) {
      let c = s[k] | 0x20
      v = v << 4 | UInt32(c >= UInt8(ascii: "a") ? c - UInt8(ascii: "a") + 10 : c - UInt8(ascii: "0"))
    }
    return v
  }
}
