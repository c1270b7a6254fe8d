extension StringProtocol {
  /// The text safe inside HTML or SVG, in element content and in quoted attribute values:
  /// `&`, `<`, `>`, `"` and `'` as character references. Playbook text and customer data
  /// reach the report through this alone.
  public var htmlEscaped: String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for character in self.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }
}
