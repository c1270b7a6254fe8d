import Testing

@testable import PlaybookLanguage

/// `send A 70% or B 30% via …`: parsing, the checks on a split's shares (with their caret),
/// and `fmt`.
@Suite struct VariantSyntaxTests {
  static let offers = """
    offer THANKS15 "y" valid 30d
    offer THANKS20 "z" valid 30d

    """

  /// The diagnostics of `rule` after the checker tests' header and two more offers,
  /// rendered with their source lines and carets.
  func rendered(_ rule: String) -> String {
    let text = CheckerDiagnosticsTests.header + Self.offers + rule
    let (playbook, syntax) = parse(text, path: "t.playbook")
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "t.playbook", schema: CheckerDiagnosticsTests.schema)
    return DiagnosticRenderer(sources: ["t.playbook": text]).render(syntax + diagnostics)
  }

  @Test func aWeightedSplitParsesIntoVariants() throws {
    let (playbook, diagnostics) = parse(
      "rule r\n  when customer in vip\n  send THANKS10 70% or THANKS15 30% via email after 1d")
    #expect(diagnostics.isEmpty)
    guard case .rule(let rule)? = playbook.statements.first?.kind else {
      Issue.record("not a rule")
      return
    }
    let send = try #require(rule.sends.first)
    #expect(send.variants.map(\.offer.text) == ["THANKS10", "THANKS15"])
    #expect(send.variants.map { $0.weight?.value } == [70, 30])
    #expect(send.isSplit)
    #expect(send.after?.spelling == "1d")
    #expect(
      astDump("rule r\n  when customer in vip\n  send A or B or C via email, sms")
        == "(rule r (when (in customer vip)) (send A or B or C (via email sms)))")
  }

  @Test func oneOfferIsNoSplit() throws {
    let (playbook, _) = parse("rule r\n  when customer in vip\n  send THANKS10 via email")
    guard case .rule(let rule)? = playbook.statements.first?.kind else {
      Issue.record("not a rule")
      return
    }
    #expect(rule.sends.first?.isSplit == false)
    #expect(rule.sends.first?.variants.first?.weight == nil)
  }

  @Test func sharesThatDoNotAddUpTo100ArePointedAt() {
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 70% or THANKS15 20% via email") == """
        t.playbook:13:17: error: the split's shares add up to 90%, not 100%
          13 |   send THANKS10 70% or THANKS15 20% via email
             |                 ^~~~~~~~~~~~~~~~~~~ give the offers shares that add up to 100%, or no shares to split evenly

        """)
  }

  @Test func anOfferWithoutAShareIsGivenTheShareLeft() {
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 60% or THANKS15 via email") == """
        t.playbook:13:24: error: offer 'THANKS15' has no share in a split that gives shares
          13 |   send THANKS10 60% or THANKS15 via email
             |                        ^~~~~~~~ give every offer of the split a share (e.g. THANKS15 40%), or none to split evenly

        """)
  }

  @Test func aZeroShareAndARepeatedOfferAreErrors() {
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 0% or THANKS15 100% via email").hasPrefix(
        "t.playbook:13:17: error: a split's share must be more than 0%, not 0%"))
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 or THANKS10 via email").hasPrefix(
        "t.playbook:13:20: error: offer 'THANKS10' is in the split twice"))
  }

  @Test func anUnknownOfferInASplitGetsADidYouMean() {
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 50% or THANKS51 50% via email") == """
        t.playbook:13:24: error: unknown offer 'THANKS51'
          13 |   send THANKS10 50% or THANKS51 50% via email
             |                        ^~~~~~~~ did you mean 'THANKS15'?

        """)
  }

  @Test func sharesInHundredthsAndEvenSplitsCheckClean() {
    #expect(
      rendered("rule r\n  when customer in vip\n  send THANKS10 33.34% or THANKS15 33.33% or THANKS20 33.33% via email")
        == "")
    #expect(rendered("rule r\n  when customer in vip\n  send THANKS10 or THANKS15 or THANKS20 via email") == "")
  }

  @Test func aMissingViaSuggestsTheLineWithItsShares() {
    let (_, diagnostics) = parse("rule r\n  when customer in vip\n  send A 70% or B 30% email")
    #expect(diagnostics.first?.message == "expected 'via' and a channel, found 'email'")
    #expect(diagnostics.first?.hint == "write: send A 70% or B 30% via email")
  }

  @Test func formatKeepsTheSplitAndIsStable() {
    let messy = "rule r\n    when customer in vip\n  send   THANKS10   70%  or THANKS15 30%   via email,sms after 1d\n"
    let formatted = format(messy)
    #expect(
      formatted == "rule r\n  when customer in vip\n  send THANKS10 70% or THANKS15 30% via email, sms after 1d\n")
    #expect(format(formatted) == formatted)
    #expect(astDump(formatted) == astDump(messy))
  }
}
