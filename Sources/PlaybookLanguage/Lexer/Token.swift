/// One lexical token of a playbook. Keywords are plain words; the parser decides by
/// position what a word means, so field and table names never clash with keywords.
struct Token: Sendable {
  enum Kind: Equatable, Sendable {
    /// A name or keyword: letters, digits, `_` and any non-ASCII letter.
    case word
    case number
    /// `30m`, `1d12h`; `seconds` holds the value.
    case duration
    /// `2026-11-01`, `2026-11-01T09:30:00Z`; `seconds` holds the instant.
    case timestamp
    /// `5%`; `number` holds the value before the `%`.
    case percent
    /// `21:00`, a time of day; `seconds` holds the minutes since midnight times 60.
    case clockTime
    /// `"…"`; `value` holds the text with escapes resolved.
    case string
    /// Punctuation and operators: `( ) [ ] , . = == != < <= > >= + - * /`.
    case symbol
    /// The end of a line that holds at least one token.
    case newline
    case end
    /// Text the lexer could not read; `problem` says why. The parser reports it when
    /// it reaches it, so one bad token yields one diagnostic at the right place.
    case invalid
  }

  var kind: Kind
  /// The source spelling.
  var text: String
  var range: SourceRange
  var value = ""
  var number = 0.0
  var seconds: Int64 = 0
  var problem: DiagnosticMessage?
  /// A whitespace-only line sits between this token's line and the previous token's.
  var blankLineBefore = false

  init(_ kind: Kind, text: String, range: SourceRange) {
    self.kind = kind
    self.text = text
    self.range = range
  }

  /// For a line's first token: the line is indented.
  var isIndented: Bool { range.start.column > 1 }

  func isWord(_ word: String) -> Bool { kind == .word && text == word }
  func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}
