extension Character {
  /// Columns the character takes in a terminal: 2 for wide East Asian characters and
  /// emoji, 0 for controls, otherwise 1.
  public var displayWidth: Int {
    guard let first = unicodeScalars.first else { return 0 }
    if first.properties.generalCategory == .control { return 0 }
    if unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
    if unicodeScalars.contains(where: { $0 == "\u{FE0F}" }) { return 2 }
    switch first.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}

extension StringProtocol {
  /// Columns the text takes in a terminal. Printable ASCII, most of what tables hold,
  /// is one column a byte, counted without Unicode property lookups (the bulk of a
  /// million-row listing's time before).
  public var displayWidth: Int {
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    return reduce(0) { $0 + $1.displayWidth }
  }
}
