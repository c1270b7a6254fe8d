import PlaybookEngine
import PlaybookReporting
import Testing

/// Explain output for each status and each kind of condition.
@Suite struct ExplainTests {
  let tickets = """
    id,customer_id,kind,csat,opened_at,resolved_at
    T-1,C-1,complaint,3,2026-10-30T09:12:00Z,2026-10-30T10:40:00Z
    T-2,C-2,complaint,5,2026-10-30T09:00:00Z,2026-10-30T10:00:00Z
    T-3,C-4,complaint,5,2026-10-30T09:00:00Z,2026-10-30T10:00:00Z
    T-4,C-3,complaint,5,2026-10-30T09:00:00Z,2026-10-30T10:00:00Z

    """

  func fixture(_ rules: String) throws -> EngineFixture {
    try EngineFixture(
      playbook: EngineFixture.header + rules,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
  }

  func explain(_ f: EngineFixture, _ customer: String, rule: String? = nil) throws -> String {
    let plan = f.run().plan
    return try Explainer(plan: plan).explain(customerID: customer, rule: rule).detailText()
  }

  /// The explanation with runs of spaces squeezed, for checks that ignore alignment.
  func squeezed(_ f: EngineFixture, _ customer: String, rule: String? = nil) throws -> String {
    try explain(f, customer, rule: rule).split(separator: " ", omittingEmptySubsequences: true)
      .joined(separator: " ")
  }

  @Test func showsEachConditionWithTheValuesBehindIt() throws {
    let f = try fixture(
      """
      rule quick_fix_thanks priority 5
        when complaint resolved within 4h
        and complaint.csat >= 4
        send A via email after 1d
      """)
    #expect(
      try explain(f, "C-1") == """
        C-1 as of 2026-11-01T00:00:00Z
        quick_fix_thanks, trigger T-1 (opened 2026-10-30T09:12:00Z, resolved 2026-10-30T10:40:00Z)
          complaint resolved within 4h  true   (resolved in 1h28m)
          complaint.csat >= 4           false  (csat = 3)
          → no candidate
        ⇒ C-1 gets nothing

        """)
  }

  @Test func saysWhichChannelWasUsedAndWhy() throws {
    let f = try fixture(
      """
      rule r
        when complaint.csat == 5
        send A via email, sms
      """)
    let text = try explain(f, "C-2")
    #expect(text.contains("A: send — sent via sms because email has no consent"))
    #expect(text.contains("⇒ C-2 gets A via sms at 2026-11-01T00:00:00Z"))
    #expect(
      try explain(f, "C-3").contains("A: unreachable — no reachable channel: email has no consent, sms has no consent"))
  }

  @Test func showsCapsHoldoutsAndNulls() throws {
    let f = try fixture(
      """
      segment vip = customer.tier == "gold"
      rule first priority 2
        when complaint resolved
        send A via email
      rule second
        when complaint.csat is not null and customer in vip
        unless customer.lifetime_value < 10
        send B via email
      limit 1 per customer
      holdout 100%
      """)
    let text = try squeezed(f, "C-4")
    #expect(text.contains("A: holdout — in holdout (bucket 3453 < 10000)"))
    #expect(text.contains("B: capped — capped by first (limit 1 per customer)"))
    #expect(text.contains("customer in vip true (vip: true)"))
    #expect(text.contains("unless customer.lifetime_value < 10 false (lifetime_value = 50)"))
    let c3 = try squeezed(f, "C-3", rule: "second")
    #expect(c3.contains("customer in vip false (vip: false)"))
    #expect(c3.contains("unless customer.lifetime_value < 10 null (lifetime_value = null)"))
  }

  @Test func aggregatesAndContainsAnyShowTheirValues() throws {
    let f = try fixture(
      """
      rule r
        when customer.tier contains any ["GOL", "plat"] and count(complaint in last 7d) >= 1
        send A via email
      """)
    let text = try squeezed(f, "C-1")
    #expect(text.contains("customer.tier contains any [\"GOL\", \"plat\"] true (tier = gold)"))
    #expect(text.contains("count(complaint in last 7d) >= 1"))
    #expect(text.contains("(count(complaint in last 7d) = 1)"))
  }

  @Test func rulesThatNeverCameCloseAreFolded() throws {
    let f = try fixture(
      """
      rule never
        when complaint.csat == 1
        send A via email
      rule other
        when complaint.csat == 3
        send B via email
      """)
    let text = try explain(f, "C-1")
    #expect(text.contains("not close: never (name a rule to see why)"))
    #expect(try explain(f, "C-1", rule: "never").contains("complaint.csat == 1  false  (csat = 3)"))
  }

  @Test func unknownCustomersGetNearIDs() throws {
    let f = try fixture(
      """
      rule r
        when complaint resolved
        send A via email
      """)
    #expect(throws: Explainer.UnknownCustomer.self) { try explain(f, "C-9") }
    do {
      _ = try explain(f, "C-11")
    } catch let error as Explainer.UnknownCustomer {
      #expect(error.message == "no customer 'C-11'; did you mean 'C-1', 'C-2', 'C-3'?")
    }
  }

  @Test func jsonHasTheSameTree() throws {
    let f = try fixture(
      """
      rule r
        when complaint.csat >= 4
        send A via email
      """)
    let json = try Explainer(plan: f.run().plan).explain(customerID: "C-1").json.prettyText
    #expect(json.contains("\"condition\": \"complaint.csat >= 4\""))
    #expect(json.contains("\"value\": false"))
    #expect(json.contains("\"details\": [\n"))
    #expect(json.contains("\"csat = 3\""))
  }
}
