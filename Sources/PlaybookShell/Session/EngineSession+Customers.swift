import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// `:explain CUSTOMER [RULE]`: each condition's value for the customer's rows.
  func explain(_ customerID: String, rule: String?) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    return explain(customerID, rule: rule, in: workspace, plan: currentPlan(workspace))
  }

  /// The explanation of `plan` (of `workspace`'s playbook) for the customer, or why there is none.
  func explain(_ customerID: String, rule: String?, in workspace: Workspace, plan: Plan) -> ShellOutput {
    if let rule, !workspace.model.rules.contains(where: { $0.rule.name.text == rule }) {
      return unknownName(rule, kinds: .rules)
    }
    do {
      return ShellOutput([.prose(try Explainer(plan: plan).explain(customerID: customerID, rule: rule).text())])
    } catch {
      return rendered([error.diagnostic], pending: nil)
    }
  }

  /// `:customer ID`: the customer's fields, then their rows in each event table.
  func customer(_ customerID: String) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    let plan = currentPlan(workspace)
    let number: Int
    do {
      number = try Explainer(plan: plan).findCustomer(customerID)
    } catch {
      return rendered([error.diagnostic], pending: nil)
    }
    let record = plan.record(ofCustomer: number)
    var blocks: [ShellOutput.Block] = [
      .table(
        TextTable(headers: ["field", "value"], rows: record.fields.map { [$0.name, $0.value] }))
    ]
    for rows in record.tables {
      guard !rows.rows.isEmpty else {
        blocks.append(.message("\nno \(rows.table)"))
        continue
      }
      blocks.append(.message("\n\(rows.table) (\(rows.rows.count.grouped))"))
      blocks.append(.table(TextTable(headers: rows.columns, rows: rows.rows)))
    }
    return ShellOutput(blocks)
  }

  /// `:sample N [NAME] [seed S]`: a seeded random sample (`SeededSample`) of a rule's or
  /// an offer's decisions, or of a segment's or all customers with their decisions, as
  /// `:decisions` shows them.
  func sample(_ count: Int, of name: String?, seed: UInt64) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    let dataset = workspace.dataset
    if let name, model.segments[name] == nil, !model.rules.contains(where: { $0.rule.name.text == name }),
      model.offer(name) == nil
    {
      return unknownName(name, kinds: [.rules, .segments, .offers])
    }
    guard let run = currentRun() else { return .message("stopped") }
    let rows: [(customer: String, decision: Decision?)]
    let total: Int
    let what: String
    if let name, model.segments[name] == nil {
      let isRule = model.rules.contains { $0.rule.name.text == name }
      let decisions = run.decisions.filter { isRule ? $0.rule == name : $0.offer == name }
      let picked = SeededSample.positions(count, of: decisions.map(\.customerID), seed: seed)
      rows = picked.map { (decisions[$0].customerID, decisions[$0]) }
      (total, what) = (decisions.count, "decisions of \(isRule ? "rule" : "offer") \(name)")
    } else {
      let plan = currentPlan(workspace)
      let customers = (0..<dataset.customers.rowCount).filter { customer in
        name.map { plan.isInSegment($0, customer: customer) == true } ?? true
      }
      let ids = customers.map(dataset.customerIDs.string)
      let picked = SeededSample.positions(count, of: ids, seed: seed).map { ids[$0] }
      let chosen = Set(picked)
      let byCustomer = Dictionary(grouping: run.decisions.filter { chosen.contains($0.customerID) }, by: \.customerID)
      rows = picked.flatMap { id in byCustomer[id].map { $0.map { (id, $0) } } ?? [(id, nil)] }
      (total, what) = (customers.count, name.map { "customers in segment \($0)" } ?? "customers")
    }
    guard !rows.isEmpty else { return .message("no \(what)") }
    let picked = Set(rows.map(\.customer)).count
    let another = ([":sample", String(count)] + (name.map { [$0] } ?? []) + ["seed", String(seed &+ 1)])
      .joined(separator: " ")
    return ShellOutput([
      .table(Self.decisionTable(rows, variants: !run.counts.byVariant.isEmpty)),
      .message(
        "\(min(count, total).grouped) of \(total.grouped) \(what), seed \(seed); \(another) picks others"
          + (picked < rows.count ? " (\(rows.count.grouped) decisions)" : "")),
    ])
  }
}
