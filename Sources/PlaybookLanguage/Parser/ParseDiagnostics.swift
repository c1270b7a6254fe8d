/// A syntax error on its way up to the line that recovers from it.
struct ParseFailure: Error {
  var diagnostic: Diagnostic
}

extension Parser {
  /// The catalogue's `message` at `range`.
  func failure(_ message: DiagnosticMessage, at range: SourceRange) -> ParseFailure {
    ParseFailure(diagnostic: Diagnostic(message, file: source.path, range: range))
  }

  /// "expected X, found Y" at the current token, or the lexer's own complaint when the
  /// current token is text it could not read (an unterminated string, a bad duration).
  func unexpected(expected: String, hint: String? = nil) -> ParseFailure {
    if let problem = current.problem {
      return failure(problem, at: current.range)
    }
    return failure(.expected(expected, found: Parser.describe(current), hint: hint), at: current.range)
  }

  /// How a token reads in a message: `'withn'`, `string "x"`, `end of line`.
  static func describe(_ token: Token) -> String {
    switch token.kind {
    case .word, .symbol, .invalid: "'\(token.text)'"
    case .number: "number \(token.text)"
    case .duration: "duration \(token.text)"
    case .timestamp: "timestamp \(token.text)"
    case .percent: "percent \(token.text)"
    case .clockTime: "time \(token.text)"
    case .string: "string \(token.text)"
    case .newline: "end of line"
    case .end: "end of file"
    }
  }
}
