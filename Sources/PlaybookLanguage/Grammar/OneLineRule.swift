/// A rule typed on one line, as `explain --what-if` and the shell's `:explain … with`
/// take it (`rule x priority 1 when … send STAY15 via sms`), laid out as the grammar wants
/// it: each clause on a line of its own, indented under the rule.
public enum OneLineRule {
  /// The words that start a rule's clauses.
  static let clauses: Set<String> = ["when", "unless", "send"]

  /// `text` with a line break and two spaces before each `when`, `unless` and `send` on
  /// the first line of a `rule` statement; other text (and those words inside strings)
  /// unchanged.
  public static func laidOut(_ text: String) -> String {
    var lexer = Lexer(SourceFile(path: "", text: text))
    lexer.lex(atLeast: Int.max)
    var breaks: [Int] = []
    var lineStartsRule = false
    var atLineStart = true
    for token in lexer.tokens {
      if token.kind == .newline {
        atLineStart = true
        continue
      }
      if atLineStart {
        lineStartsRule = token.kind == .word && token.text == "rule"
        atLineStart = false
      } else if lineStartsRule, token.kind == .word, clauses.contains(token.text) {
        breaks.append(token.range.start.offset)
      }
    }
    var bytes = Array(text.utf8)
    for offset in breaks.reversed() {
      // The spaces before the clause word give way to the line break and indent.
      var start = offset
      while start > 0, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
      bytes.replaceSubrange(start..<offset, with: Array("\n  ".utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
