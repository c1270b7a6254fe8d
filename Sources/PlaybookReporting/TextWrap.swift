/// Word wrapping for prose the shell prints (help text), as opposed to tables, which
/// are cut instead.
public enum TextWrap {
  /// `text` broken into lines of at most `width` columns at spaces; a word longer than
  /// the width gets a line of its own.
  public static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.displayWidth + 1 + word.displayWidth <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
