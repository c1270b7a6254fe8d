/// What a candidate computed outside the engine (by a database, from the playbook
/// compiled to SQL) names, turned back into the engine's numbers: a rule by its name,
/// a send by its offer, a trigger row by its key. Built once per run; each trigger
/// table's keys are indexed on first use.
public final class CandidateLookup {
  /// The plan the candidates are of.
  public let plan: Plan
  private let ruleNumbers: [String: Int32]
  /// Trigger table name → its key index (keys as the trigger id's text).
  private var keyIndexes: [String: KeyIndex] = [:]
  /// Per trigger table, the keys more than one row holds: only the empty key, which names
  /// no row (the loader sets aside every other repeat).
  private var sharedKeys: [String: Set<String>] = [:]

  /// A lookup into `plan`.
  public init(plan: Plan) {
    self.plan = plan
    var numbers: [String: Int32] = [:]
    for (i, rule) in plan.rules.enumerated() { numbers[rule.name] = Int32(i) }
    ruleNumbers = numbers
  }

  /// The rule named `name`, as an index into the plan's rules.
  public func rule(named name: String) -> Int32? { ruleNumbers[name] }

  /// The rule's priority.
  public func priority(ofRule rule: Int32) -> Int { plan.rules[Int(rule)].priority }

  /// The name of the table the rule's trigger rows come from; nil for a customer-only rule.
  public func triggerTable(ofRule rule: Int32) -> String? { plan.rules[Int(rule)].trigger?.table.name }

  /// The rule's send lines whose first offer is `offer`, in order, each as its first
  /// send's index: a compiled candidate names a line by its first offer, a split's too.
  public func lines(ofRule rule: Int32, offer: String) -> [Int32] {
    let plan = plan.rules[Int(rule)]
    return plan.lines.map(\.first).filter { plan.sends[$0].offer == offer }.map(Int32.init)
  }

  /// The send the line starting at `first` makes to `customer`: the first, or for a
  /// split the customer's variant, as `Plan.candidates` picks it.
  public func send(ofLine first: Int32, rule: Int32, customer: Int32) -> Int32 {
    guard let line = plan.rules[Int(rule)].lines.first(where: { $0.first == Int(first) }) else { return first }
    var bucket = -1
    return Int32(line.send(customer: Int(customer), ids: plan.dataset.customerIDs, bucket: &bucket))
  }

  /// When the send goes out for a trigger at `triggerTime` (before channel windows).
  public func sendAt(rule: Int32, send: Int32, triggerTime: Int64) -> Int64 {
    plan.sendAt(triggerTime: triggerTime, after: plan.rules[Int(rule)].sends[Int(send)].after)
  }

  /// The row of the rule's trigger table whose key's text is `id`; nil when none is.
  public func triggerRow(ofRule rule: Int32, id: String) -> Int32? {
    guard let trigger = plan.rules[Int(rule)].trigger else { return nil }
    let index = keyIndex(trigger)
    var id = id
    let row = id.withUTF8 { index.number(of: $0) }
    return row < 0 ? nil : row
  }

  /// Whether more than one row of the rule's trigger table has the key `id`, so that
  /// `id` does not say which row a candidate is of.
  public func isShared(ofRule rule: Int32, id: String) -> Bool {
    guard let trigger = plan.rules[Int(rule)].trigger else { return false }
    _ = keyIndex(trigger)
    return sharedKeys[trigger.table.name]?.contains(id) == true
  }

  /// The customer number `row` of the rule's trigger table is linked to (-1 for none).
  public func customer(ofTriggerRow row: Int32, rule: Int32) -> Int32 {
    plan.rules[Int(rule)].trigger?.link.customerOfRow[Int(row)] ?? -1
  }

  /// The trigger table's key index, built on first use. A key column that is not text
  /// (declared with `types`) is indexed by its values' text, as trigger ids are written.
  private func keyIndex(_ trigger: TriggerSource) -> KeyIndex {
    if let index = keyIndexes[trigger.table.name] { return index }
    let keys: TextColumn
    if case .text(let text) = trigger.keys.values {
      keys = text
    } else {
      var text = TextColumn()
      for row in 0..<trigger.table.rowCount {
        text.append(utf8: (ValueText.text(of: trigger.keys, row: row) ?? "").utf8)
      }
      keys = text
    }
    let (index, duplicates) = KeyIndex.build(keys)
    keyIndexes[trigger.table.name] = index
    sharedKeys[trigger.table.name] = Set(duplicates.map { keys.string($0.row) })
    return index
  }
}
