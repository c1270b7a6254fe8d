import PlaybookEngine
import Testing

@testable import PlaybookLedger

@Suite struct LedgerHistoryTests {
  private typealias Send = (rule: String, customer: String, offer: String, trigger: String?, sendAt: Int64)

  private func send(_ rule: String, _ customer: String, _ offer: String, trigger: String?, at sendAt: Int64) -> Send {
    (rule, customer, offer, trigger, sendAt)
  }

  /// A history holding `sends`, all counted towards limits.
  private func history(_ sends: [Send]) -> LedgerHistory {
    var history = LedgerHistory()
    for s in sends {
      history.add(
        rule: s.rule, offer: s.offer, customerID: s.customer, triggerID: s.trigger, channel: "email", sendAt: s.sendAt,
        run: 1, counted: true)
    }
    history.finish()
    return history
  }

  @Test func triggerRulesAreSentOncePerTrigger() {
    let history = history([send("apology", "C-1", "SORRY", trigger: "T-1", at: 0)])
    #expect(history.alreadySent(rule: "apology", triggerID: "T-1", customerID: "C-1", offer: "SORRY"))
    // The trigger was answered, whatever the offer.
    #expect(history.alreadySent(rule: "apology", triggerID: "T-1", customerID: "C-1", offer: "OTHER"))
    #expect(!history.alreadySent(rule: "apology", triggerID: "T-2", customerID: "C-1", offer: "SORRY"))
    #expect(!history.alreadySent(rule: "thanks", triggerID: "T-1", customerID: "C-1", offer: "SORRY"))
  }

  @Test func customerRulesAreSentOncePerCustomerAndOffer() {
    let history = history([send("greet", "C-1", "HELLO", trigger: nil, at: 0)])
    #expect(history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-1", offer: "HELLO"))
    #expect(!history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-1", offer: "OTHER"))
    #expect(!history.alreadySent(rule: "greet", triggerID: nil, customerID: "C-2", offer: "HELLO"))
    #expect(!history.alreadySent(rule: "welcome", triggerID: nil, customerID: "C-1", offer: "HELLO"))
  }

  @Test func sentCountIncludesItsStartAndLaterSends() {
    let history = history([
      send("a", "C-1", "X", trigger: "T-1", at: 100),
      send("a", "C-1", "X", trigger: "T-2", at: 300),
      send("a", "C-1", "X", trigger: "T-3", at: 200),
      send("a", "C-2", "X", trigger: "T-4", at: 500),
    ])
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: nil) == 3)
    #expect(history.sentCount(customerID: "C-1", since: 200, channel: nil) == 2)
    #expect(history.sentCount(customerID: "C-1", since: 201, channel: nil) == 1)
    #expect(history.sentCount(customerID: "C-1", since: 301, channel: nil) == 0)
    #expect(history.sentCount(customerID: "C-3", since: 0, channel: nil) == 0)
  }

  @Test func uncountedSendsAreStillSentButDoNotCount() {
    var history = LedgerHistory()
    history.add(
      rule: "a", offer: "X", customerID: "C-1", triggerID: "T-1", channel: "email", sendAt: 100, run: 1, counted: true)
    history.add(
      rule: "a", offer: "X", customerID: "C-1", triggerID: "T-2", channel: "email", sendAt: 100, run: 1, counted: false)
    history.finish()
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: nil) == 1)
    #expect(history.alreadySent(rule: "a", triggerID: "T-2", customerID: "C-1", offer: "X"))
  }
}

extension LedgerHistoryTests {
  @Test func sentCountOnAChannelCountsThatChannelsSendsOnly() {
    var history = LedgerHistory()
    history.add(
      rule: "a", offer: "X", customerID: "C-1", triggerID: "T-1", channel: "sms", sendAt: 100, run: 1, counted: true)
    history.add(
      rule: "a", offer: "X", customerID: "C-1", triggerID: "T-2", channel: "email", sendAt: 200, run: 1, counted: true)
    history.add(
      rule: "a", offer: "X", customerID: "C-1", triggerID: "T-3", channel: "sms", sendAt: 300, run: 1, counted: false)
    history.finish()
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: "sms") == 1)
    #expect(history.sentCount(customerID: "C-1", since: 101, channel: "sms") == 0)
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: "email") == 1)
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: "push") == 0)
    #expect(history.sentCount(customerID: "C-1", since: 0, channel: nil) == 2)
  }

  /// `every` rules keep each customer's latest send; other rules keep none.
  @Test func onlyEveryRulesKeepTheirLatestSend() {
    var history = LedgerHistory(everyRules: ["winback"])
    for (rule, at, run) in [("winback", 100, 1), ("winback", 300, 3), ("winback", 200, 2), ("greet", 400, 4)] {
      history.add(
        rule: rule, offer: "X", customerID: "C-1", triggerID: nil, channel: "email", sendAt: Int64(at),
        run: Int64(run), counted: false)
    }
    history.finish()
    #expect(
      history.lastSend(rule: "winback", customerID: "C-1")
        == LastSend(sendAt: 300, run: 3, offer: "X", channel: "email"))
    #expect(history.lastSend(rule: "winback", customerID: "C-2") == nil)
    #expect(history.lastSend(rule: "greet", customerID: "C-1") == nil)
  }

  /// A `sent(…)` query keeps each customer's latest matching send, of the runs it may see.
  @Test func aSentQueryKeepsTheLatestMatchingSend() {
    let sms = SentQuery(offer: nil, channel: "sms")
    let hello = SentQuery(offer: "HELLO", channel: nil)
    var history = LedgerHistory(queries: [sms, hello])
    history.add(
      rule: "a", offer: "HELLO", customerID: "C-1", triggerID: "T-1", channel: "sms", sendAt: 100, run: 1,
      counted: false)
    history.add(
      rule: "a", offer: "SORRY", customerID: "C-1", triggerID: "T-2", channel: "sms", sendAt: 200, run: 2,
      counted: false)
    history.add(
      rule: "a", offer: "HELLO", customerID: "C-1", triggerID: "T-3", channel: "email", sendAt: 300, run: 3,
      counted: false)
    // A later run's send that a replay may not see.
    history.add(
      rule: "a", offer: "HELLO", customerID: "C-1", triggerID: "T-4", channel: "sms", sendAt: 900, run: 9,
      counted: false,
      queried: false)
    history.finish()
    #expect(history.lastSends(sms)["C-1"]?.offer == "SORRY")
    #expect(history.lastSends(hello)["C-1"]?.sendAt == 300)
    #expect(history.lastSends(SentQuery(offer: "OTHER", channel: nil)).isEmpty)  // never asked for
  }
}
