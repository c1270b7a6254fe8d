/// Readers for the text of typed values, shared by type votes and column building so
/// a value is judged and converted by the same rule. See `TypeVotes` for the rules.
enum ValueSyntax {
  /// A canonical 64-bit integer: `-?[0-9]+`, no leading zero, no `+`.
  @inline(__always)
  static func integer(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    let negative = s.count > 0 && s[0] == UInt8(ascii: "-")
    if negative { i = 1 }
    let digits = s.count - i
    guard digits > 0, digits <= 19 else { return nil }
    if digits > 1, s[i] == UInt8(ascii: "0") { return nil }
    var value: UInt64 = 0
    while i < s.count {
      let d = s[i] &- 48
      guard d < 10 else { return nil }
      value = value &* 10 &+ UInt64(d)
      i += 1
    }
    // 19 digits can exceed Int64 but not UInt64, so one range check suffices.
    if negative {
      guard value <= UInt64(Int64.max) + 1 else { return nil }
      return value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value)
    }
    guard value <= UInt64(Int64.max) else { return nil }
    return Int64(value)
  }

  /// `-?[0-9]+(.[0-9]+)?([eE][+-]?[0-9]+)?` with no leading zero before more digits.
  static func isDecimal(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    scanDecimal(s) != nil
  }

  /// The value of a decimal that `isDecimal` accepts, correctly rounded; nil for
  /// anything else.
  static func decimal(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let parts = scanDecimal(s) else { return nil }
    // Clinger's fast path: a mantissa and a power of ten both exact in a Double give a
    // correctly rounded product or quotient. Everything else goes to the standard reader.
    if parts.digits <= 15, let mantissa = parts.mantissa, abs(parts.exponent) <= 22 {
      let m = Double(mantissa)
      let v = parts.exponent >= 0 ? m * powersOfTen[parts.exponent] : m / powersOfTen[-parts.exponent]
      return parts.negative ? -v : v
    }
    // The syntax is checked, so the standard reader always has a value (±infinity
    // beyond the range).
    return Double(String(decoding: s, as: UTF8.self)) ?? 0
  }

  /// `true`, `false`, `yes` or `no`, in any case: the booleans inferred from text.
  @inline(__always)
  static func boolean(_ s: UnsafeBufferPointer<UInt8>) -> Bool? {
    // Every word is 2 to 5 letters: most text is ruled out by its length.
    guard s.count >= 2, s.count <= 5 else { return nil }
    if matches(s, "true") || matches(s, "yes") { return true }
    if matches(s, "false") || matches(s, "no") { return false }
    return nil
  }

  /// What a column declared boolean takes: `boolean`'s words, and `y`/`n`, `t`/`f` (any
  /// case) and `1`/`0`, which alone would be text or integers.
  static func declaredBoolean(_ s: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard s.count == 1 else { return boolean(s) }
    // Digits have the 0x20 bit set already, so one case folding serves letters and digits.
    switch s[0] | 0x20 {
    case UInt8(ascii: "y"), UInt8(ascii: "t"), UInt8(ascii: "1"): return true
    case UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "0"): return false
    default: return nil
    }
  }

  /// `s` without the spaces and tabs around it (and line ends, which only a quoted
  /// field holds): ` 42 ` is read as `42`. Text keeps its spaces; only values read as
  /// numbers, times or booleans are trimmed.
  @inline(__always)
  static func trimmed(_ s: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let first = s.first, isSpace(first) || isSpace(s[s.count - 1]) else { return s }
    var start = 0
    var end = s.count
    while start < end, isSpace(s[start]) { start += 1 }
    while end > start, isSpace(s[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: s[start..<end])
  }

  /// A space, tab, CR or LF.
  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
  }

  @inline(__always)
  private static func matches(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard s.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<s.count where s[i] | 0x20 != w[i] { return false }
    return true
  }

  private static let powersOfTen: [Double] = (0...22).map { p in
    var v = 1.0
    for _ in 0..<p { v *= 10 }
    return v
  }

  private struct DecimalParts {
    var negative: Bool
    /// The significant digits as an integer, when they fit.
    var mantissa: Int64?
    var digits: Int
    var exponent: Int
  }

  private static func scanDecimal(_ s: UnsafeBufferPointer<UInt8>) -> DecimalParts? {
    let n = s.count
    var i = 0
    let negative = n > 0 && s[0] == UInt8(ascii: "-")
    if negative { i = 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var overflow = false
    func take(_ d: UInt8) {
      if mantissa == 0 && d == 0 { return }  // leading zeros are not significant
      digits += 1
      if digits > 18 { overflow = true } else { mantissa = mantissa * 10 + UInt64(d) }
    }
    let intStart = i
    while i < n, isDigit(s[i]) {
      take(s[i] - 48)
      i += 1
    }
    let intDigits = i - intStart
    guard intDigits > 0, intDigits == 1 || s[intStart] != UInt8(ascii: "0") else { return nil }
    var exponent = 0
    if i < n, s[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      while i < n, isDigit(s[i]) {
        take(s[i] - 48)
        if !overflow { exponent -= 1 }
        i += 1
      }
      guard i > fractionStart else { return nil }
    }
    if i < n, s[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var sign = 1
      if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
        if s[i] == UInt8(ascii: "-") { sign = -1 }
        i += 1
      }
      let expStart = i
      var e = 0
      while i < n, isDigit(s[i]) {
        if e < 100_000 { e = e * 10 + Int(s[i] - 48) }
        i += 1
      }
      guard i > expStart else { return nil }
      exponent += sign * e
    }
    guard i == n else { return nil }
    return DecimalParts(
      negative: negative, mantissa: overflow ? nil : Int64(mantissa), digits: digits,
      exponent: exponent)
  }
}
