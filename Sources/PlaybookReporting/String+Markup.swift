extension StringProtocol {
  /// The text safe in HTML, SVG and XML, in element content and in quoted attribute
  /// values: `&`, `<`, `>`, `"` and `'` as character references, and the control
  /// characters none of them may hold (all but tab, line feed and carriage return) and
  /// U+FFFE and U+FFFF dropped. Playbook text and customer data reach the report page,
  /// and test names the JUnit file, through this alone.
  public var markupEscaped: String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
