extension PlaybookGrammar {
  /// The statement a line starts: its first word, after any indentation, when that is
  /// a statement word.
  public static func statement(startedBy line: Substring) -> StatementKeyword? {
    StatementKeyword(rawValue: String(firstWord(of: line.drop(while: \.isWhitespace))))
  }

  /// The one rule for which lines go on a statement, read by the parser (on tokens) and
  /// by the shell (on typed lines): whether a line whose first words are `word` and
  /// `next` continues the statement `open` above it. A blank line never does (callers
  /// stop there first).
  ///
  /// A statement takes the lines `StatementKeyword.takesLine` gives it (a rule's `when`,
  /// a load's `from`, a test's indented `as of`); one-line statements take none. A line
  /// that starts no statement (`open` nil, an error) takes the indented lines and the
  /// lines starting with a clause after it, so that they are reported with it and not
  /// each on its own.
  public static func continues(
    startingWith word: some StringProtocol, then next: some StringProtocol, indented: Bool,
    statement open: StatementKeyword?
  ) -> Bool {
    guard let open else { return indented || continuationWords.contains { $0 == word } }
    return open.takesLine(startingWith: word, then: next, indented: indented)
  }

  /// Whether a line starting with `word` ends an open `(` or `[`: inside brackets line
  /// breaks are spaces, unless the next line plainly starts a statement or a clause (the
  /// bracket was never closed).
  public static func endsBrackets(startingWith word: some StringProtocol) -> Bool {
    StatementKeyword(rawValue: String(word)) != nil || continuationWords.contains { $0 == word }
  }

  /// Whether a typed line continues the statement whose first line started `open` (nil
  /// when that line starts no statement), given how many brackets its lines left open:
  /// how the shell knows a typed statement is complete, by the parser's rule
  /// (`continues(startingWith:then:indented:statement:)`). A comment line stays with an
  /// open statement, as the parser reads past it.
  public static func continues(_ line: Substring, statement open: StatementKeyword?, openBrackets: Int) -> Bool {
    let text = line.drop(while: \.isWhitespace)
    guard !text.isEmpty else { return false }
    if text.hasPrefix("#") { return true }
    let word = firstWord(of: text)
    if openBrackets > 0 { return !endsBrackets(startingWith: word) }
    let next = firstWord(of: text.dropFirst(word.count).drop(while: \.isWhitespace))
    return continues(startingWith: word, then: next, indented: line.first?.isWhitespace == true, statement: open)
  }

  /// Whether a statement is complete at the end of a line, so the shell need not wait
  /// for a blank line: a one-line statement (`offer`, `segment`, … with every bracket
  /// closed) can take no more lines. A rule, a test and a load can, and so can a line
  /// that starts no statement (`open` nil).
  public static func isComplete(_ open: StatementKeyword?, openBrackets: Int) -> Bool {
    guard openBrackets <= 0, let open else { return false }
    switch open.lines {
    case .one, .expression: return true
    case .clauses, .block: return false
    }
  }

  /// How many `(` and `[` a line opens and does not close (negative when it closes more),
  /// outside strings and comments.
  public static func bracketBalance(of line: Substring) -> Int {
    var balance = 0
    var inString = false
    var escaped = false
    for character in line {
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"": inString = true
      case "#": return balance
      case "(", "[": balance += 1
      case ")", "]": balance -= 1
      default: break
      }
    }
    return balance
  }

  /// The word a line's text starts with: letters, digits and `_`.
  static func firstWord(of text: Substring) -> Substring {
    text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}
