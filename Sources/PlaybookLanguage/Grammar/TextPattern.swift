/// The regular expressions `matches "PATTERN"` takes: Swift's `Regex` syntax, compared
/// case-insensitively, found anywhere in the text unless anchored with `^` / `$`. The
/// parser checks a pattern with `problem(in:spelling:at:)` and the engine compiles it
/// once per plan with `compile`, so both read it the same way.
public enum TextPattern {
  /// The pattern compiled, ignoring case.
  public static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
    try Regex(pattern).ignoresCase()
  }

  /// Why `pattern` is no regular expression, and where in its string literal: nil when
  /// it compiles. `spelling` is the literal as written (quotes and escapes included) and
  /// `range` where it stands. The regex parser names no position, so the caret goes
  /// under the last character of the shortest start of the pattern that fails the same
  /// way: the unclosed `(` of `a(b`, the second `*` of `a**`.
  static func problem(
    in pattern: String, spelling: String, at range: SourceRange
  ) -> (message: String, range: SourceRange)? {
    let whole: String
    do {
      _ = try compile(pattern)
      return nil
    } catch {
      whole = "\(error)"
    }
    let characters = Array(pattern)
    var failing = characters.count
    // One compile per start of the pattern: bounded, as a pattern may be long.
    for length in 1..<max(min(characters.count, 500), 1) {
      do {
        _ = try compile(String(characters[..<length]))
      } catch  where "\(error)" == whole {
        failing = length
        break
      } catch {}
    }
    let bytes = String(characters[..<max(failing - 1, 0)]).utf8.count
    let character = sourceCharacter(ofValueByte: bytes, in: spelling)
    let start = SourceLocation(
      offset: range.start.offset + character.offset, line: range.start.line,
      column: range.start.column + character.column)
    let end = SourceLocation(offset: start.offset + character.length, line: start.line, column: start.column + 1)
    return (whole, SourceRange(start: start, end: end))
  }

  /// Where the value's byte `target` stands in the literal `spelling` (after the opening
  /// quote): its byte offset and character column from the quote, and its length in
  /// bytes. An escape (`\\`, `\"`) is two source characters for one value byte.
  private static func sourceCharacter(
    ofValueByte target: Int, in spelling: String
  ) -> (offset: Int, column: Int, length: Int) {
    let source = Array(spelling.utf8)
    var value = 0
    var i = 1
    var column = 1
    while i < source.count - 1, value < target {
      let escaped = source[i] == UInt8(ascii: "\\") && i + 1 < source.count - 1
      let resolvesToOne =
        escaped
        && [UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "\""), UInt8(ascii: "\\")]
          .contains(source[i + 1])
      let width = escaped ? 2 : Lexer.scalarLength(source[i])
      value += resolvesToOne ? 1 : width
      i += width
      column += escaped ? 2 : 1
    }
    let length = i < source.count - 1 ? (source[i] == UInt8(ascii: "\\") ? 2 : Lexer.scalarLength(source[i])) : 1
    return (i, column, length)
  }

}
