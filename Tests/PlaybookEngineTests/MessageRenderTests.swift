import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import Testing

/// Offers' messages filled in for each decision that sends: values, filters, nulls,
/// `{% abort %}`, and what the status, the exports and explain say.
@Suite struct MessageRenderTests {
  static let customers = """
    id,first_name,email,phone,email_opt_in,sms_opt_in,tier,lifetime_value
    C-1,Zoë,one@example.com,+15550000001,true,true,gold,1500.456
    C-2,,two@example.com,+15550000002,true,true,silver,200
    C-3,maximilian-alexander,three@example.com,,true,false,bronze,
    C-4,José,,+15550000004,false,true,gold,50

    """

  static let tickets = """
    id,customer_id,kind,csat,opened_at,resolved_at
    T-1,C-1,complaint,5,2026-10-27T09:00:00Z,2026-10-30T13:30:00Z
    T-2,C-2,complaint,4,2026-10-28T09:00:00Z,2026-10-28T10:00:00Z
    T-3,C-3,complaint,2,2026-10-29T09:00:00Z,
    T-4,C-4,complaint,5,2026-10-29T09:00:00Z,2026-10-29T09:45:00Z

    """

  /// A run of `offers` sent by a rule on every complaint, via email then sms.
  func fixture(_ offers: String, rules: String? = nil) throws -> EngineFixture {
    try EngineFixture(
      playbook: EngineFixture.header + offers + "\n"
        + (rules ?? "rule r priority 5\n  when complaint\n  send M via email, sms after 2h\n"),
      files: ["customers.csv": Self.customers, "tickets.csv": Self.tickets])
  }

  /// Each customer's decision: `status: message` (or the reason when not rendered).
  func messages(_ f: EngineFixture) -> [String: String] {
    var out: [String: String] = [:]
    for d in f.run().decisions where d.offer == "M" {
      out[d.customerID] =
        d.status == .send
        ? (d.subject.map { $0 + " / " } ?? "") + (d.message ?? "-") : "\(d.status.rawValue): \(d.reason)"
    }
    return out
  }

  @Test func fieldsFiltersAndDefaults() throws {
    let f = try fixture(
      """
      offer M "Money off" valid 14d
        subject email "Hi {{ customer.first_name | default: "there" | capitalize }}"
        message email "{{ trigger.id }} took {{ trigger.resolution }}; use {{ offer.code }} until {{ expires_at | date: "%b %-d" }} ({{ channel | upcase }})"
        message sms "{{ customer.first_name | default: "friend" | upcase }}: {{ offer.description | downcase }}"
      """)
    let m = messages(f)
    #expect(m["C-1"] == "Hi Zoë / T-1 took 3 days 4 hours; use M until Nov 15 (EMAIL)")
    #expect(m["C-2"] == "Hi There / T-2 took 1 hour; use M until Nov 15 (EMAIL)")
    // Open ticket: no resolution, and the email message has no default for it.
    #expect(m["C-3"] == "unrendered: message email: trigger.resolution is null")
    #expect(m["C-4"] == "JOSÉ: money off")
  }

  @Test func truncateCountsCharactersNotBytes() throws {
    let f = try fixture(
      """
      offer M
        message email "{{ customer.first_name | truncate: 8 }}|{{ customer.first_name | truncate: 3 }}|{{ customer.lifetime_value | round: 1 }}"
        message sms "{{ customer.first_name | truncate }}"
      """)
    let m = messages(f)
    #expect(m["C-1"] == "Zoë|Zoë|1500.5")
    #expect(m["C-3"] == "unrendered: message email: customer.lifetime_value is null")
    #expect(m["C-4"] == "José")
    let g = try fixture(
      """
      offer M
        message email "{{ customer.first_name | truncate: 8 }}"
      """)
    #expect(messages(g)["C-3"] == "maxim...")
  }

  @Test func ifElseAndAbort() throws {
    let f = try fixture(
      """
      offer M
        message email "{% if customer.tier == "gold" %}Dear{% else %}Hi{% endif %} {% if customer.first_name %}{{ customer.first_name }}{% else %}you{% endif %}{% if trigger.csat < 3 %}{% abort %}{% endif %}"
      """)
    let m = messages(f)
    #expect(m["C-1"] == "Dear Zoë")
    #expect(m["C-2"] == "Hi you")
    #expect(m["C-3"] == "unrendered: message email: {% abort %}")
    // A channel with no message line sends without one.
    #expect(m["C-4"] == "-")
  }

  /// `and`/`or` as Liquid reads them, right to left: `gold and José or silver` is gold
  /// and (José or silver), so the silver customer gets no; `silver or gold and José` is
  /// silver or (gold and José), so the gold Zoë gets no. (Left to right would differ.)
  @Test func andOrAreReadRightToLeft() throws {
    let template =
      #"{% if customer.tier == "gold" and customer.first_name == "José" or customer.tier == "silver" %}1{% else %}0{% endif %}"#
      + #"{% if customer.tier == "silver" or customer.tier == "gold" and customer.first_name == "José" %}1{% else %}0{% endif %}"#
    let f = try fixture("offer M\n  message email \"\(template)\"\n  message sms \"\(template)\"")
    let m = messages(f)
    #expect(m["C-1"] == "00")
    #expect(m["C-2"] == "01")
    #expect(m["C-4"] == "11")
  }

  /// An unrendered offer takes no place under `limit`: the next offer is sent instead.
  @Test func anUnrenderedOfferLeavesItsPlaceToTheNext() throws {
    let f = try fixture(
      """
      offer M
        message email "{{ trigger.resolution }}"
      offer N
      """,
      rules: """
        rule r priority 5
          when complaint
          send M via email
        rule s priority 1
          when complaint
          send N via email
        limit 1 per customer
        """)
    let outcomes = f.outcomes()
    #expect(outcomes.contains("C-3 M unrendered"))
    #expect(outcomes.contains("C-3 N send"))
    #expect(outcomes.contains("C-1 N capped"))
    let summary = f.run().summary
    #expect(summary.counts.byOffer.first { $0.name == "M" }?.counts[.unrendered] == 1)
    #expect(summary.text.contains("unrendered"))
  }

  @Test func longTextMessagesAreCountedByCustomer() throws {
    let long = String(repeating: "x", count: 150)
    let f = try fixture(
      """
      offer M
        message sms "\(long) {{ customer.first_name | default: "friend" }}"
      """,
      rules: "rule r\n  when complaint\n  send M via sms\n")
    // C-1 "Zoë" is GSM-7 (ë is not: UCS-2, 70), C-2 "friend" 157 fits, C-4 "José" (é is GSM-7) 155 fits.
    let warnings = SMSLength.warnings(f.run().decisions)
    #expect(
      warnings.map(\.message) == [
        "offer M's sms message is longer than one text (70 characters, as it needs UCS-2) for 1 customer"
      ])
    #expect(SMSLength.measure(String(repeating: "€", count: 80)) == (160, 160))
    #expect(SMSLength.measure("Hello 👋") == (8, 70))
  }

  @Test func audienceFilesCarryDescriptionSubjectAndMessage() throws {
    let f = try fixture(
      """
      offer M "Money, off" valid 14d
        subject email "Hi {{ customer.first_name | default: "there" }}"
        message email "Line one\\nline \\"two\\""
      """)
    let run = f.run()
    let folder = f.directory + "/out"
    try CampaignExporter.stage(run.decisions, summary: run.summary, to: ExportTarget(directory: folder, format: .csv))
      .commit()
    let audience = try String(contentsOfFile: folder + "/M.csv", encoding: .utf8)
    let lines = audience.components(separatedBy: "\r\n")
    #expect(
      lines[0] == "customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id,description,subject,message")
    #expect(lines[1].hasSuffix(",r,T-1,\"Money, off\",Hi Zoë,\"Line one\nline \"\"two\"\"\""))
    // The decisions log has the texts too, at its end, empty where nothing is sent.
    let log = try String(contentsOfFile: folder + "/decisions.csv", encoding: .utf8).components(separatedBy: "\r\n")
    #expect(log[0].hasSuffix(",status,reason,merged,priority,subject,message"))
    #expect(
      log.contains {
        $0.hasPrefix("C-1,r,M,T-1,") && $0.hasSuffix(",send,sent via email,0,5,Hi Zoë,\"Line one\nline \"\"two\"\"\"")
      })
    #expect(log.contains { $0.hasPrefix("C-4,r,M,T-4,") && $0.hasSuffix(",0,5,,") })
  }

  @Test func explainShowsTheMessage() throws {
    let f = try fixture(
      """
      offer M
        subject email "Hi {{ customer.first_name }}"
        message email "Line one\\nline two"
      """)
    let text = try Explainer(plan: f.run().plan).explain(customerID: "C-1", rule: nil).detailText()
    #expect(
      text.contains("    M: send — sent via email\n      subject: \"Hi Zoë\"\n      message: \"Line one\\nline two\"\n")
    )
    let json = try Explainer(plan: f.run().plan).explain(customerID: "C-1", rule: nil).json.prettyText
    #expect(json.contains(#""subject": "Hi Zoë""#))
    #expect(json.contains(#""message": "Line one\nline two""#))
    let unrendered = try Explainer(plan: f.run().plan).explain(customerID: "C-2", rule: nil).detailText()
    #expect(unrendered.contains("    M: unrendered — subject email: customer.first_name is null\n"))
  }
}
