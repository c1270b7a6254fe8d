/// The byte between a CSV file's fields: `delimiter ";"` on a `load`, or detected from
/// the file's header line when the load states none.
public enum FieldDelimiter: UInt8, CaseIterable, Hashable, Sendable {
  // In the order a tie between detected delimiters is settled: comma first.
  case comma = 0x2C
  case semicolon = 0x3B
  case tab = 0x09
  case pipe = 0x7C

  /// The delimiter that is the one character `text`: `,` `;` `|` or a tab (written
  /// `"\t"` in a playbook); nil for anything else.
  public init?(character text: String) {
    guard let match = Self.allCases.first(where: { $0.character == text }) else { return nil }
    self = match
  }

  /// The delimiter as a one-character string.
  public var character: String { String(UnicodeScalar(rawValue)) }

  /// How it is written in a playbook: `","`, `";"`, `"|"` or `tab`.
  public var spelling: String { self == .tab ? "tab" : "\"\(character)\"" }

  /// Its name in messages: comma, semicolon, tab, pipe.
  public var word: String {
    switch self {
    case .comma: "comma"
    case .semicolon: "semicolon"
    case .tab: "tab"
    case .pipe: "pipe"
    }
  }
}
