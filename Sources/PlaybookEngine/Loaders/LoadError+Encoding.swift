extension LoadError {
  /// The file's text is not UTF-8: the first bad byte, at `offset` in `bytes`, with the
  /// line and column it sits on, and the `encoding` to state when the byte reads as a
  /// Latin-1 or Windows-1252 letter.
  /// - Parameters:
  ///   - bytes: the file's text.
  ///   - offset: where the first byte that is not UTF-8 sits.
  ///   - line: the 1-based line `lineStart` is on.
  ///   - lineStart: where a line (or a record) at or before `offset` starts.
  ///   - file: the data file.
  static func notUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, line: Int, lineStart: Int, file: String
  ) -> LoadError {
    // The record may span lines (a quoted line end): move to the bad byte's own line.
    var line = line
    var start = lineStart
    var i = lineStart
    while i < offset {
      let c = bytes[i]
      i += 1
      if c == 10 || (c == 13 && (i == bytes.count || bytes[i] != 10)) {
        line += 1
        start = i
      }
    }
    let column = 1 + bytes[start..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    let byte = bytes[offset]
    let hex = "0x" + String(byte, radix: 16, uppercase: true)
    return LoadError(
      .badFormat, "the file is not UTF-8: byte \(hex) at column \(column) of this line (offset \(offset) in the file)",
      file: file, line: line, hint: encodingHint(byte))
  }

  /// Which `encoding` line makes `byte` a letter, or what Playloop reads.
  private static func encodingHint(_ byte: UInt8) -> String {
    let character = TextDecoding.windows1252Scalar(byte)
    switch byte {
    case 0xA0...0xFF:
      return "0x\(String(byte, radix: 16, uppercase: true)) is '\(Character(character))' in Latin-1: "
        + "if the file is Latin-1, add encoding \"latin1\" to its load"
    case 0x80...0x9F where character.value > 0x9F:
      return "0x\(String(byte, radix: 16, uppercase: true)) is '\(Character(character))' in Windows-1252: "
        + "if the file is Windows-1252, add encoding \"windows-1252\" to its load"
    default:
      return "Playloop reads UTF-8, UTF-16 with a byte-order mark, and encoding \"latin1\" or \"windows-1252\""
    }
  }
}
