import Foundation
import PlaybookLanguage
import PlaybookSQL

@testable import PlaybookEngine

/// One playbook's candidates computed twice, by the engine and by its compiled SQL on
/// PostgreSQL or Spark, as rows of text in the same form and the same order.
struct Differential {
  /// `customer_id␟rule␟offer␟trigger_table␟trigger_id␟trigger_time␟send_at␟priority`, null as `∅`.
  var engine: [String]
  var database: [String]

  /// The first rows where the two differ, for a failure message; nil when they agree.
  var difference: String? {
    guard engine != database else { return nil }
    let engineOnly = Set(engine).subtracting(database).sorted().prefix(5)
    let databaseOnly = Set(database).subtracting(engine).sorted().prefix(5)
    let shown = { (rows: ArraySlice<String>) in
      rows.map { "  " + $0.replacingOccurrences(of: "\u{1F}", with: " | ") }.joined(separator: "\n")
    }
    return "engine \(engine.count) rows, database \(database.count)\nonly in the engine:\n\(shown(engineOnly))\n"
      + "only in the database:\n\(shown(databaseOnly))"
      + (engineOnly.isEmpty && databaseOnly.isEmpty ? "\n(the same rows in another order)" : "")
  }

  init(engine: [String], database: [String]) {
    self.engine = engine
    self.database = database
  }

  /// The engine's candidates for `workspace` at `clock` beside `database`'s: rows in the
  /// `CandidateColumn` order, as a runner returns them.
  init(_ workspace: Workspace, clock: Int64, database: [[String?]]) {
    engine = Self.rows(Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock))
    self.database = database.map { row in row.map { $0 ?? "∅" }.joined(separator: "\u{1F}") }
  }

  /// Runs both for `workspace` at `clock`. The tables go into a fresh schema; the SQL
  /// runs in a session whose TimeZone is `timeZone`.
  init(_ workspace: Workspace, clock: Int64, timeZone: String = "UTC", textCollation: String? = nil) throws {
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: clock)
    engine = Self.rows(plan)
    let sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.postgres.dialect)
    let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    var script = SchemaScript.script(workspace.dataset, schema: schema, textCollation: textCollation)
    script += "SET TimeZone = '\(timeZone)';\n" + sql
    script += "DROP SCHEMA \(schema) CASCADE;\n"
    database = try DifferentialDatabase.psql(script).split(separator: "\u{1E}").map {
      String($0.trimmingCharacters(in: .newlines))
    }.filter { !$0.isEmpty }
  }

  /// The engine's candidates as rows, sorted as the SQL sorts them: customer id and
  /// trigger id as bytes, then rule and send order.
  static func rows(_ plan: Plan) -> [String] {
    let keyed = plan.candidates().map { c -> (key: ([UInt8], Int32, [UInt8], Int32), row: String) in
      let rule = plan.rules[Int(c.rule)]
      let customer = plan.dataset.customerIDs.string(Int(c.customer))
      let trigger = plan.triggerID(of: c)
      let fields = [
        customer, rule.name, rule.sends[Int(c.send)].offer, rule.trigger?.table.name ?? "∅", trigger ?? "∅",
        Timestamp.format(c.triggerTime), Timestamp.format(c.sendAt), "\(rule.priority)",
      ]
      return ((Array(customer.utf8), c.rule, Array((trigger ?? "").utf8), c.send), fields.joined(separator: "\u{1F}"))
    }
    return keyed.sorted { a, b in
      if a.key.0 != b.key.0 { return a.key.0.lexicographicallyPrecedes(b.key.0) }
      if a.key.1 != b.key.1 { return a.key.1 < b.key.1 }
      if a.key.2 != b.key.2 { return a.key.2.lexicographicallyPrecedes(b.key.2) }
      return a.key.3 < b.key.3
    }.map(\.row)
  }
}
