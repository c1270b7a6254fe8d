import Testing

@testable import PlaybookLanguage

/// One error, one message: a root cause is reported once, not at every place it shows.
@Suite struct CascadeTests {
  func check(_ body: String) -> [Diagnostic] {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + body)
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    let (_, diagnostics) = PlaybookChecker.check(
      playbook, file: "test.playbook", schema: CheckerDiagnosticsTests.schema)
    return Diagnostic.collapsingRepeats(diagnostics)
  }

  @Test func aMisspeltOfferIsReportedOnceWithItsOtherUses() throws {
    let diagnostics = check(
      """
      rule a
        when complaint resolved within 4h
        send THANKS1 via email
      rule b
        when complaint.csat == 5
        send THANKS1 via email
      test "t"
        expect customer C-1 gets THANKS1

      """)
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.code == .unknownOffer)
    #expect(d.hint == "did you mean 'THANKS10'?")
    #expect(d.notes.map(\.message) == ["also here", "also here"])
    #expect(
      d.notes.map { $0.range?.start.line } == [
        CheckerDiagnosticsTests.headerLines + 6, CheckerDiagnosticsTests.headerLines + 8,
      ])
  }

  @Test func aSegmentUsedSeveralTimesUnderAnotherNameIsOneError() {
    let diagnostics = check(
      """
      rule a
        when complaint.csat == 5 and customer in vipp
        unless customer in vipp
        send THANKS10 via email

      """)
    #expect(diagnostics.map(\.code) == [.unknownSegment])
    #expect(diagnostics.first?.notes.count == 1)
  }

  @Test func differentUnknownNamesStaySeparate() {
    let diagnostics = check(
      """
      rule a
        when complaint.csat == 5
        send THANKS1 via email
      rule b
        when complaint.csat == 5
        send THANKS2 via email

      """)
    #expect(diagnostics.map(\.code) == [.unknownOffer, .unknownOffer])
    #expect(diagnostics.allSatisfy { $0.notes.isEmpty })
  }

  @Test func aMissingMappedColumnIsReportedOnTheLoadOnly() {
    var schema = CheckerDiagnosticsTests.schema
    schema.tables["calls"]?.removeAll { $0.name == "started_at" }
    let (playbook, _) = parse(
      CheckerDiagnosticsTests.header
        + """
        rule a
          when call.minutes > 5 and count(call in last 30d) > 2
          send THANKS10 via email
        rule b
          when count(call in last 7d) > 1
          send THANKS10 via email

        """)
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "test.playbook", schema: schema)
    #expect(diagnostics.map(\.code) == [.unknownColumn])
    #expect(diagnostics.first?.range?.start.line == 4)
  }

  @Test func aRuleWhoseConditionDoesNotParseIsOneError() {
    let (_, diagnostics) = parse(
      CheckerDiagnosticsTests.header
        + """
        rule a
          when complaint.csat >= >= 4 and complaint resolved within 4h
          and customer in vip
          send THANKS10 via email

        """)
    #expect(diagnostics.map(\.message) == ["expected an expression, found '>='"])
  }
}
