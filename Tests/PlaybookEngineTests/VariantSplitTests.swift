import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import Testing

/// A/B splits: the documented bucket hash, shares kept over many customers, independence
/// from the holdout, and the variant carried through deciding, counting and `explain`.
@Suite struct VariantSplitTests {
  static let ids = (1...100_000).map { "C-\(String(1_000_000 + $0).dropFirst())" }

  /// How many of `ids` each variant of `split` gets.
  func tally(_ split: VariantSplit, _ ids: [String]) -> [Int] {
    var counts = [Int](repeating: 0, count: split.ends.count)
    for id in ids { counts[split.variant(bucket: split.bucket(customerID: id))] += 1 }
    return counts
  }

  @Test func aSplitKeepsItsSharesWithinOnePercentOver100kCustomers() {
    let seventyThirty = tally(VariantSplit(rule: "thanks", seed: "Service recovery loop", shares: [70, 30]), Self.ids)
    #expect(abs(Double(seventyThirty[0]) / 1000 - 70) <= 1, "\(seventyThirty)")
    #expect(abs(Double(seventyThirty[1]) / 1000 - 30) <= 1, "\(seventyThirty)")
    let even = tally(VariantSplit(rule: "thanks", seed: "s", shares: [nil, nil, nil]), Self.ids)
    for count in even { #expect(abs(Double(count) / 1000 - 100.0 / 3) <= 1, "\(even)") }
  }

  @Test func sharesBecomeBucketRanges() {
    #expect(VariantSplit(rule: "r", seed: "s", shares: [70, 30]).ends == [7000, 10_000])
    #expect(VariantSplit(rule: "r", seed: "s", shares: [nil, nil, nil]).ends == [3333, 6666, 10_000])
    #expect(VariantSplit(rule: "r", seed: "s", shares: [33.34, 33.33, 33.33]).ends == [3334, 6667, 10_000])
    let split = VariantSplit(rule: "r", seed: "s", shares: [70, 30])
    #expect([0, 6999, 7000, 9999].map(split.variant) == [0, 0, 1, 1])
    #expect((0..<28).map(VariantSplit.name).suffix(4) == ["Y", "Z", "AA", "AB"])
  }

  /// The documented hash, pinned: a change would move customers between a running test's arms.
  @Test func theBucketIsTheDocumentedStableHash() {
    let split = VariantSplit(rule: "quick_fix_thanks", seed: "Service recovery loop", shares: [70, 30])
    #expect(["C-0001", "C-0002", "C-0037"].map(split.bucket(customerID:)) == [4880, 4471, 3582])
    // Another rule, or another seed, is another draw.
    #expect(
      VariantSplit(rule: "other", seed: "Service recovery loop", shares: [50, 50]).bucket(customerID: "C-0001") != 4880)
    #expect(VariantSplit(rule: "quick_fix_thanks", seed: "s2", shares: [50, 50]).bucket(customerID: "C-0001") != 4880)
  }

  @Test func variantsAreIndependentOfTheHoldout() {
    let seed = "Service recovery loop"
    let holdout = Holdout(seed: seed, percent: 5)
    let split = VariantSplit(rule: "thanks", seed: seed, shares: [70, 30])
    let held = Self.ids.filter(holdout.holds)
    let heldA = tally(split, held)[0]
    #expect(abs(Double(heldA) / Double(held.count) - 0.7) < 0.025, "\(heldA) of \(held.count)")
    // Nor does the first variant line up with low holdout buckets.
    let lowHalf = Self.ids.filter { Holdout(seed: seed, percent: 50).holds(customerID: $0) }
    #expect(abs(Double(tally(split, lowHalf)[0]) / Double(lowHalf.count) - 0.7) < 0.01)
  }

  // MARK: Through a run

  static func customers(_ count: Int) -> String {
    "id,email,phone,email_opt_in,sms_opt_in,tier,lifetime_value\n"
      + (1...count).map { "C-\($0),c\($0)@example.com,,true,false,gold,10\n" }.joined()
  }

  func fixture(customers: Int, rules: String, tail: String = "") throws -> EngineFixture {
    try EngineFixture(
      playbook: EngineFixture.header + "offer C \"Offer C\" valid 10d\n\n" + rules + "\n" + tail,
      files: ["customers.csv": Self.customers(customers), "tickets.csv": "id,customer_id,kind,opened_at\n"])
  }

  @Test func aRunSplitsCustomersByShareAndCountsEachVariant() throws {
    let f = try fixture(
      customers: 100_000,
      rules: "rule r\n  when customer.tier == \"gold\"\n  send A 70% or B 30% via email\n", tail: "holdout 10%\n")
    let run = f.run()
    let variants = run.summary.counts.byVariant
    #expect(variants.map(\.named.name) == ["r A: A 70%", "r B: B 30%"])
    #expect(abs(Double(variants[0].counts.total) / 1000 - 70) <= 1)
    #expect(abs(Double(variants[1].counts.total) / 1000 - 30) <= 1)
    // Each arm has its tenth held out.
    for v in variants { #expect(abs(Double(v.counts[.holdout]) / Double(v.counts.total) - 0.1) < 0.01) }
    #expect(run.decisions.allSatisfy { ($0.offer == "A") == ($0.variant == "A") })
    // The same inputs give the same decisions, variant for variant.
    #expect(f.run().decisions == run.decisions)
  }

  @Test func aCappedCustomerKeepsItsVariantAndOtherRulesHaveNone() throws {
    let f = try fixture(
      customers: 40,
      rules: """
        rule split priority 1
          when customer.tier == "gold"
          send A or B via email

        rule plain priority 5
          when customer.tier == "gold"
          send C via email
        """, tail: "limit 1 per customer\n")
    let decisions = f.run().decisions
    let split = decisions.filter { $0.rule == "split" }
    #expect(split.count == 40 && split.allSatisfy { $0.status == .capped })
    #expect(Set(split.map(\.variant)) == ["A", "B"])
    #expect(decisions.filter { $0.rule == "plain" }.allSatisfy { $0.variant == nil && $0.status == .send })
  }

  /// Remembers sends of offer A to every customer for rule `split`.
  struct SentA: SendHistory {
    func alreadySent(rule: String, triggerID: String?, customerID: String, offer: String) -> Bool {
      rule == "split" && offer == "A"
    }
    func sentCount(customerID: String, since: Int64, channel: String?) -> Int { 0 }
    func lastSend(rule: String, customerID: String) -> LastSend? { nil }
    func lastSends(_ query: SentQuery) -> [String: LastSend] { [:] }
  }

  @Test func aCustomerWhoseVariantChangedIsNotSentTheOtherOne() throws {
    let f = try fixture(customers: 40, rules: "rule split\n  when customer.tier == \"gold\"\n  send A or B via email\n")
    let plan = f.run().plan
    let decisions = Decider(plan: plan, history: SentA()).decide(plan.candidates())
    #expect(Set(decisions.map(\.variant)) == ["A", "B"])
    #expect(decisions.allSatisfy { $0.status == .alreadySent })
  }

  @Test func explainSaysWhichVariantAndWhy() throws {
    let f = try fixture(
      customers: 10, rules: "rule split\n  when customer.tier == \"gold\"\n  send A 70% or B 30% via email\n")
    let plan = f.run().plan
    var lines: [String] = []
    for id in (1...10).map({ "C-\($0)" }) {
      let bucket = VariantSplit(rule: "split", seed: "Test", shares: [70, 30]).bucket(customerID: id)
      let text = try Explainer(plan: plan).explain(customerID: id).detailText()
      let expected =
        bucket < 7000
        ? "    variant A: A (bucket \(bucket) of 10000 < 7000)\n    A: send — sent via email\n"
        : "    variant B: B (bucket \(bucket) of 10000 ≥ 7000)\n    B: send — sent via email\n"
      #expect(text.contains(expected), "\(text)")
      lines.append(expected)
    }
    // The ten customers show both arms, so both texts were checked.
    #expect(lines.contains { $0.contains("variant A") } && lines.contains { $0.contains("variant B") })
  }
}
