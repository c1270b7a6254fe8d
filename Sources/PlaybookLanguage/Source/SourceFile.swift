/// A named source text: a playbook file, the shell's input, or a data file.
public struct SourceFile: Sendable {
  /// The path shown in diagnostics (`Playbooks/x.playbook`, `<shell>`).
  public let path: String
  /// The whole text as read; line breaks may be LF or CRLF.
  public let text: String

  /// A source named `path` (as diagnostics show it) holding `text`.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// The text of 1-based line `n`, without its line break (LF or CRLF); empty past the end.
  public func line(_ n: Int) -> Substring {
    let bytes = text.utf8
    var current = 1
    var start = bytes.startIndex
    while current < n {
      guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return "" }
      start = bytes.index(after: newline)
      current += 1
    }
    var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    if end > start, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") {
      end = bytes.index(before: end)
    }
    return text[start..<end]
  }
}
