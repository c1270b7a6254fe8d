import Testing

@testable import PlaybookEngine

/// The loader's UTF-8 check must judge exactly as Swift's own strict decoder does,
/// whatever runs of ASCII (skipped a word at a time) surround the other bytes.
@Suite struct UTF8CheckTests {
  @Test func agreesWithSwiftsDecoder() {
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("plain text, ".utf8), Array("a longer run of plain text, forty bytes".utf8),
      Array("é".utf8), Array("€".utf8), Array("😀".utf8),
      [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF],
      [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ]
    var valid = 0
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<next(8) { bytes += pieces[next(pieces.count)] }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      if expected { valid += 1 }
      #expect(bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } == expected, "\(bytes)")
      #expect(bytes.withUnsafeBufferPointer { UTF8Check.hasNonASCII($0) } == bytes.contains { $0 >= 0x80 })
    }
    // Both verdicts must come up often, or agreeing would prove little.
    #expect(valid > 500 && valid < 4_500)
  }

  /// ASCII of every length up to a hundred bytes (runs are skipped 32 and 8 bytes a step),
  /// alone, then with a letter that is not ASCII and with a bad byte at every position.
  @Test func runsOfASCIIEndWhereverTheBytesDo() {
    for length in 0...100 {
      let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
      #expect(ascii.withUnsafeBufferPointer { UTF8Check.firstInvalid($0) } == nil)
      for position in 0...length {
        var good = ascii
        good.insert(contentsOf: Array("é".utf8), at: position)
        #expect(good.withUnsafeBufferPointer { UTF8Check.firstInvalid($0) } == nil, "\(length) \(position)")
        var bad = ascii
        bad.insert(0xFF, at: position)
        #expect(bad.withUnsafeBufferPointer { UTF8Check.firstInvalid($0) } == position, "\(length) \(position)")
      }
    }
  }
}
