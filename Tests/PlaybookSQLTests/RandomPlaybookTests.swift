import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// Random valid playbooks over the example data, each compiled and run on PostgreSQL and
/// compared with the engine: phrases, aggregates, nulls, segments, windows, arithmetic.
@Suite struct RandomPlaybookTests {
  @Test(arguments: 1...24)
  func aRandomPlaybookGivesTheEngineCandidates(_ seed: Int) throws {
    var generator = PlaybookGenerator(seed: UInt64(seed))
    let text = generator.playbook()
    let folder = try ScratchFolder("sql-random", files: ["random.playbook": text])
    defer { folder.remove() }
    let workspace = try Workspace.open(path: folder.path + "/random.playbook")
    let run = try Differential(workspace, clock: workspace.model.clock ?? 0)
    #expect(run.difference == nil, "\(run.difference ?? "")\n\(text)")
    #expect(!run.engine.isEmpty, "every seed here gives candidates, so the comparison compares something")
  }
}

/// Writes a random playbook that checks against Examples/data: each rule triggers on one
/// event row (or on customers only), with conditions drawn from templates over its columns.
struct PlaybookGenerator {
  var random: SeededGenerator

  init(seed: UInt64) { random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15) }

  mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
  mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

  mutating func playbook() -> String {
    let data = Repository.exampleData
    let clock = pick(["2026-11-01T00:00:00Z", "2026-10-15T06:30:00Z", "2026-09-01T00:00:00Z"])
    var lines = [
      "playbook \"Random\"", "as of \(clock)", pick(["window 30d", "window 7d", "window all", "window 90d"]),
      "load customers from \"\(data)/customers.csv\"",
      "load tickets from \"\(data)/tickets.csv\" link customer_id",
      "load orders from \"\(data)/orders.csv\" link customer_id", "  with opened = ordered_at",
      "load calls from \"\(data)/calls.jsonl\" link customer_id", "  with opened = started_at",
      "define complaint = ticket where ticket.kind == \"complaint\"",
      "define unhappy = complaint where complaint.csat <= \(pick(["2", "3"])) or complaint.csat is null",
      "segment seg_a = \(condition(row: nil, depth: 1))",
      "segment seg_b = \(condition(row: nil, depth: 2))",
      "channel email address customer.email",
      "offer O1 \"one\"", "offer O2 \"two\" valid 7d",
    ]
    for n in 1...Int(2 + random.next() % 4) {
      let row = pick([nil, "ticket", "complaint", "unhappy", "call", "order"] as [String?])
      lines.append("rule r\(n) priority \(random.next() % 5)")
      lines.append("  when \(condition(row: row, depth: 2, mustUseRow: true))")
      if chance(50) { lines.append("  unless \(condition(row: row, depth: 1))") }
      lines.append("  send \(pick(["O1", "O2"])) via email" + (chance(50) ? " after \(pick(["2h", "1d", "3d"]))" : ""))
      if chance(20) { lines.append("  send O1 via email") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A condition on `customer` and, when given, `row`.
  mutating func condition(row: String?, depth: Int, mustUseRow: Bool = false) -> String {
    if mustUseRow, let row {
      let first = atom(row: row, onRow: true)
      return depth > 0 && chance(60)
        ? "\(first) \(pick(["and", "or"])) \(condition(row: row, depth: depth - 1))" : first
    }
    guard depth > 0, chance(60) else { return atom(row: row, onRow: row != nil && chance(50)) }
    let a = condition(row: row, depth: depth - 1)
    let b = condition(row: row, depth: depth - 1)
    return pick(["(\(a) and \(b))", "(\(a) or \(b))", "not (\(a))", "\(a) and \(b)"])
  }

  mutating func atom(row: String?, onRow: Bool) -> String {
    if onRow, let row {
      switch row {
      case "call":
        return pick([
          "call.transcript contains any [\"cancel\", \"switch\", \"refund\"]",
          "call.transcript contains \"\(pick(["late", "Cancel", "%", "_"]))\"",
          "call.ended_at - call.started_at > \(pick(["5m", "20m", "1h"]))", "call in last \(pick(["3d", "14d"]))",
          "call.agent is null", "call.agent \(pick(["<", ">=", "=="])) \"\(pick(["M", "Priya", "b"]))\"",
        ])
      case "order":
        return pick([
          "order.total \(pick([">", "<=", "=="])) \(pick(["50", "74.73", "310.03", "100.5"]))",
          "order.status == \"\(pick(["completed", "refunded", "cancelled"]))\"", "order in last \(pick(["7d", "45d"]))",
          "order.total * 2 > order.total + 40", "order.total / 0 > 1", "order.opened < now - 20d",
        ])
      default:
        return pick([
          "\(row) resolved within \(pick(["1h", "4h", "1d"]))", "\(row) resolved after \(pick(["24h", "72h"]))",
          "\(row) open for \(pick(["2h", "3d", "30d"]))", "\(row) responded within \(pick(["30m", "2h"]))",
          "\(row) responded after \(pick(["1h", "1d"]))", "\(row) resolved", "\(row) in last \(pick(["2d", "10d"]))",
          "\(row).csat \(pick([">=", "<", "==", "!="])) \(pick(["1", "3", "4.5", "5"]))", "\(row).csat is null",
          "\(row).csat between \(pick(["1", "2"])) and \(pick(["4", "5"]))",
          "\(row).subject \(pick(["starts with \"re\"", "ends with \"?\"", "contains \"ORDER\""]))",
          "\(row).channel in [\"social\", \"email\"]", "\(row).channel not in [\"phone\"]",
          "\(row).resolved - \(row).opened < \(pick(["1h", "1d"]))", "\(row).first_response_at + 1h > \(row).resolved",
          "\(row).kind \(pick(["==", ">"])) \"\(pick(["complaint", "question", "Q"]))\"",
          "days_between(\(row).opened, \(row).resolved) >= \(pick(["1", "2"]))",
          "hour(\(row).opened) \(pick(["<", ">="])) 12", "day_of_week(\(row).opened) in [6, 7]",
          "coalesce(\(row).csat, 0) < 3", "trim(\(row).subject) ends with \"?\"",
        ])
      }
    }
    return pick([
      "customer.lifetime_value \(pick([">=", "<", "=="])) \(pick(["1000", "340.5", "99.99"]))",
      "customer.tier == \"\(pick(["gold", "silver", "bronze"]))\"", "customer.tier in [\"gold\", \"silver\"]",
      "customer.email_opt_in", "not customer.sms_opt_in", "customer.country != \"US\"",
      "customer.created_at < \(pick(["2026-01-01", "2025-10-01T12:00:00Z"]))", "customer.name contains \"a\"",
      "customer.email ends with \".org\"", "customer.phone is null", "customer.first_name is not null",
      "customer.lifetime_value between 100 and \(pick(["1000", "customer.lifetime_value * 2"]))",
      "customer.lifetime_value / 3 > 100", "-customer.lifetime_value < -500",
      "count(ticket in last \(pick(["30d", "90d"]))) >= \(pick(["1", "2", "3"]))",
      "count(complaint where complaint.csat <= 2) > 0", "count(unhappy) \(pick([">", "=="])) 0",
      "max(ticket.csat) >= 4", "min(ticket.csat in last 60d) < 3", "avg(ticket.csat) > 3.5",
      "sum(ticket.csat where ticket.channel == \"email\") > \(pick(["0", "5", "12"]))",
      "sum(complaint.csat in last 7d) == 0", "max(order.ordered_at) < 2026-10-01",
      "count(order where order.total > 100 in last 60d) >= 1", "count(call) == 0",
      "max(call.started_at) > now - 30d",
      "trim(customer.tier) == \"gold\"", "coalesce(customer.phone, customer.email) contains \"@\"",
      "month(customer.created_at) == \(pick(["9", "10"]))", "coalesce(customer.lifetime_value, 0) > 500",
    ])
  }
}
