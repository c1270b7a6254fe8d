import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Conditions evaluated a batch of rows at a time (`CompiledExpr.truths`) must give each
/// row what the row-by-row closures give: every node with a batch form is compared with
/// its closure over random rows with nulls, shuffled, and the operands it skips (`and`
/// past a false, a comparison past a null) must be skipped the same, which the overflow
/// count shows.
@Suite struct BatchEvaluationTests {
  /// Clock 2026-11-01T00:00:00Z; some tickets resolve after it (read as null).
  static let clock: Int64 = 1_793_491_200

  /// `count` tickets over six customers, every field null now and then.
  static func tickets(count: Int, seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    func maybe(_ value: String) -> String { Int.random(in: 0..<6, using: &rng) == 0 ? "" : value }
    var lines = ["id,customer_id,kind,csat,amount,urgent,opened_at,first_response_at,resolved_at,due_in_hours"]
    for i in 0..<count {
      let customer = "C-\(Int.random(in: 1...6, using: &rng))"
      let opened = clock - Int64.random(in: -86_400...(40 * 86_400), using: &rng)
      let responded = opened + Int64.random(in: 0...7200, using: &rng)
      let resolved = opened + Int64.random(in: 0...(5 * 86_400), using: &rng)
      lines.append(
        [
          "T-\(i)", customer, maybe(["complaint", "question"][Int.random(in: 0...1, using: &rng)]),
          maybe(String(Int.random(in: 1...5, using: &rng))),
          maybe(String(Double(Int.random(in: 0...400, using: &rng)) / 4)),
          maybe(Bool.random(using: &rng) ? "true" : "false"), maybe(Timestamp.format(opened)),
          maybe(Timestamp.format(responded)),
          maybe(Timestamp.format(resolved)),
          maybe(String(Int.random(in: 0...100, using: &rng))),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static let customers = """
    id,email,lifetime_value,vip
    C-1,a@x.com,1000,true
    C-2,b@x.com,,false
    C-3,c@x.com,250.5,
    C-4,d@x.com,0,true
    C-5,,3000,false
    C-6,f@x.com,,

    """

  /// Every vectorised operator, on columns with nulls on either side, nested.
  static let conditions =
    [
      "ticket.csat >= 4", "ticket.csat == 3", "ticket.csat != 3", "3 < ticket.csat", "ticket.csat <= ticket.amount",
      "ticket.amount > 50.25", "ticket.amount < customer.lifetime_value", "customer.lifetime_value >= 1000",
      "ticket.urgent", "not ticket.urgent", "ticket.urgent == customer.vip", "customer.vip and ticket.urgent",
      "ticket.opened_at > 2026-10-20T00:00:00Z", "ticket.resolved_at <= now",
      "ticket.resolved_at - ticket.opened_at > 1d", "ticket.resolved_at > ticket.opened_at + 2d",
      "ticket.resolved_at - ticket.opened_at >= ticket.due_in_hours * 1h",
      "ticket resolved within 4h", "ticket resolved after 72h", "ticket open for 72h", "ticket resolved",
      "ticket responded within 1h", "ticket in last 7d",
      "ticket resolved within 4h and ticket.csat >= 4", "ticket resolved after 72h or ticket open for 72h",
      "not (ticket.csat > 2 or ticket.amount < 10) and (ticket.urgent or customer.vip)",
      "ticket.csat > 2 and (ticket.amount < 10 or not ticket.urgent) or ticket.resolved_at > now - 3d",
      "true and ticket.csat > 1", "false or ticket.urgent",
      "ticket.kind == \"complaint\" and ticket.csat between 2 and 4", "count(complaint) > 2 and ticket.csat < 3",
      "customer in big and ticket.csat > 2", "customer not in big or ticket.urgent",
    ] + textConditions

  /// Text columns against literals, either side; a table of `TextDictionary.minimumRows`
  /// or more keeps `kind`'s values once, compared once each.
  static let textConditions = [
    "\"question\" != ticket.kind", "ticket.kind < \"d\"", "\"complaint\" >= ticket.kind",
    "customer.email == \"c@x.com\" or ticket.id == \"T-7\"", "ticket.id > \"T-5\"",
  ]

  func fixture(_ conditions: [String], tickets: String) throws -> EngineFixture {
    let rules = conditions.enumerated().map { i, condition in
      "rule r\(i)\n  when \(condition)\n  send A via email\n"
    }
    return try EngineFixture(
      playbook: """
        playbook "Batches"
        as of 2026-11-01T00:00:00Z
        window all
        load customers from "customers.csv"
        load tickets from "tickets.csv" link customer_id
        define complaint = ticket where ticket.kind == "complaint"
        segment big = customer.lifetime_value >= 1000
        channel email address customer.email
        offer A "a"

        """ + rules.joined(separator: "\n"),
      files: ["customers.csv": Self.customers, "tickets.csv": tickets])
  }

  /// Each trigger row with a customer, in a shuffled order.
  func shuffledBatch(_ plan: Plan, seed: UInt64) -> RowBatch {
    guard let link = plan.rules[0].trigger?.link else { preconditionFailure("rules trigger on tickets") }
    var rng = SeededGenerator(seed: seed)
    let order = link.customerOfRow.indices.shuffled(using: &rng)
    return RowBatch(capacity: order.count) { i in
      let customer = link.customerOfRow[order[i]]
      return customer >= 0 ? (customer, Int32(order[i])) : nil
    }
  }

  /// Whether every node of `node` with a batch form gives, at each of `positions`, what
  /// its closure gives for that row, and leaves the other positions alone; aggregates'
  /// insides read a slot no batch binds.
  func agrees(_ node: CompiledExpr, _ batch: RowBatch, _ positions: Positions, _ scratch: inout BatchScratch) -> Bool {
    let others = Set(0..<batch.count).subtracting(positions.map(Int.init))
    var same: Bool
    switch node.evaluation {
    case .truth, .row:
      var truths = [Truth](repeating: .unknown, count: batch.count)
      node.truths(batch, positions, into: &truths, &scratch)
      same = positions.allSatisfy { truths[Int($0)] == node.truth(batch.frame(Int($0))) }
      same = same && others.allSatisfy { truths[$0] == .unknown }
    case .number(let f):
      var numbers = [Double?](repeating: -1, count: batch.count)
      node.numbers(batch, positions, into: &numbers, &scratch)
      same = positions.allSatisfy { numbers[Int($0)] == f(batch.frame(Int($0))) }
      same = same && others.allSatisfy { numbers[$0] == -1 }
    case .time(let f), .duration(let f):
      var times = [Int64?](repeating: -1, count: batch.count)
      node.times(batch, positions, into: &times, &scratch)
      same = positions.allSatisfy { times[Int($0)] == f(batch.frame(Int($0))) }
      same = same && others.allSatisfy { times[$0] == -1 }
    case .text, .list:
      same = true
    }
    if case .aggregate = node.expr.kind { return same }
    return node.children.allSatisfy { agrees($0, batch, positions, &scratch) } && same
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func everyNodeAgreesWithItsRowByRowForm(seed: UInt64) throws {
    let f = try fixture(Self.conditions, tickets: Self.tickets(count: 300, seed: seed))
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
    plan.values.prepareAll(count: plan.customerCount)
    let batch = shuffledBatch(plan, seed: seed)
    #expect(batch.count == 300)
    var rng = SeededGenerator(seed: seed)
    let all = Positions((0..<Int32(batch.count)).map { $0 })
    let some = Positions(all.filter { _ in Bool.random(using: &rng) })
    // One scratch for every check, as a thread's batches share one: vectors come back
    // holding earlier nodes' values, which must never show through.
    var scratch = BatchScratch()
    for (condition, rule) in zip(Self.conditions, plan.rules) {
      #expect(rule.conditions.allSatisfy { agrees($0, batch, all, &scratch) }, "\(condition)")
      #expect(rule.conditions.allSatisfy { agrees($0, batch, some, &scratch) }, "\(condition), some rows")
      // Some rows hold and some do not: the condition tells rows apart.
      var truths = [Truth](repeating: .unknown, count: batch.count)
      rule.conditions[0].truths(batch, all, into: &truths, &scratch)
      #expect(Set(truths).count > 1, "\(condition)")
    }
  }

  @Test func textComparisonsOfColumnsKeepingEachValueOnceAgree() throws {
    let tickets = Self.tickets(count: 2 * TextDictionary.minimumRows, seed: 9)
    let f = try fixture(Self.textConditions, tickets: tickets)
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock)
    let table = try #require(f.workspace.dataset.events["tickets"])
    let kind = try #require(table.columnIndex("kind"))
    guard case .text(let kinds) = table.columns[kind].values else {
      Issue.record("kind is not text")
      return
    }
    #expect(kinds.codes != nil, "kind keeps each value once")
    let batch = shuffledBatch(plan, seed: 9)
    let all = Positions((0..<Int32(batch.count)).map { $0 })
    var scratch = BatchScratch()
    for (condition, rule) in zip(Self.textConditions, plan.rules) {
      #expect(rule.conditions.allSatisfy { agrees($0, batch, all, &scratch) }, "\(condition)")
    }
  }

  /// `ticket.opened_at + 3000000d` leaves the years the language writes (an overflow,
  /// counted); evaluated only where the left operand has not decided, in either form.
  @Test func operandsAreSkippedWhereRowByRowSkipsThem() throws {
    let conditions = [
      "ticket.csat > 3 and ticket.opened_at + 3000000d > now",
      "ticket.csat > 3 or ticket.opened_at + 3000000d > now",
      "ticket.resolved_at < ticket.opened_at + 3000000d",
    ]
    let f = try fixture(conditions, tickets: Self.tickets(count: 200, seed: 7))
    func plan() -> Plan { Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: Self.clock) }
    let (byRow, byBatch) = (plan(), plan())
    let batch = shuffledBatch(byBatch, seed: 7)
    var scratch = BatchScratch()
    for (a, b) in zip(byRow.rules, byBatch.rules) {
      for i in 0..<batch.count { _ = a.conditions[0].truth(batch.frame(i)) }
      var truths = [Truth](repeating: .unknown, count: batch.count)
      b.conditions[0].truths(batch, Positions((0..<Int32(batch.count)).map { $0 }), into: &truths, &scratch)
    }
    let counts = byRow.overflowLog.overflows.map(\.count)
    #expect(counts.count == 3)
    #expect(counts.allSatisfy { $0 > 0 && $0 < batch.count })
    #expect(byBatch.overflowLog.overflows.map(\.count) == counts)
  }
}
