import PlaybookEngine
import Testing

/// Several `limit` lines without a ledger: each counts the offers on its channel (or
/// all), every one that counts an offer must have a slot left, and a capped offer names
/// the first full limit.
@Suite struct ChannelLimitTests {
  /// C-1 can be reached on both channels: two sms offers (A first by priority) and an
  /// email one.
  func decisions(limits: String) throws -> [String] {
    let f = try EngineFixture(
      playbook: EngineFixture.header + """
        offer C "Offer C" valid 10d

        rule first priority 3
          when customer.tier == "gold"
          send A via sms

        rule second priority 2
          when customer.tier == "gold"
          send B via sms

        rule third priority 1
          when customer.tier == "gold"
          send C via email

        \(limits)
        """,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": "id,customer_id,kind,opened_at\n"])
    return f.run().decisions.filter { $0.customerID == "C-1" }.map { "\($0.offer) \($0.status.rawValue): \($0.reason)" }
  }

  @Test func aChannelCapLeavesTheOtherChannelsToTheOverallLimit() throws {
    #expect(
      try decisions(limits: "limit 2 per customer\nlimit 1 per customer via sms") == [
        "A send: sent via sms",
        "B capped: capped by first (limit 1 per customer via sms)",
        "C send: sent via email",
      ])
  }

  @Test func theFirstFullLimitInFileOrderIsNamed() throws {
    #expect(
      try decisions(limits: "limit 1 per customer\nlimit 1 per customer via sms") == [
        "A send: sent via sms",
        "B capped: capped by first (limit 1 per customer)",
        "C capped: capped by first (limit 1 per customer)",
      ])
    // A channel cap alone caps only its channel.
    #expect(
      try decisions(limits: "limit 1 per customer via sms") == [
        "A send: sent via sms", "B capped: capped by first (limit 1 per customer via sms)", "C send: sent via email",
      ])
  }

  /// A weekly sms cap beside an overall limit, without a ledger: both count this run only.
  @Test func aWeeklySmsCapBesideAnOverallLimitOfTwo() throws {
    #expect(
      try decisions(limits: "limit 1 per customer per 7d via sms\nlimit 2 per customer") == [
        "A send: sent via sms",
        "B capped: capped by first (limit 1 per customer per 7d via sms)",
        "C send: sent via email",
      ])
    #expect(
      try decisions(limits: "limit 2 per customer\nlimit 1 per customer per 7d via sms") == [
        "A send: sent via sms",
        "B capped: capped by first (limit 1 per customer per 7d via sms)",
        "C send: sent via email",
      ])
  }
}
