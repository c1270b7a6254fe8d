import PlaybookLanguage

/// A data value as `describe` shows it: cut to a length a table cell can hold, and with
/// control characters (line breaks, tabs, terminal escapes) written as escapes, so a
/// value can never break the layout or drive the terminal.
public enum ShownValue {
  /// The most characters kept of a value; a longer one ends in `…`.
  public static let limit = 32

  /// `text` cut to `limit` characters, ending in `…` when it was cut.
  public static func truncated(_ text: String) -> String {
    text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }

  /// `text` with `\n`, `\r`, `\t`, `\\` written as such and other control characters
  /// as `\u{1B}`, as everything shown on a terminal escapes them.
  public static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out.escapingControlCharacters
  }
}
