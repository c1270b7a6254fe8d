public import PlaybookEngine
public import PlaybookLanguage
import PlaybookSQL

/// Candidates a SQL engine computed, as rows of text in `CandidateColumn` order, turned
/// into the engine's `Candidate`s: customer id → customer number, rule → rule index,
/// trigger id → trigger row, offer → send index. Every engine's rows (PostgreSQL's
/// through libpq, Spark's as text) map here, so they are checked alike: a row that
/// names nothing in the plan, or disagrees with it (a trigger row of another customer,
/// a `send_at` or priority the plan would not give), is an error, never dropped.
public enum CandidateRows {
  /// The candidates of `rows`, in `Plan.candidates()`'s order. A row names a rule's send
  /// line by the line's first offer, and such lines map in order: the k-th row of a
  /// customer, rule, trigger and offer is the rule's k-th line starting with that offer (the
  /// SQL sorts a trigger's rows by send). A split's line becomes the customer's variant,
  /// picked by the same hash as in memory. `engine` names the engine in errors.
  public static func candidates(_ rows: [[String?]], of plan: Plan, engine: String) throws(Diagnostic)
    -> [Candidate]
  {
    let lookup = CandidateLookup(plan: plan)
    let columns = CandidateColumn.allCases
    var candidates: [Candidate] = []
    candidates.reserveCapacity(rows.count)
    // (customer, rule, trigger row, offer) → the sends of that offer mapped so far.
    var sendsSeen: [SendKey: Int] = [:]
    for (n, row) in rows.enumerated() {
      func fail(_ reason: String) -> Diagnostic {
        Diagnostic(.engineMismatch(engine: engine, row: n + 1, reason: reason), file: nil)
      }
      guard row.count == columns.count else {
        throw fail("it has \(row.count) values where a candidate has \(columns.count)")
      }
      func value(_ column: CandidateColumn) -> String? { row[columns.firstIndex(of: column)!] }
      func required(_ column: CandidateColumn) throws(Diagnostic) -> String {
        guard let text = value(column) else { throw fail("its \(column.rawValue) is null") }
        return text
      }
      func time(_ column: CandidateColumn) throws(Diagnostic) -> Int64 {
        let text = try required(column)
        guard let seconds = Timestamp.parse(text)?.seconds else {
          throw fail("its \(column.rawValue) '\(text)' is not an ISO 8601 time")
        }
        return seconds
      }
      let id = try required(.customerID)
      guard let customer = plan.dataset.customerNumber(id) else {
        throw fail("its customer '\(id)' is not among the customers the run loaded")
      }
      let name = try required(.rule)
      guard let rule = lookup.rule(named: name) else { throw fail("the playbook has no rule '\(name)'") }
      let table = lookup.triggerTable(ofRule: rule)
      guard value(.triggerTable) == table else {
        throw fail(
          "its trigger table is \(value(.triggerTable).map { "'\($0)'" } ?? "null") where rule '\(name)' reads "
            + (table.map { "'\($0)'" } ?? "no table"))
      }
      var triggerRow: Int32 = -1
      if let table {
        let key = try required(.triggerID)
        guard !lookup.isShared(ofRule: rule, id: key) else {
          throw fail(
            "its trigger id '\(key)' is held by more than one row of '\(table)', so it names none of them: "
              + "give those rows keys, or run with --engine memory")
        }
        guard let found = lookup.triggerRow(ofRule: rule, id: key) else {
          throw fail("its trigger id '\(key)' is not among the rows of '\(table)' the run loaded")
        }
        guard lookup.customer(ofTriggerRow: found, rule: rule) == customer else {
          throw fail("its trigger row '\(key)' of '\(table)' is not customer '\(id)''s")
        }
        triggerRow = found
      } else if let key = value(.triggerID) {
        throw fail("it names trigger id '\(key)' for rule '\(name)', which has no trigger rows")
      }
      let offer = try required(.offer)
      let sends = lookup.lines(ofRule: rule, offer: offer)
      let seen = sendsSeen[SendKey(customer: customer, rule: rule, row: triggerRow, offer: offer), default: 0]
      guard seen < sends.count else {
        throw fail(
          sends.isEmpty
            ? "rule '\(name)' has no send line whose first offer is '\(offer)'"
            : "rule '\(name)' has \(sends.count) send line(s) starting with '\(offer)' per trigger, and this row is one more"
        )
      }
      sendsSeen[SendKey(customer: customer, rule: rule, row: triggerRow, offer: offer)] = seen + 1
      let send = lookup.send(ofLine: sends[seen], rule: rule, customer: customer)
      let triggerTime = try time(.triggerTime)
      let sendAt = try time(.sendAt)
      let expected = lookup.sendAt(rule: rule, send: send, triggerTime: triggerTime)
      guard sendAt == expected else {
        throw fail("its send_at \(Timestamp.format(sendAt)) is not the plan's \(Timestamp.format(expected))")
      }
      let priority = try required(.priority)
      guard priority == String(lookup.priority(ofRule: rule)) else {
        throw fail("its priority \(priority) is not rule '\(name)''s \(lookup.priority(ofRule: rule))")
      }
      candidates.append(
        Candidate(
          customer: customer, rule: rule, send: send, triggerRow: triggerRow, triggerTime: triggerTime,
          sendAt: sendAt))
    }
    return candidates.sorted {
      ($0.customer, $0.rule, $0.triggerRow, $0.send) < ($1.customer, $1.rule, $1.triggerRow, $1.send)
    }
  }

  private struct SendKey: Hashable {
    var customer: Int32
    var rule: Int32
    var row: Int32
    var offer: String
  }
}
