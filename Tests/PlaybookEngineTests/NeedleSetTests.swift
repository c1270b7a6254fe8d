import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

@Suite struct NeedleSetTests {
  /// One pass for all needles must find exactly what one search per needle finds.
  @Test func agreesWithOneSearchPerNeedle() {
    var random = SeededBytes(seed: 7)
    let alphabet = Array("abcAB C-éz".utf8)
    var occurrences = 0
    for _ in 0..<2_000 {
      let text = random.string(from: alphabet, maxLength: 24)
      let needles = (0..<random.next(below: 4)).map { _ in
        TextComparison.folded(random.string(from: Array("abcABz -".utf8), maxLength: 3))
      }
      let expected = needles.contains { needle in text.withUnsafeBufferPointer { TextComparison.find(needle, in: $0) } }
      let found = text.withUnsafeBufferPointer { NeedleSet(needles).occurs(in: $0) }
      #expect(found == expected, "text \(String(decoding: text, as: UTF8.self)), needles \(needles)")
      if expected { occurrences += 1 }
    }
    // Both answers must come up often, or agreeing would prove little.
    #expect(occurrences > 200 && occurrences < 1_800)
  }

  @Test func foldsCaseAndFindsNeedlesAtTheEdges() {
    let set = NeedleSet([Array("cancel".utf8), Array("switch".utf8)])
    for (text, expected) in [
      ("CANCEL now", true), ("we are switching", true), ("ends with Switch", true),
      ("cance", false), ("", false), ("swit ch", false),
    ] {
      #expect(Array(text.utf8).withUnsafeBufferPointer { set.occurs(in: $0) } == expected, "\(text)")
    }
    #expect(Array("x".utf8).withUnsafeBufferPointer { NeedleSet([[]]).occurs(in: $0) })
    #expect(!Array("x".utf8).withUnsafeBufferPointer { NeedleSet([]).occurs(in: $0) })
  }
}

/// Bounded numbers and short strings from a seeded generator, for property tests.
private struct SeededBytes {
  var generator: SeededGenerator
  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  mutating func next(below bound: Int) -> Int {
    Int(generator.next() % UInt64(bound))
  }

  mutating func string(from alphabet: [UInt8], maxLength: Int) -> [UInt8] {
    // Whole characters: "é" is two bytes, so pick from the decoded characters.
    let characters = Array(String(decoding: alphabet, as: UTF8.self))
    return Array(String((0..<next(below: maxLength + 1)).map { _ in characters[next(below: characters.count)] }).utf8)
  }
}
