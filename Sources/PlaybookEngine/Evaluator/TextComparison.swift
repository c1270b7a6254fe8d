/// Text comparisons done on the stored UTF-8 bytes, without making a `String` per row.
enum TextComparison {
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
    case .computed, .trimmed, .coalesced:
      return withMade(operand, frame, body)
    }
  }

  /// `with` for the operands functions make: out of line, so the column and literal
  /// cases above stay inlined on the hot path.
  @inline(never)
  private static func withMade<R>(
    _ operand: TextOperand, _ frame: Frame, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    switch operand {
    case .literal, .column:
      return with(operand, frame, body)
    case .computed(let make):
      return make(frame)?.withUnsafeBufferPointer(body)
    case .trimmed(let operand):
      return with(operand, frame) { bytes in
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      }
    case .coalesced(let operands):
      for operand in operands {
        if let found = with(operand, frame, { $0.isEmpty ? nil : body($0) }), let found { return found }
      }
      return nil
    }
  }

  /// A three-way comparison of two text operands (`ByteOrder`); nil when either is null.
  static func ordering(_ a: TextOperand, _ b: TextOperand) -> (Frame) -> Int? {
    // A column against a literal (`customer.tier == "gold"`), the usual comparison,
    // reads the column directly instead of asking each row which kinds the operands are.
    switch (a, b) {
    case (.column(let column, let nulls, let slot), .literal(let bytes)):
      return { frame in
        let row = slot.index(frame)
        if nulls.isNull(row) { return nil }
        return column.withUTF8(row) { x in bytes.withUnsafeBufferPointer { ByteOrder.sign(x, $0) } }
      }
    case (.literal(let bytes), .column(let column, let nulls, let slot)):
      return { frame in
        let row = slot.index(frame)
        if nulls.isNull(row) { return nil }
        return column.withUTF8(row) { y in bytes.withUnsafeBufferPointer { ByteOrder.sign($0, y) } }
      }
    default:
      return { frame in
        with(a, frame) { x in with(b, frame) { y in ByteOrder.sign(x, y) } } ?? nil
      }
    }
  }

  /// `subject contains any needles`, case-insensitively. ASCII literal needles (the
  /// usual case) are compiled once into a `NeedleSet` and found in one pass over the
  /// text, folding ASCII letters in place. Other needles (UTF-8 letters, columns) fold
  /// the text through `lowercased()`, since UTF-8 bytes of other letters never match ASCII.
  static func containsAny(_ subject: Evaluation, _ needles: [Evaluation]) -> (Frame) -> Truth {
    guard case .text(let haystack) = subject else {
      preconditionFailure("'contains' on a value that is not text; the checker searches only text")
    }
    let operands = needles.map { needle -> TextOperand in
      guard case .text(let operand) = needle else {
        preconditionFailure("a 'contains' needle that is not text; the checker allows only text")
      }
      return operand
    }
    let literals: [[UInt8]]? =
      operands.allSatisfy {
        if case .literal = $0 { return true }
        return false
      } ? operands.compactMap { if case .literal(let b) = $0 { return folded(b) } else { return nil } } : nil
    if let literals, literals.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) {
      let set = NeedleSet(literals)
      if case .column(let column, let nulls, let slot) = haystack {
        return { frame in
          let row = slot.index(frame)
          if nulls.isNull(row) { return .unknown }
          return Truth(column.withUTF8(row) { set.occurs(in: $0) })
        }
      }
      return { frame in
        with(haystack, frame) { set.occurs(in: $0) }.map(Truth.init) ?? .unknown
      }
    }
    return { frame in
      let needleBytes = literals ?? operands.compactMap { with($0, frame) { folded(Array($0)) } }
      let found = with(haystack, frame) { text -> Bool in
        var foldedText: [UInt8]?
        for needle in needleBytes {
          if needle.allSatisfy({ $0 < 0x80 }) {
            if find(needle, in: text) { return true }
          } else {
            let all = foldedText ?? folded(Array(text))
            foldedText = all
            if all.withUnsafeBufferPointer({ find(needle, in: $0) }) { return true }
          }
        }
        return false
      }
      return found.map(Truth.init) ?? .unknown
    }
  }

  /// Lower-cased UTF-8.
  static func folded(_ bytes: [UInt8]) -> [UInt8] {
    bytes.allSatisfy { $0 < 0x80 }
      ? bytes.map(lower) : Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
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

  /// ASCII white space: what `trim` removes.
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || (b >= 0x09 && b <= 0x0D)
  }

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b >= 65 && b <= 90 ? b + 32 : b
  }
}
