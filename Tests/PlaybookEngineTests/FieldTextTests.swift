import Testing

@testable import PlaybookEngine

/// A field's text is copied byte for byte whatever its length: short fields are moved
/// as overlapping words (`FieldText.copy`), long ones by `memmove`.
@Suite struct FieldTextTests {
  @Test func everyLengthIsCopiedExactlyAndNothingAround() {
    let source = (0..<64).map { UInt8(65 + $0 % 58) }
    for length in 0...40 {
      // Sentinels around the copy show a write outside it.
      var out = [UInt8](repeating: 0xEE, count: length + 16)
      source.withUnsafeBufferPointer { from in
        out.withUnsafeMutableBufferPointer { to in
          FieldText.copy(from.baseAddress! + 3, to: to.baseAddress! + 8, count: length)
        }
      }
      #expect(Array(out[8..<(8 + length)]) == Array(source[3..<(3 + length)]), "length \(length)")
      #expect(out[..<8].allSatisfy { $0 == 0xEE } && out[(8 + length)...].allSatisfy { $0 == 0xEE }, "length \(length)")
    }
  }

  @Test func aColumnOfKeysReadsBackAsWritten() {
    let keys = (0..<3000).map { "K-\(String(repeating: "x", count: $0 % 23))\($0)" }
    let column = TextDictionaryTests.piece(keys)
    #expect(column.codes == nil)
    #expect(TextDictionaryTests.values(column) == keys)
  }
}
