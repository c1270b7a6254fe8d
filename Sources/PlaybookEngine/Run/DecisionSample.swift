import PlaybookLanguage

/// A seeded random sample (`SeededSample`) of a run's decisions or customers, as the
/// shell's `:sample` and `playloop sample` show it: of a rule's or an offer's decisions,
/// or of a segment's (or all) customers with their decisions; with a status, of the
/// decisions with it.
public struct DecisionSample: Sendable {
  /// The rows picked, in customer order: a decision, or a customer without one (nil).
  public var rows: [(customer: String, decision: Decision?)]
  /// How many were picked: decisions, or customers for a sample of customers.
  public var picked: Int
  /// How many there were to pick from.
  public var total: Int
  /// What was sampled: `decisions of offer THANKS10`, `customers in segment vip`.
  public var what: String

  /// `count` of `name`'s decisions (a rule or an offer), or of the customers in segment
  /// `name` (all when nil) with their decisions; with `status`, of those decisions with
  /// it. Picked by `seed` from `decisions`, the run of `plan`.
  public init(
    _ count: Int, of name: String?, status: DecisionStatus? = nil, seed: UInt64, decisions: [Decision], plan: Plan
  ) {
    let model = plan.model
    let segment = name.flatMap { model.segments[$0] == nil ? nil : $0 }
    let statusWords = status.map { " with status \($0.rawValue)" } ?? ""
    if let name, segment == nil {
      let isRule = model.rules.contains { $0.rule.name.text == name }
      let chosen = decisions.filter { d in
        (isRule ? d.rule == name : d.offer == name) && (status.map { d.status == $0 } ?? true)
      }
      self.init(
        picking: count, of: chosen, seed: seed, what: "decisions of \(isRule ? "rule" : "offer") \(name)" + statusWords)
      return
    }
    let dataset = plan.dataset
    let ids = (0..<dataset.customers.rowCount).filter { customer in
      segment.map { plan.isInSegment($0, customer: customer) == true } ?? true
    }.map(dataset.customerIDs.string)
    let ofSegment = segment.map { " of customers in segment \($0)" } ?? ""
    if let status {
      let inSegment = Set(ids)
      let chosen = decisions.filter { $0.status == status && inSegment.contains($0.customerID) }
      self.init(picking: count, of: chosen, seed: seed, what: "decisions" + statusWords + ofSegment)
      return
    }
    let picked = SeededSample.positions(count, of: ids, seed: seed).map { ids[$0] }
    let chosen = Set(picked)
    let byCustomer = Dictionary(grouping: decisions.filter { chosen.contains($0.customerID) }, by: \.customerID)
    self.init(
      rows: picked.flatMap { id in byCustomer[id].map { $0.map { (id, $0) } } ?? [(id, nil)] },
      picked: picked.count, total: ids.count, what: segment.map { "customers in segment \($0)" } ?? "customers")
  }

  private init(rows: [(customer: String, decision: Decision?)], picked: Int, total: Int, what: String) {
    self.rows = rows
    self.picked = picked
    self.total = total
    self.what = what
  }

  /// `count` of `decisions`, picked by `seed` over their customer ids.
  private init(picking count: Int, of decisions: [Decision], seed: UInt64, what: String) {
    let picked = SeededSample.positions(count, of: decisions.map(\.customerID), seed: seed)
    self.init(
      rows: picked.map { (decisions[$0].customerID, decisions[$0]) }, picked: picked.count, total: decisions.count,
      what: what)
  }
}
