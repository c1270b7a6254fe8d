/// Lower-case ASCII needles looked for together, ASCII case folded: `contains any`
/// compiles its literal list into one, so a row's text is scanned once, not once per
/// needle. Long texts (call transcripts) are filtered 16 positions at a time by the
/// needles' first two bytes; the rest costs one table lookup per byte.
struct NeedleSet: Sendable {
  /// The needles, lower case, all ASCII, one after the other; needle `k` ends at
  /// `ends[k]`. One array, so checking a position retains nothing.
  private let bytes: [UInt8]
  private let ends: [Int]
  /// For each byte: whether some needle starts with it, in either case.
  private let starts: [Bool]
  private let hasEmpty: Bool
  /// Each needle's first and second byte with bit 5 set, repeated across 16 lanes; nil
  /// when a needle is one byte long or there are too many pairs for the filter to pay.
  private let firstBytes: [SIMD16<UInt8>]?
  private let secondBytes: [SIMD16<UInt8>]

  /// Beyond this many distinct two-byte prefixes the wide filter costs more than the
  /// byte loop it saves (each pair is two compares per 16 positions).
  private static let widePairLimit = 8

  init(_ needles: [[UInt8]]) {
    precondition(needles.allSatisfy { $0.allSatisfy { $0 < 0x80 } }, "ASCII needles only")
    hasEmpty = needles.contains { $0.isEmpty }
    let needles = needles.filter { !$0.isEmpty }
    bytes = needles.flatMap { $0 }
    var ends: [Int] = []
    for needle in needles { ends.append((ends.last ?? 0) + needle.count) }
    self.ends = ends
    var starts = [Bool](repeating: false, count: 256)
    for needle in needles {
      let first = needle[0]
      starts[Int(first)] = true
      if first >= 97, first <= 122 { starts[Int(first - 32)] = true }
    }
    self.starts = starts
    // Setting bit 5 maps A–Z onto a–z (and leaves a–z alone); it merges some other bytes
    // too (`@` with `` ` ``), which only lets a position through to the exact check.
    var pairs: [SIMD2<UInt8>] = []
    for needle in needles where needle.count >= 2 {
      let pair = SIMD2(needle[0] | 0x20, needle[1] | 0x20)
      if !pairs.contains(pair) { pairs.append(pair) }
    }
    if needles.allSatisfy({ $0.count >= 2 }), !pairs.isEmpty, pairs.count <= Self.widePairLimit {
      firstBytes = pairs.map { SIMD16(repeating: $0.x) }
      secondBytes = pairs.map { SIMD16(repeating: $0.y) }
    } else {
      firstBytes = nil
      secondBytes = []
    }
  }

  /// Whether any needle occurs in `text` (ASCII letters compared case-insensitively).
  func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if hasEmpty { return true }
    return bytes.withUnsafeBufferPointer { needles in
      let n = text.count
      var start = 0
      if let firstBytes, n >= 17, let base = text.baseAddress {
        let raw = UnsafeRawPointer(base)
        let fold = SIMD16<UInt8>(repeating: 0x20)
        let found = firstBytes.withUnsafeBufferPointer { firsts in
          secondBytes.withUnsafeBufferPointer { seconds in
            // The second load reads one byte further, so 16 positions need 17 bytes.
            while start + 17 <= n {
              let here = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self) | fold
              let next = raw.loadUnaligned(fromByteOffset: start + 1, as: SIMD16<UInt8>.self) | fold
              var hits = SIMDMask<SIMD16<Int8>>(repeating: false)
              for p in 0..<firsts.count { hits .|= (here .== firsts[p]) .& (next .== seconds[p]) }
              // The hits as two words of one byte per lane, 1 where a pair starts: the
              // standard library's `any(_:)` and a loop over all 16 lanes each cost a
              // fifth of the search; this visits only the lanes hit.
              let words = unsafeBitCast(SIMD16<UInt8>().replacing(with: 1, where: hits), to: SIMD2<UInt64>.self)
              for half in 0..<2 {
                var word = words[half]
                while word != 0 {
                  if occurs(needles, in: text, at: start + half * 8 + word.trailingZeroBitCount / 8) { return true }
                  word &= word - 1
                }
              }
              start += 16
            }
            return false
          }
        }
        if found { return true }
      }
      return starts.withUnsafeBufferPointer { starts in
        for position in start..<n where starts[Int(text[position])] && occurs(needles, in: text, at: position) {
          return true
        }
        return false
      }
    }
  }

  /// Whether some needle of `needles` (`bytes`) occurs in `text` at `start`.
  @inline(__always)
  private func occurs(
    _ needles: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, at start: Int
  ) -> Bool {
    var from = 0
    for end in ends {
      defer { from = end }
      guard end - from <= text.count - start else { continue }
      var i = 0
      while from + i < end, TextComparison.lower(text[start + i]) == needles[from + i] { i += 1 }
      if from + i == end { return true }
    }
    return false
  }
}
