import Testing

@testable import PlaybookLanguage

/// A data file passed as a playbook makes an error of every line: the parser stops
/// after `PlaybookParser.maxErrors` of them and says so, and the renderer keeps that
/// last word in view.
@Suite struct ErrorLimitTests {
  @Test func aLargeGarbageInputStopsAtTheErrorLimit() throws {
    let lines = 50_000
    let text = (1...lines).map { "T-\($0),C-\($0 % 97),question,chat,\"Where is order #\($0)?\"\n" }.joined()
    let (playbook, diagnostics) = parse(text, path: "tickets.csv")
    #expect(playbook.statements.isEmpty)
    #expect(diagnostics.count == PlaybookParser.maxErrors + 1)
    #expect(diagnostics.dropLast().allSatisfy { $0.code == .unknownStatement })
    let last = try #require(diagnostics.last)
    #expect(last.code == .tooManyErrors)
    #expect(last.message == "too many syntax errors (1000); stopping here")
    // Reading stopped at the line past the last error reported.
    #expect(last.range?.start.line == PlaybookParser.maxErrors + 1)
  }

  @Test func errorsUpToTheLimitAreAllReported() {
    let text = String(repeating: "bogus line\n", count: PlaybookParser.maxErrors)
    let (_, diagnostics) = parse(text)
    #expect(diagnostics.count == PlaybookParser.maxErrors)
    #expect(!diagnostics.contains { $0.code == .tooManyErrors })
  }

  @Test func theStoppingDiagnosticIsShownAfterTheCount() throws {
    let text = String(repeating: "bogus line\n", count: PlaybookParser.maxErrors + 5)
    let (_, diagnostics) = parse(text, path: "x.playbook")
    let shown = DiagnosticRenderer(sources: [:]).render(diagnostics, limit: 20)
    let lines = shown.split(separator: "\n")
    #expect(lines.count == 23)
    #expect(lines[20] == "… and 980 more errors")
    #expect(lines[21] == "x.playbook:1001: error: too many syntax errors (1000); stopping here")
    #expect(lines[22] == "  hint: is this a playbook? fix the first errors and check again")
  }
}
