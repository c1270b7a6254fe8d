import Testing

@testable import PlaybookLedger

@Suite struct LedgerHistoryTests {
  private func send(
    _ rule: String, _ customer: String, _ offer: String, trigger: String?, at sendAt: Int64, run: Int64 = 1
  ) -> LedgerSend {
    LedgerSend(
      runID: "\(run)-x", clock: 0, rule: rule, offer: offer, customerID: customer, triggerID: trigger,
      channel: "email", sendAt: sendAt, expiresAt: sendAt + 100, runSeq: run)
  }

  @Test func triggerRulesAreSentOncePerTrigger() {
    let history = LedgerHistory([send("apology", "C-1", "SORRY", trigger: "T-1", at: 0)]) { _ in true }
    #expect(history.alreadySent(rule: "apology", triggerID: "T-1", customerID: "C-1", offer: "SORRY"))
    // The trigger was answered, whatever the offer.
    #expect(history.alreadySent(rule: "apology", triggerID: "T-1", customerID: "C-1", offer: "OTHER"))
    #expect(!history.alreadySent(rule: "apology", triggerID: "T-2", customerID: "C-1", offer: "SORRY"))
    #expect(!history.alreadySent(rule: "thanks", triggerID: "T-1", customerID: "C-1", offer: "SORRY"))
  }

  @Test func customerRulesAreSentOncePerCustomerAndOffer() {
    let history = LedgerHistory([send("greet", "C-1", "HELLO", trigger: nil, at: 0)]) { _ in true }
    #expect(history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-1", offer: "HELLO"))
    #expect(!history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-1", offer: "OTHER"))
    #expect(!history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-2", offer: "HELLO"))
    #expect(!history.alreadySent(rule: "welcome", triggerID: nil, customerID: "C-1", offer: "HELLO"))
  }

  @Test func sentCountIncludesItsStartAndLaterSends() {
    let history = LedgerHistory(
      [
        send("a", "C-1", "X", trigger: "T-1", at: 100),
        send("a", "C-1", "X", trigger: "T-2", at: 300),
        send("a", "C-1", "X", trigger: "T-3", at: 200),
        send("a", "C-2", "X", trigger: "T-4", at: 500),
      ]
    ) { _ in true }
    #expect(history.sentCount(customerID: "C-1", since: 0) == 3)
    #expect(history.sentCount(customerID: "C-1", since: 200) == 2)
    #expect(history.sentCount(customerID: "C-1", since: 201) == 1)
    #expect(history.sentCount(customerID: "C-1", since: 301) == 0)
    #expect(history.sentCount(customerID: "C-3", since: 0) == 0)
  }

  @Test func onlyCountedRunsCountTowardsLimits() {
    let history = LedgerHistory(
      [send("a", "C-1", "X", trigger: "T-1", at: 100, run: 1), send("a", "C-1", "X", trigger: "T-2", at: 100, run: 2)]
    ) { $0.runSeq < 2 }
    #expect(history.sentCount(customerID: "C-1", since: 0) == 1)
    #expect(history.alreadySent(rule: "a", triggerID: "T-2", customerID: "C-1", offer: "X"))
  }
}
