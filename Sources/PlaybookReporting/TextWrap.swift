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

  /// `text` with each line longer than `width` broken at its last space that fits; the
  /// lines it continues on are indented two spaces more than it, and the spacing inside
  /// a line is kept (explain's aligned values). A word longer than the line is split.
  public static func wrappingLongLines(_ text: String, width: Int) -> String {
    guard width > 10 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.displayWidth > width else { return String(line) }
      let hang = String(repeating: " ", count: min(line.prefix(while: { $0 == " " }).count + 2, width / 2))
      var pieces: [String] = []
      var rest = line
      var room = width
      while rest.displayWidth > room {
        var used = 0
        var end = rest.startIndex
        var lastSpace: Substring.Index?
        while end < rest.endIndex, used + rest[end].displayWidth <= room {
          if rest[end] == " ", rest[..<end].contains(where: { $0 != " " }) { lastSpace = end }
          used += rest[end].displayWidth
          end = rest.index(after: end)
        }
        let cut = lastSpace ?? end
        pieces.append((pieces.isEmpty ? "" : hang) + String(rest[..<cut]).trimmingTrailingWhitespace())
        rest = rest[cut...].drop(while: { $0 == " " })
        room = width - hang.count
      }
      pieces.append((pieces.isEmpty ? "" : hang) + rest)
      return pieces.joined(separator: "\n")
    }.joined(separator: "\n")
  }
}
