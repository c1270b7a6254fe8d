/// The lexer's and the parser's messages.
extension DiagnosticMessage {
  /// `expected X, found Y`.
  static func expected(_ expected: String, found: String, hint: String? = nil) -> Self {
    Self(.parseError, "expected \(expected), found \(found)", hint: hint)
  }

  static func durationWithoutUnit(after word: String, number: String) -> Self {
    Self(
      .parseError, "expected a duration after '\(word)', found number \(number)",
      hint: "add a unit: \(number)d, \(number)h, \(number)m …")
  }

  static func ruleNameOneWord(_ name: String, then word: String) -> Self {
    Self(.parseError, "a rule's name is one word", hint: "write: rule \(name)_\(word)")
  }

  static func phraseAfterField(row: String, field: String, phrase: String) -> Self {
    Self(
      .parseError, "a lifecycle phrase follows the row name, not a field",
      hint: "write: \(row) \(phrase) …")
  }

  static func countTakesRow(_ row: String) -> Self {
    Self(.parseError, "count takes a row, not a field", hint: "write: count(\(row))")
  }

  static func aggregateNeedsField(_ function: String, row: String) -> Self {
    Self(.parseError, "'\(function)' needs a field", hint: "write: \(function)(\(row).FIELD)")
  }

  static func unexpectedInCustomerID(_ found: String) -> Self {
    Self(.parseError, "unexpected \(found) in a customer id")
  }

  static func missingLoadPath(table: String) -> Self {
    Self(.parseError, "'load' needs a file: from \"path\"", hint: "write: load \(table) from \"\(table).csv\"")
  }

  /// `a postgres load names no file` (parseError): the server is found through libpq's
  /// settings, which stay out of the playbook.
  static func pathOnServerDatabase(_ kind: String) -> Self {
    Self(
      .parseError, "a \(kind) load names no file: the server comes from the environment",
      hint:
        "remove the path and write: from \(kind) table \"customers\"; PGHOST, PGPORT, PGDATABASE, PGUSER, "
        + "PGPASSWORD, PGSERVICE or PLAYLOOP_POSTGRES_URL say which server")
  }

  /// `a database has no 'delimiter': it is read by the sqlite library` (parseError).
  static func fileClauseOnDatabase(_ clause: String, database: String) -> Self {
    Self(
      .parseError, "a database has no '\(clause)': its values are read as \(database) stores them",
      hint: "remove '\(clause)' from this load")
  }

  // MARK: The lexer

  static func badDuration(_ spelling: String, hint: String) -> Self {
    Self(.invalidToken, "bad duration '\(spelling)'", hint: hint)
  }

  static func badTimestamp(_ spelling: String) -> Self {
    Self(
      .invalidToken, "bad timestamp '\(spelling)'",
      hint: "use ISO 8601: 2026-11-01, 2026-11-01T09:30:00Z or 2026-11-01T09:30:00+02:00")
  }

  static let unterminatedString = Self(
    .invalidToken, "unterminated string", hint: "add the closing '\"' on the same line")

  /// A character that starts no token, shown as `shown`.
  static func unexpectedCharacter(_ shown: String, hint: String?) -> Self {
    Self(.invalidToken, "unexpected character \(shown)", hint: hint)
  }

  static func curlyQuote(_ character: String) -> Self {
    Self(.invalidToken, "unexpected curly quote '\(character)'", hint: "use straight quotes: \"…\"")
  }

  static let mixedIndentation = Self(
    .mixedIndentation, "indentation mixes tabs and spaces", hint: "indent with spaces only")

  // MARK: Words out of place

  /// `unknown statement 'rul'` (did you mean …): also the shell's, for another shell's
  /// habit typed at its prompt (`\q`, `.mode csv`).
  public static func unknownStatement(_ word: String, hint: String?) -> Self {
    Self(.unknownStatement, "unknown statement '\(word)'", hint: hint)
  }

  /// `'when' must follow a 'rule' line`.
  static func mustFollow(_ word: String, _ what: String, hint: String? = nil) -> Self {
    Self(.misplacedLine, "'\(word)' must follow \(what)", hint: hint)
  }

  static let expectOutsideTest = Self(
    .misplacedLine, "'expect' must be inside a 'test' block", hint: "start the block with: test \"name\"")

  static func unknownWord(_ word: String, hint: String?) -> Self {
    Self(.unknownWord, "unknown word '\(word)'", hint: hint)
  }

  static func unknownLoadClause(_ word: String, hint: String?) -> Self {
    Self(.unknownWord, "unknown load clause '\(word)'", hint: hint)
  }

  /// `unknown test line 'x'`: a line inside a block that starts with none of its words.
  static func unknownBlockLine(_ block: String, _ word: String, hint: String?) -> Self {
    Self(.unknownWord, "unknown \(block) line '\(word)'", hint: hint)
  }

  static func unknownPhrase(_ word: String, hint: String?) -> Self {
    Self(.unknownPhrase, "unknown phrase '\(word)'", hint: hint)
  }

  static func unknownColumnType(_ type: String, hint: String) -> Self {
    Self(.unknownType, "unknown column type '\(type)'", hint: hint)
  }

  static func unknownExportFormat(_ name: String, hint: String) -> Self {
    Self(.unknownFormat, "unknown export format '\(name)'", hint: hint)
  }

  /// `unknown delimiter 'x'` (unknownDelimiter).
  static func unknownDelimiter(_ text: String) -> Self {
    Self(
      .unknownDelimiter, "unknown delimiter '\(text)'",
      hint: "delimiters are \",\" \";\" \"|\" and tab (delimiter tab or delimiter \"\\t\")")
  }

  /// `unknown encoding 'x'` (unknownEncoding).
  static func unknownEncoding(_ name: String, hint: String) -> Self {
    Self(.unknownEncoding, "unknown encoding '\(name)'", hint: hint)
  }

  /// `'25:00' is not a time of day` (invalidToken).
  static func badClockTime(_ spelling: String) -> Self {
    Self(.invalidToken, "'\(spelling)' is not a time of day", hint: "write hours 00–23 and minutes 00–59, e.g. 21:00")
  }

  static func duplicateClause(_ clause: String) -> Self {
    Self(.duplicateClause, "duplicate '\(clause)' clause")
  }

  // MARK: Expressions

  /// `'=<' is not a comparison` (`spelling` is `=<`), or a lone `=`; `fix` is what
  /// was meant (`<=`, `==`).
  static func notAComparison(_ spelling: String, fix: String, hint: String) -> Self {
    Self(.invalidComparison, "'\(spelling)' is not a comparison", hint: hint, replacement: fix)
  }

  static let chainedComparison = Self(
    .invalidComparison, "comparisons cannot be chained", hint: "join them with 'and'")

  /// `unterminated list`, closed with `close`.
  static func unclosed(_ what: String, close: String) -> Self {
    Self(.unclosedBracket, "unterminated \(what)", hint: "close it with '\(close)'")
  }

  static func nestingTooDeep(limit: Int) -> Self {
    Self(
      .nestingTooDeep, "expression is nested too deeply",
      hint: "split it into segments or defines of at most \(limit) levels")
  }
}

// MARK: Message templates

extension DiagnosticMessage {
  /// A message template's tags do not read: an unclosed `{{`, an unknown `{% tag %}`.
  static func templateSyntax(_ problem: String, hint: String? = nil) -> Self {
    Self(.templateSyntax, problem, hint: hint)
  }
}
