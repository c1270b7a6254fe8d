import PlaybookLanguage
import Testing

/// A rule typed on one line (`--what-if`, `:explain … with`) is laid out as the grammar wants it.
@Suite struct OneLineRuleTests {
  @Test func eachClauseGetsItsOwnLine() {
    #expect(
      OneLineRule.laidOut(
        #"rule x priority 1 when call.transcript contains "send when" unless customer in vip send A via sms"#)
        == "rule x priority 1\n  when call.transcript contains \"send when\"\n  unless customer in vip\n  send A via sms"
    )
  }

  @Test func otherStatementsAndLaidOutRulesStayAsTheyAre() {
    let laidOut = "rule x\n  when complaint resolved\n  send A via email"
    #expect(OneLineRule.laidOut(laidOut) == laidOut)
    #expect(OneLineRule.laidOut("limit 2 per customer per 7d") == "limit 2 per customer per 7d")
    #expect(
      OneLineRule.laidOut("segment when = customer.tier == \"gold\"") == "segment when = customer.tier == \"gold\"")
  }
}
