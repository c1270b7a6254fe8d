/// Text comparisons done on the stored UTF-8 bytes, without making a `String` per row.
enum TextComparison {
  /// Byte-wise three-way comparison (UTF-8 byte order is code point order).
  static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = Swift.min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
  }

  /// Calls `body` with the operand's bytes in `frame`, or returns nil when it is null.
  @inline(__always)
  static func with<R>(
    _ operand: TextOperand, _ frame: Frame, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    switch operand {
    case .literal(let bytes):
      return bytes.withUnsafeBufferPointer(body)
    case .column(let column, let nulls, let slot):
      let row = slot.index(frame)
      if nulls.isNull(row) { return nil }
      return column.withUTF8(row, body)
    }
  }

  static func ordering(_ a: TextOperand, _ b: TextOperand) -> (Frame) -> Int? {
    { frame in
      with(a, frame) { x in with(b, frame) { y in compare(x, y) } } ?? nil
    }
  }

  /// `subject contains any needles`, case-insensitively: ASCII letters fold in place;
  /// text with other letters is folded through `String.lowercased()`.
  static func containsAny(_ subject: Evaluation, _ needles: [Evaluation]) -> (Frame) -> Truth {
    guard case .text(let haystack) = subject else { return { _ in .unknown } }
    let literals: [[UInt8]]? = needles.allSatisfy {
      if case .text(.literal) = $0 { return true }
      return false
    }
      ? needles.compactMap {
        guard case .text(.literal(let bytes)) = $0 else { return nil }
        return Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
      } : nil
    return { frame in
      let needleBytes: [[UInt8]] =
        literals
        ?? needles.compactMap { needle in
          guard case .text(let operand) = needle else { return nil }
          return with(operand, frame) { Array(String(decoding: $0, as: UTF8.self).lowercased().utf8) }
        }
      let found = with(haystack, frame) { text -> Bool in
        if text.contains(where: { $0 >= 0x80 }) {
          let folded = Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
          return folded.withUnsafeBufferPointer { f in needleBytes.contains { find($0, in: f) } }
        }
        return needleBytes.contains { find($0, in: text) }
      }
      return found.map(Truth.init) ?? .unknown
    }
  }

  /// Whether `needle` (already lower case) occurs in `text`, folding ASCII case in `text`.
  static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let m = needle.count
    guard m > 0 else { return true }
    guard text.count >= m else { return false }
    let first = needle[0]
    for start in 0...(text.count - m) where lower(text[start]) == first {
      var i = 1
      while i < m, lower(text[start + i]) == needle[i] { i += 1 }
      if i == m { return true }
    }
    return false
  }

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b >= 65 && b <= 90 ? b + 32 : b
  }
}
