import Testing

@testable import PlaybookLanguage

/// `holdout N% seed "…"` and the ledger-related checks of the policy statements.
@Suite struct ControlGroupTests {
  @Test func aSeedParsesFormatsAndRoundTrips() throws {
    let text = "holdout   5%   seed \"recovery-2026\"\n"
    #expect(astDump(text) == "(holdout 5% (seed \"recovery-2026\"))")
    #expect(format(text) == "holdout 5% seed \"recovery-2026\"\n")
    #expect(astDump(format(text)) == astDump(text))
    #expect(astDump("holdout 5%") == "(holdout 5%)")
    let (playbook, _) = parse("playbook \"P\"\nholdout 2.5% seed \"s\"")
    let model = PlaybookChecker.declarations(of: playbook, file: "x").0
    #expect(model.holdoutPercent == 2.5 && model.holdoutSeed?.value == "s")
  }

  @Test func aSeedMustBeQuoted() {
    let (_, diagnostics) = parse("holdout 5% seed recovery")
    #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("the seed in quotes") })
  }

  /// With a ledger, a limit without a period is a warning whose fix-it is the line with one.
  @Test func aPerRunLimitWithALedgerIsWarned() throws {
    let (playbook, _) = parse("ledger \"x.ledger\"\nlimit 1 per customer\n")
    let diagnostics = PlaybookChecker.declarations(of: playbook, file: "x").1
    let warning = try #require(diagnostics.first { $0.code == .limitPerRun })
    #expect(warning.severity == .warning && warning.range?.start.line == 2)
    #expect(warning.fixIts.map(\.replacement) == ["limit 1 per customer per 7d"])
    for quiet in ["ledger \"x.ledger\"\nlimit 1 per customer per 1d\n", "limit 1 per customer\n"] {
      let (other, _) = parse(quiet)
      #expect(!PlaybookChecker.declarations(of: other, file: "x").1.contains { $0.code == .limitPerRun })
    }
  }
}
