/// Strict UTF-8 validation (no overlong forms, surrogates or values above U+10FFFF).
/// A file with invalid UTF-8 is refused at its first bad byte rather than repaired, so
/// no text is silently changed (`LoadError.notUTF8`).
enum UTF8Check {
  /// Whether any byte has its high bit set; when none does the bytes are ASCII and
  /// need no further check.
  static func hasNonASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    var acc: UInt64 = 0
    while i &+ 8 <= s.count {
      acc |= ByteWords.load(s, i)
      i &+= 8
    }
    while i < s.count {
      acc |= UInt64(s[i])
      i += 1
    }
    return ByteWords.hasHigh(acc)
  }

  static func isValid(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    firstInvalid(s) == nil
  }

  /// Where the first byte that does not begin a valid UTF-8 sequence sits; nil when
  /// all of `s` is valid.
  static func firstInvalid(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = s.count
    while i < n {
      // Runs of ASCII four words at a time, then a word at a time, up to the next byte
      // with its high bit set (a text is mostly ASCII between its letters that are not).
      while i &+ 32 <= n,
        (ByteWords.load(s, i) | ByteWords.load(s, i &+ 8) | ByteWords.load(s, i &+ 16)
          | ByteWords.load(s, i &+ 24)) & 0x8080_8080_8080_8080 == 0
      {
        i &+= 32
      }
      if i == n { break }
      if i &+ 8 <= n {
        let high = ByteWords.load(s, i) & 0x8080_8080_8080_8080
        if high == 0 {
          i &+= 8
          continue
        }
        i &+= high.trailingZeroBitCount &>> 3
      }
      let b = s[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let need: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED:
        need = 2
        upper = 0x9F
      case 0xF0:
        need = 3
        lower = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        upper = 0x8F
      default: return i
      }
      guard i + need < n else { return i }
      let second = s[i + 1]
      guard second >= lower, second <= upper else { return i }
      for k in 2..<(need + 1) where s[i + k] & 0xC0 != 0x80 { return i }
      i += need + 1
    }
    return nil
  }
}
