/// How a data file's text is stored: `encoding "latin1"` on a `load`. A file starting
/// with a byte-order mark (UTF-8 or UTF-16) is read by its mark whatever the load says.
public enum TextEncoding: String, CaseIterable, Hashable, Sendable {
  /// The default.
  case utf8 = "utf-8"
  /// ISO-8859-1: each byte is the character of that number.
  case latin1
  /// Windows' Western code page: Latin-1 with printable characters (`€`, `’`, `…`) in
  /// 0x80–0x9F.
  case windows1252 = "windows-1252"

  /// The encoding a name stands for, in any letter case: `utf-8` (`utf8`), `latin1`
  /// (`latin-1`, `iso-8859-1`), `windows-1252` (`cp1252`); nil for any other.
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
    case "windows-1252", "cp1252": self = .windows1252
    default: return nil
    }
  }

  /// Every name `init(name:)` accepts, for hints.
  public static let names = [
    "utf-8", "utf8", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252",
  ]
}
