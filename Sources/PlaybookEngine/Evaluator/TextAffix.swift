/// `starts with` and `ends with`, compared case-insensitively on the stored bytes: ASCII
/// letters fold in place; text with other letters is folded through `lowercased()`
/// (as `contains` does), since their UTF-8 bytes never match an ASCII letter.
enum TextAffix {
  /// Whether `text` starts (or, `atEnd`, ends) with `affix`; unknown when either is null.
  static func test(_ text: TextOperand, _ affix: TextOperand, atEnd: Bool) -> (Frame) -> Truth {
    if case .literal(let bytes) = affix, bytes.allSatisfy({ $0 < 0x80 }) {
      let folded = TextComparison.folded(bytes)
      return { frame in
        TextComparison.with(text, frame) { has(folded, in: $0, atEnd: atEnd) }.map(Truth.init) ?? .unknown
      }
    }
    return { frame in
      let found = TextComparison.with(affix, frame) { affixBytes -> Bool? in
        let folded = TextComparison.folded(Array(affixBytes))
        return TextComparison.with(text, frame) { bytes in
          folded.allSatisfy({ $0 < 0x80 })
            ? has(folded, in: bytes, atEnd: atEnd)
            : TextComparison.folded(Array(bytes)).withUnsafeBufferPointer { has(folded, in: $0, atEnd: atEnd) }
        }
      }
      return (found ?? nil).map(Truth.init) ?? .unknown
    }
  }

  /// Whether the lower-case `affix` stands at the start (or end) of `text`, ASCII case folded.
  @inline(__always)
  private static func has(_ affix: [UInt8], in text: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Bool {
    let m = affix.count
    guard text.count >= m else { return false }
    let start = atEnd ? text.count - m : 0
    for i in 0..<m where TextComparison.lower(text[start + i]) != affix[i] { return false }
    return true
  }
}

/// `lower`, `upper` and `length` on UTF-8 bytes: ASCII on the bytes, other text through
/// `String`, whose case mapping and character count are Unicode's.
enum TextCase {
  /// A closure making the operand's bytes lower (or upper) case; nil when it is null.
  static func mapping(_ operand: TextOperand, upper: Bool) -> @Sendable (Frame) -> [UInt8]? {
    { frame in
      TextComparison.with(operand, frame) { bytes -> [UInt8] in
        if bytes.allSatisfy({ $0 < 0x80 }) {
          return bytes.map { b in upper ? (b >= 97 && b <= 122 ? b - 32 : b) : TextComparison.lower(b) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array((upper ? text.uppercased() : text.lowercased()).utf8)
      }
    }
  }

  /// The number of characters (as a person counts them: `é` is one).
  static func length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count
  }
}
