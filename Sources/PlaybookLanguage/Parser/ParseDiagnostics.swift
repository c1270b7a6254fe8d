/// A syntax error on its way up to the line that recovers from it.
struct ParseFailure: Error {
  var diagnostic: Diagnostic
}

extension Parser {
  /// A `parse_error` at `range`.
  func failure(_ message: String, at range: SourceRange, hint: String? = nil) -> ParseFailure {
    ParseFailure(
      diagnostic: Diagnostic(code: "parse_error", message: message, file: source.path, range: range, hint: hint))
  }

  /// "expected X, found Y" at the current token, or the lexer's own complaint when the
  /// current token is text it could not read (an unterminated string, a bad duration).
  func unexpected(expected: String, hint: String? = nil) -> ParseFailure {
    if let problem = current.problem {
      return failure(problem.message, at: current.range, hint: problem.hint)
    }
    return failure("expected \(expected), found \(Parser.describe(current))", at: current.range, hint: hint)
  }

  /// "did you mean 'x'?" for the nearest of `candidates`, if any is near.
  static func didYouMean(_ word: String, in candidates: [String]) -> String? {
    NearNames.closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
  }

  /// How a token reads in a message: `'withn'`, `string "x"`, `end of line`.
  static func describe(_ token: Token) -> String {
    switch token.kind {
    case .word, .symbol, .invalid: "'\(token.text)'"
    case .number: "number \(token.text)"
    case .duration: "duration \(token.text)"
    case .timestamp: "timestamp \(token.text)"
    case .percent: "percent \(token.text)"
    case .string: "string \(token.text)"
    case .newline: "end of line"
    case .end: "end of file"
    }
  }
}
