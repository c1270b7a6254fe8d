extension PlaybookGrammar {
  /// The statement a line starts: its first word, after any indentation, when that is
  /// a statement word.
  public static func statement(startedBy line: Substring) -> StatementKeyword? {
    StatementKeyword(rawValue: String(firstWord(of: line.drop(while: \.isWhitespace))))
  }

  /// Whether a line typed after the first line of an open statement continues it: how
  /// the shell knows a typed statement is complete. `open` is the statement the first
  /// line started (nil when it started none; the parser reports that line).
  ///
  /// A blank line never continues. A line the open statement takes does (`takesLine`:
  /// a load's `as ROW`, a test's indented `as of` and `load`); any other line that
  /// starts a statement does not. An indented line, a comment, or a line starting with a continuation word
  /// does. This gathers a little more than the parser reads as one statement (`from`
  /// under a `rule`, an indented line under an `offer`), so the parser sees the whole
  /// typed text and says what does not belong.
  public static func continues(_ line: Substring, statement open: StatementKeyword?) -> Bool {
    let text = line.drop(while: \.isWhitespace)
    guard !text.isEmpty else { return false }
    let indented = line.first?.isWhitespace == true
    let word = firstWord(of: text)
    let next = firstWord(of: text.dropFirst(word.count).drop(while: \.isWhitespace))
    if let open, open.takesLine(startingWith: word, then: next, indented: indented) { return true }
    if StatementKeyword(rawValue: String(word)) != nil { return false }
    return indented || text.hasPrefix("#") || continuationWords.contains { $0 == word }
  }

  /// The word a line's text starts with: letters, digits and `_`.
  static func firstWord(of text: Substring) -> Substring {
    text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}
