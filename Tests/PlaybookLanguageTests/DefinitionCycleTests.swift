import Testing

@testable import PlaybookLanguage

/// Segments and defines that use themselves, directly or through others, are one error
/// naming the circle, and never become a checked playbook (the compiler would recurse
/// without end).
@Suite struct DefinitionCycleTests {
  /// The diagnostics of the header plus `body`, and whether a checked playbook was made.
  func check(_ body: String) throws -> (diagnostics: [Diagnostic], checked: Bool) {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + body)
    try #require(syntax.isEmpty, "\(syntax.map(\.message))")
    let (checked, diagnostics) = PlaybookChecker.check(
      playbook, file: "t.playbook", schema: CheckerDiagnosticsTests.schema)
    return (diagnostics, checked != nil)
  }

  /// `body`'s line `n` as a line of the whole playbook.
  func line(_ n: Int) -> Int { CheckerDiagnosticsTests.headerLines + n }

  @Test func twoSegmentsUsingEachOtherAreOneErrorWithANote() throws {
    let (diagnostics, checked) = try check(
      """
      segment gold = customer in silver
      segment silver = customer in gold
      """)
    #expect(!checked)
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.code == .definitionCycle)
    #expect(d.severity == .error)
    #expect(d.message == "segment 'gold' is defined in terms of itself: gold → silver → gold")
    #expect(d.range?.start.line == line(1))
    #expect(d.range?.start.column == 28)
    #expect(d.notes.map(\.message) == ["'silver' uses 'gold' here"])
    #expect(d.notes.map { $0.range?.start.line } == [line(2)])
    #expect(d.notes.map { $0.range?.start.column } == [30])
  }

  @Test func aSegmentNamingItselfIsACycle() throws {
    let (diagnostics, checked) = try check("segment gold = customer.tier == \"gold\" or customer in gold")
    #expect(!checked)
    #expect(diagnostics.map(\.message) == ["segment 'gold' is defined in terms of itself: gold → gold"])
    #expect(diagnostics.first?.notes.isEmpty == true)
  }

  @Test func theDeclarationsAloneFindIt() throws {
    let (playbook, _) = parse(
      CheckerDiagnosticsTests.header + "segment gold = customer in silver\nsegment silver = not customer in gold\n")
    let (model, diagnostics) = PlaybookChecker.declarations(of: playbook, file: "t.playbook")
    #expect(diagnostics.map(\.code) == [.definitionCycle])
    #expect(model.hasDeclarationErrors)
  }

  @Test func aKnotOfSeveralCirclesIsReportedOnce() throws {
    let (diagnostics, checked) = try check(
      """
      segment a = customer in b or customer in c
      segment b = customer in a
      segment c = customer in b
      segment d = customer in a
      """)
    #expect(!checked)
    #expect(diagnostics.map(\.message) == ["segment 'a' is defined in terms of itself: a → b → a"])
  }

  @Test func segmentsSharingADependencyAreNoCycle() throws {
    let (diagnostics, checked) = try check(
      """
      segment gold = customer.tier == "gold"
      segment big = customer in gold and customer.lifetime_value > 10
      segment either = customer in gold or customer in big
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(checked)
  }

  @Test func definesUsingEachOtherAreOneError() throws {
    let (diagnostics, checked) = try check(
      """
      define sad = angry where angry.csat <= 2
      define angry = sad where sad.csat <= 1
      define sadder = sad where sad.csat == 0
      rule r
        when sadder.csat == 0
        send THANKS10 via email
      """)
    #expect(!checked)
    // No follow-on `unknown row` for the two defines or the one built on them.
    #expect(diagnostics.map(\.code) == [.definitionCycle])
    let d = try #require(diagnostics.first)
    #expect(d.message == "row 'sad' is defined in terms of itself: sad → angry → sad")
    #expect(d.range?.start.line == line(1))
    #expect(d.notes.map { $0.range?.start.line } == [line(2)])
  }

  @Test func aDefineOverItselfIsACycle() throws {
    let (diagnostics, checked) = try check("define sad = sad where sad.csat <= 2")
    #expect(!checked)
    #expect(diagnostics.map(\.message) == ["row 'sad' is defined in terms of itself: sad → sad"])
  }

  @Test func aSegmentAndADefineUsingEachOtherAreACycle() throws {
    let (diagnostics, checked) = try check(
      """
      segment upset = count(grumble) > 0
      define grumble = complaint where customer in upset
      """)
    #expect(!checked)
    #expect(diagnostics.map(\.message) == ["segment 'upset' is defined in terms of itself: upset → grumble → upset"])
  }

  @Test func aDefineOnAnUnknownRowIsReportedOnceNotAtEachDefineBuiltOnIt() throws {
    let (diagnostics, _) = try check(
      """
      define sadder = sad where sad.csat == 0
      define sad = tickt where tickt.csat <= 2
      define saddest = sadder where sadder.csat == 0
      """)
    #expect(diagnostics.map(\.message) == ["unknown row 'tickt'"])
  }
}
