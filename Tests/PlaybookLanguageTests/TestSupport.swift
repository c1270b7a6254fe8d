@testable import PlaybookLanguage

/// Parses `text` as `path`.
func parse(_ text: String, path: String = "test.playbook") -> (Playbook, [Diagnostic]) {
  PlaybookParser.parse(SourceFile(path: path, text: text))
}

/// The range-free dump of `text`'s playbook, or nil when it has syntax errors.
func astDump(_ text: String) -> String? {
  let (playbook, diagnostics) = parse(text)
  guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
  return ASTDump.dump(playbook)
}

/// The dump of one expression, read as a segment's condition.
func dumpExpression(_ text: String) -> String? {
  let (playbook, diagnostics) = parse("segment s = " + text)
  guard diagnostics.isEmpty, case .segment(let segment)? = playbook.statements.first?.kind else { return nil }
  return ASTDump.dump(segment.condition)
}

/// `fmt` of `text` (which must parse).
func format(_ text: String) -> String {
  let source = SourceFile(path: "test.playbook", text: text)
  return PlaybookFormatter.format(PlaybookParser.parse(source).0, source: source)
}

/// Every token of `text`, lexed at once, ending with `end`.
func tokens(_ text: String) -> [Token] {
  var lexer = Lexer(SourceFile(path: "t", text: text))
  lexer.lex(atLeast: .max)
  return lexer.tokens
}
