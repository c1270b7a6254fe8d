/// Decodes one character from the bytes typed so far, for the line editor's reader.
enum UTF8Decoding: Equatable {
  case scalar(UInt32)
  /// A valid start; more bytes are needed.
  case incomplete
  case invalid

  static func decode(_ bytes: [UInt8]) -> UTF8Decoding {
    guard let first = bytes.first else { return .incomplete }
    let length: Int
    switch first {
    case 0x00...0x7F: return .scalar(UInt32(first))
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return .invalid
    }
    for byte in bytes.dropFirst() where byte & 0xC0 != 0x80 { return .invalid }
    if bytes.count < length { return .incomplete }
    var decoder = UTF8()
    var iterator = bytes.prefix(length).makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return .scalar(scalar.value) }
    return .invalid
  }

  /// A byte that can start a character (ASCII or a multi-byte lead).
  static func isLeadByte(_ byte: UInt8) -> Bool { byte < 0x80 || (0xC2...0xF4).contains(byte) }
}
