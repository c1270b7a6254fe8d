/// Lower-case ASCII needles looked for together, ASCII case folded: `contains any`
/// compiles its literal list into one, so a row's text is scanned once, not once per
/// needle, and most bytes cost one table lookup.
struct NeedleSet: Sendable {
  /// The needles, lower case, all ASCII.
  private let needles: [[UInt8]]
  /// For each byte: whether some needle starts with it, in either case.
  private let starts: [Bool]
  private let hasEmpty: Bool

  init(_ needles: [[UInt8]]) {
    precondition(needles.allSatisfy { $0.allSatisfy { $0 < 0x80 } }, "ASCII needles only")
    self.needles = needles.filter { !$0.isEmpty }
    hasEmpty = needles.contains { $0.isEmpty }
    var starts = [Bool](repeating: false, count: 256)
    for needle in self.needles {
      let first = needle[0]
      starts[Int(first)] = true
      if first >= 97, first <= 122 { starts[Int(first - 32)] = true }
    }
    self.starts = starts
  }

  /// Whether any needle occurs in `text` (ASCII letters compared case-insensitively).
  func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if hasEmpty { return true }
    let n = text.count
    return starts.withUnsafeBufferPointer { starts in
      for start in 0..<n where starts[Int(text[start])] {
        for needle in needles where needle.count <= n - start && matches(needle, text, at: start) {
          return true
        }
      }
      return false
    }
  }

  @inline(__always)
  private func matches(_ needle: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    needle.withUnsafeBufferPointer { needle in
      for i in 0..<needle.count where TextComparison.lower(text[start + i]) != needle[i] { return false }
      return true
    }
  }
}
