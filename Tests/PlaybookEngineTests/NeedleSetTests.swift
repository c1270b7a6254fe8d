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

  /// Texts long enough for the 16-position filter, with needles at every offset from a
  /// block's start and in the tail the filter leaves to the byte loop; needles of one
  /// byte, of bytes bit 5 merges (`@` and `` ` ``), and more pairs than the filter takes.
  @Test func theWideFilterAgreesWithOneSearchPerNeedle() {
    var random = SeededBytes(seed: 11)
    let alphabet = Array("abc@`AB C-é".utf8)
    var occurrences = 0
    for round in 0..<3_000 {
      let text = random.string(from: alphabet, maxLength: 80)
      let count = round % 3 == 0 ? 10 : 1 + random.next(below: 3)
      let needles = (0..<count).map { _ in
        TextComparison.folded(random.string(from: Array("abc@`AB -".utf8), maxLength: 4))
      }
      let expected = needles.contains { needle in text.withUnsafeBufferPointer { TextComparison.find(needle, in: $0) } }
      let found = text.withUnsafeBufferPointer { NeedleSet(needles).occurs(in: $0) }
      #expect(found == expected, "text \(String(decoding: text, as: UTF8.self)), needles \(needles)")
      if expected { occurrences += 1 }
    }
    #expect(occurrences > 300 && occurrences < 2_700)
    let set = NeedleSet([Array("cancel".utf8), Array("switch".utf8)])
    for offset in 0..<40 {
      let text = Array((String(repeating: "x", count: offset) + "SWITCH" + String(repeating: "y", count: 30)).utf8)
      #expect(text.withUnsafeBufferPointer { set.occurs(in: $0) }, "at \(offset)")
      let near = Array((String(repeating: "x", count: offset) + "SWITC" + String(repeating: "y", count: 30)).utf8)
      #expect(!near.withUnsafeBufferPointer { set.occurs(in: $0) }, "at \(offset)")
    }
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
