import Testing

@testable import PlaybookLanguage

@Suite struct DiagnosticRendererTests {
  private func render(_ text: String, path: String = "<shell>", color: Bool = false) -> String {
    let (_, diagnostics) = PlaybookParser.parse(SourceFile(path: path, text: text))
    return DiagnosticRenderer(sources: [path: text], color: color).render(diagnostics)
  }

  @Test func rendersTheBriefsExampleExactly() {
    let text = "rule quick_fix_thanks priority 5\n  when complaint resolved withn 4h\n"
    #expect(
      render(text) == """
        <shell>:2:27: error: unknown phrase 'withn'
          2 |   when complaint resolved withn 4h
            |                           ^~~~~ did you mean 'within'?

        """)
  }

  @Test func wideLineNumbersWidenTheGutter() {
    let text = String(repeating: "\n", count: 11) + "window 4x"
    #expect(
      render(text, path: "Playbooks/x.playbook") == """
        Playbooks/x.playbook:12:8: error: bad duration '4x'
          12 | window 4x
             |        ^~ use a number and a unit (w, d, h, m, s): 30m, 4h, 2d, 1w, or sums like 1d12h

        """)
  }

  @Test func tabsAreExpandedInTheLineAndTheCaret() {
    let text = "rule r\n\twhen ticket resolved withn\n"
    let caret = "    | " + String(repeating: " ", count: 25) + "^~~~~ did you mean 'within'?"
    #expect(
      render(text) == "<shell>:2:23: error: unknown phrase 'withn'\n  2 |     when ticket resolved withn\n\(caret)\n")
  }

  @Test func nonASCIITextKeepsTheCaretUnderTheWord() {
    let rendered = render("segment café = customer.näme == \"é\" withn")
    #expect(
      rendered.contains(
        "  1 | segment café = customer.näme == \"é\" withn\n    |                                     ^~~~~"))
  }

  @Test func byteOrderMarkIsIgnored() {
    #expect(
      render("\u{FEFF}window 4x\r\n").hasPrefix(
        "<shell>:1:8: error: bad duration '4x'\n  1 | window 4x\n    |        ^~ "))
  }

  @Test func wideCharactersTakeTwoCells() {
    let rendered = render("offer A \"🎉 日本\" vaild 3d")
    // 🎉, 日 and 本 take two cells each, so `vaild` starts 18 cells in.
    let caret = "    | " + String(repeating: " ", count: 18) + "^~~~~ did you mean 'valid'?"
    #expect(rendered.contains("  1 | offer A \"🎉 日本\" vaild 3d\n" + caret))
  }

  @Test func diagnosticWithoutRangeOrSourceText() {
    let renderer = DiagnosticRenderer(sources: [:])
    let noRange = Diagnostic(
      DiagnosticMessage(.unreadableFile, "cannot read file", hint: "check the path"), file: "x.playbook")
    #expect(renderer.render(noRange) == "x.playbook: error: cannot read file\n  hint: check the path")
    let at = SourceLocation(offset: 0, line: 12, column: 3)
    let dataRow = Diagnostic(
      DiagnosticMessage(.loadBadKey, "duplicate customer key 'C-1'"), file: "customers.csv",
      range: SourceRange(start: at, end: at))
    #expect(renderer.render(dataRow) == "customers.csv:12: error: duplicate customer key 'C-1'")
  }

  @Test func rangeOverSeveralLinesUnderlinesToTheLineEnd() {
    let text = "abc def\nghi"
    let range = SourceRange(
      start: SourceLocation(offset: 4, line: 1, column: 5), end: SourceLocation(offset: 11, line: 2, column: 4))
    let d = Diagnostic(DiagnosticMessage(.typeError, "here"), file: "f", range: range)
    #expect(DiagnosticRenderer(sources: ["f": text]).render(d) == "f:1:5: error: here\n  1 | abc def\n    |     ^~~")
  }

  @Test func caretAtTheEndOfTheFile() {
    #expect(
      render("limit 1 per")
        == "<shell>:1:12: error: expected 'customer', found end of line\n  1 | limit 1 per\n    |            ^ write: limit 1 per customer\n"
    )
  }

  @Test func colourOnlyWhenAsked() {
    let text = "window 4x"
    #expect(!render(text).contains("\u{1B}["))
    let coloured = render(text, color: true)
    #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;32m^~\u{1B}[0m"))
  }

  @Test func colourDecision() {
    #expect(DiagnosticRenderer.usesColor(isTerminal: true, environment: ["TERM": "xterm-256color"]))
    #expect(!DiagnosticRenderer.usesColor(isTerminal: false, environment: ["TERM": "xterm-256color"]))
    #expect(!DiagnosticRenderer.usesColor(isTerminal: true, environment: ["TERM": "dumb"]))
    #expect(!DiagnosticRenderer.usesColor(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
    #expect(!DiagnosticRenderer.usesColor(isTerminal: true, environment: ["NO_COLOR": ""]))
  }

  @Test func controlCharactersAreShownEscaped() {
    let message = Diagnostic(
      .unknownCustomer("\u{1B}[31mC-1\u{9B}", suggestions: []), file: "da\u{7}ta.csv", range: nil)
    let text = DiagnosticRenderer(sources: [:]).render(message)
    #expect(text == "da\\u{7}ta.csv: error: no customer '\\u{1B}[31mC-1\\u{9B}'")
    #expect("line\n\ttab \u{7F}".escapingControlCharacters == "line\n\ttab \\u{7F}")
    // In a shown line, the caret stays under the range after an escaped character.
    let line = "rule r\u{1B} priority 5\n"
    #expect(render(line).contains("  1 | rule r\\u{1B} priority 5\n"))
  }

  @Test func manyDiagnosticsAreCappedWithACount() {
    let diagnostics =
      (1...25).map { Diagnostic(.unknownCustomer("C-\($0)", suggestions: []), file: nil) }
      + [Diagnostic(.rowSetAside("bad"), file: "x.csv", range: .line(2))]
    let text = DiagnosticRenderer(sources: [:]).render(diagnostics, limit: 20)
    #expect(text.split(separator: "\n").count == 21)
    #expect(text.hasSuffix("error: no customer 'C-20'\n… and 5 more errors, 1 more warning\n"))
    #expect(
      DiagnosticRenderer(sources: [:]).render(Array(diagnostics.prefix(3)), limit: 20).split(separator: "\n").count == 3
    )
  }
}
