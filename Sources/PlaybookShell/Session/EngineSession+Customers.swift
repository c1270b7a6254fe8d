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
    if let name, model.segments[name] == nil, !model.rules.contains(where: { $0.rule.name.text == name }),
      model.offer(name) == nil
    {
      return unknownName(name, kinds: [.rules, .segments, .offers])
    }
    guard let run = currentRun() else { return .message("stopped") }
    let sample = DecisionSample(count, of: name, seed: seed, decisions: run.decisions, plan: currentPlan(workspace))
    guard !sample.rows.isEmpty else { return .message("no \(sample.what)") }
    let another = ([":sample", String(count)] + (name.map { [$0] } ?? []) + ["seed", String(seed &+ 1)])
      .joined(separator: " ")
    return ShellOutput([
      .table(TextTable.decisions(sample.rows, variants: !run.counts.byVariant.isEmpty)),
      .message(sample.caption(note: "seed \(seed); \(another) picks others")),
    ])
  }
}
