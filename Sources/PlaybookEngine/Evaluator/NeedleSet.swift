/// Lower-case ASCII needles looked for together, ASCII case folded: `contains any`
/// compiles its literal list into one, so a row's text is scanned once, not once per
/// needle. The text is walked to the bytes a needle can start with — eight bytes at a
/// time when the needles start with at most four distinct letters, else through a
/// table — and only the needles starting with that byte are compared there.
struct NeedleSet: Sendable {
  /// The needles end to end, lower case: needle `i` is `bytes[bounds[i]..<bounds[i + 1]]`.
  private let bytes: [UInt8]
  private let bounds: [Int]
  /// The needles starting with (lower-case) byte `b` are `order[firsts[b]..<firsts[b + 1]]`.
  private let order: [Int]
  private let firsts: [Int]
  /// The distinct first bytes, each repeated over a word, when there are at most four
  /// and all are lower-case letters (which `| 0x20` folds a text byte onto exactly).
  private let letterWords: [UInt64]?
  private let hasEmpty: Bool

  init(_ needles: [[UInt8]]) {
    precondition(needles.allSatisfy { $0.allSatisfy { $0 < 0x80 } }, "ASCII needles only")
    let kept = needles.filter { !$0.isEmpty }
    hasEmpty = kept.count < needles.count
    bytes = kept.flatMap { $0 }
    bounds = kept.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    order = kept.indices.sorted { kept[$0][0] < kept[$1][0] }
    var firsts = [Int](repeating: 0, count: 257)
    for needle in kept { firsts[Int(needle[0]) + 1] += 1 }
    for b in 0..<256 { firsts[b + 1] += firsts[b] }
    self.firsts = firsts
    let letters = Set(kept.map { $0[0] }).sorted()
    letterWords = letters.count <= 4 && letters.allSatisfy { $0 >= 97 && $0 <= 122 }
      ? letters.map { UInt64($0) &* 0x0101_0101_0101_0101 } : nil
  }

  /// Whether any needle occurs in `text` (ASCII letters compared case-insensitively).
  func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if hasEmpty { return true }
    return bytes.withUnsafeBufferPointer { bytes in
      bounds.withUnsafeBufferPointer { bounds in
        order.withUnsafeBufferPointer { order in
          firsts.withUnsafeBufferPointer { firsts in
            Scan(text: text, bytes: bytes, bounds: bounds, order: order, firsts: firsts).run(letterWords)
          }
        }
      }
    }
  }

  /// One text's scan, over the needle set's tables.
  private struct Scan {
    let text: UnsafeBufferPointer<UInt8>
    let bytes: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeBufferPointer<Int>
    let order: UnsafeBufferPointer<Int>
    let firsts: UnsafeBufferPointer<Int>

    func run(_ letterWords: [UInt64]?) -> Bool {
      let n = text.count
      var from = 0
      if let letterWords {
        while from &+ 8 <= n {
          let folded = ByteWords.load(text, from) | 0x2020_2020_2020_2020
          var candidates: UInt64 = 0
          for word in letterWords { candidates |= ByteWords.zeros(folded ^ word) }
          while candidates != 0 {
            if matchesAny(at: from &+ candidates.trailingZeroBitCount &>> 3) { return true }
            candidates &= candidates &- 1
          }
          from &+= 8
        }
      }
      for start in from..<n where matchesAny(at: start) { return true }
      return false
    }

    /// Whether a needle starts at `start`.
    @inline(__always) func matchesAny(at start: Int) -> Bool {
      let first = Int(TextComparison.lower(text[start]))
      for k in firsts[first]..<firsts[first + 1] {
        let needle = order[k]
        let lower = bounds[needle]
        let count = bounds[needle + 1] - lower
        guard count <= text.count - start else { continue }
        var i = 1
        while i < count, TextComparison.lower(text[start + i]) == bytes[lower + i] { i += 1 }
        if i == count { return true }
      }
      return false
    }
  }
}
