/// A field's text with its escapes undone: CSV's `""` becomes `"`; JSON's `\n`,
/// `\"`, `\uXXXX` and the rest become the characters they stand for. Undoing escapes
/// never makes text longer, so a span's length bounds its text's.
enum FieldText {
  /// Writes the field's text at `out` and returns how many bytes it wrote (at most
  /// `span.length`).
  @inline(__always)
  static func write(_ span: FieldSpan, from bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    let source = bytes.baseAddress! + span.start
    let n = span.length
    guard span.escaped else {
      copy(source, to: out, count: n)
      return n
    }
    let field = UnsafeBufferPointer(start: source, count: n)
    return span.kind == .bare ? writeCSV(field, to: out) : writeJSON(field, to: out)
  }

  /// Copies `count` bytes to memory that does not overlap them. Most fields are short
  /// (keys, e-mail addresses, names): up to 16 bytes they are moved as one or two words
  /// each way, overlapping, instead of by a call to `memmove` per field.
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt8>, count n: Int) {
    let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(out))
    if n > 16 {
      to.copyMemory(from: from, byteCount: n)
    } else if n >= 8 {
      let (head, tail) = (
        from.loadUnaligned(as: UInt64.self), from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      )
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
      let (head, tail) = (
        from.loadUnaligned(as: UInt32.self), from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
      )
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
    } else if n > 0 {
      // Bytes 0, n / 2 and n - 1 are every byte of a field under 4 bytes.
      out[0] = source[0]
      out[n >> 1] = source[n >> 1]
      out[n &- 1] = source[n &- 1]
    }
  }

  static func append(_ span: FieldSpan, from bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let text = [UInt8](unsafeUninitializedCapacity: span.length) { buffer, count in
      count = span.length == 0 ? 0 : write(span, from: bytes, to: buffer.baseAddress!)
    }
    out.append(contentsOf: text)
  }

  /// The field's text as a `String`, for messages.
  static func string(_ span: FieldSpan, from bytes: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    append(span, from: bytes, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func writeCSV(_ s: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var i = 0
    var written = 0
    while i < s.count {
      out[written] = s[i]
      written += 1
      // The reader only marks a field escaped for doubled quotes, so skip the second.
      i += s[i] == UInt8(ascii: "\"") ? 2 : 1
    }
    return written
  }

  private static func writeJSON(_ s: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var i = 0
    var written = 0
    let n = s.count
    while i < n {
      // Copy the run up to the next backslash in one go.
      var run = i
      while run < n, s[run] != UInt8(ascii: "\\") { run += 1 }
      (out + written).update(from: s.baseAddress! + i, count: run - i)
      written += run - i
      i = run
      guard i + 1 < n else {
        if i < n {
          out[written] = s[i]
          written += 1
        }
        break
      }
      let e = s[i + 1]
      i += 2
      guard e != UInt8(ascii: "u") else {
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
        for byte in UTF8.encode(character)! {
          out[written] = byte
          written += 1
        }
        continue
      }
      out[written] =
        switch e {
        case UInt8(ascii: "n"): 10
        case UInt8(ascii: "t"): 9
        case UInt8(ascii: "r"): 13
        case UInt8(ascii: "b"): 8
        case UInt8(ascii: "f"): 12
        default: e  // \" \\ \/ stand for themselves
        }
      written += 1
    }
    return written
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
