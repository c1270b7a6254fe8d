import PlaybookLanguage
import Testing

@testable import PlaybookShell

/// Lines that start no statement, read for other shells' habits before the parser.
@Suite struct StrayLineTests {
  func hint(_ line: String) -> String? {
    guard case .habit(let message) = StrayLine.read(line) else { return nil }
    return message.hint
  }

  @Test(arguments: ["exit", "quit", "EXIT", "  quit  "])
  func exitAndQuitAloneLeave(_ line: String) {
    #expect(StrayLine.read(line) == .leave)
  }

  @Test(arguments: [
    ("\\q", "shell commands start with ':': did you mean ':quit'?"),
    (".quit", "shell commands start with ':': did you mean ':quit'?"),
    ("q", "shell commands start with ':': did you mean ':quit'?"),
    ("help", "shell commands start with ':': did you mean ':help'?"),
    ("help rule", "shell commands start with ':': did you mean ':help rule'?"),
    ("\\?", "shell commands start with ':': did you mean ':help'?"),
    (".mode csv", "shell commands start with ':': did you mean ':mode csv'?"),
    (".timer on", "timings are always shown"),
    ("\\timing", "timings are always shown"),
    (".tables", "shell commands start with ':': did you mean ':describe'?"),
    ("\\i session.txt", "shell commands start with ':': did you mean ':load session.txt'?"),
    (".expl C-1", "shell commands start with ':': did you mean ':explain C-1'?"),
    ("\\rules", "shell commands start with ':': did you mean ':rules'?"),
    ("run", "shell commands start with ':': did you mean ':run'?"),
    ("show vip", "shell commands start with ':': did you mean ':show vip'?"),
    (".frobnicate", "shell commands start with ':'; type :help for the list"),
    ("exti", "did you mean ':quit'?"),
    ("quit 1", "shell commands start with ':': did you mean ':quit 1'?"),
    ("rnu", "did you mean ':run'?"),
  ])
  func habitsNameTheShellsCommand(_ line: String, _ expected: String) {
    #expect(hint(line) == expected)
  }

  /// A misspelt statement word, `exit` with more on the line, or a clause out of place
  /// (`quiet` is near `quit`, but no channel above it is what is wrong) is the parser's to report.
  @Test(arguments: ["segmnt vip = x", "rul x", "exit now", "xyz", "  quiet 21:00-08:00", "days mon-fri"])
  func otherLinesAreTheParsers(_ line: String) {
    #expect(StrayLine.read(line) == nil)
  }
}
