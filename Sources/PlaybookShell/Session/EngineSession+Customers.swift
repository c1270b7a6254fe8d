import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// `:explain CUSTOMER [RULE]`: each condition's value for the customer's rows.
  func explain(_ customerID: String, rule: String?) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    if let rule, !model.rules.contains(where: { $0.rule.name.text == rule }) {
      return unknownName(rule, kinds: .rules)
    }
    do {
      let explanation = try Explainer(plan: currentPlan(workspace)).explain(
        customerID: customerID, rule: rule)
      return .message(explanation.text())
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
      number = try Explainer(plan: plan).customerNumber(customerID)
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

  /// `:sample N [NAME]`: the first N customers, in data order, of a rule's candidates, a
  /// segment, an offer's audience (decided `send`), or all customers.
  func sample(_ count: Int, of name: String?) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    let dataset = workspace.dataset
    let customers: [Int]
    let what: String
    if let name, let ruleIndex = model.rules.firstIndex(where: { $0.rule.name.text == name }) {
      guard let run = currentRun() else { return .message("stopped") }
      customers = Self.distinct(run.ruleCandidates[ruleIndex].map { Int($0.customer) })
      what = "rule \(model.rules[ruleIndex].rule.name.text)'s candidates"
    } else if let name, model.segments[name] != nil {
      let plan = currentPlan(workspace)
      customers = (0..<plan.customerCount).filter { plan.isInSegment(name, customer: $0) == true }
      what = "segment \(name)"
    } else if let name, model.offer(name) != nil {
      guard let run = currentRun() else { return .message("stopped") }
      customers = Self.distinct(
        run.decisions.filter { $0.offer == name && $0.status == .send }
          .compactMap { dataset.customerNumber($0.customerID).map(Int.init) })
      what = "offer \(name)'s audience"
    } else if let name {
      return unknownName(name, kinds: [.rules, .segments, .offers])
    } else {
      customers = Array(0..<dataset.customers.rowCount)
      what = "all customers"
    }
    let shown = customers.prefix(count)
    guard !shown.isEmpty else { return .message("no customers in \(what)") }
    let columns = dataset.customers.columns
    let plan = currentPlan(workspace)
    let rows = shown.map { customer in plan.record(ofCustomer: customer).fields.map(\.value) }
    return ShellOutput([
      .table(TextTable(headers: columns.map(\.name), rows: rows)),
      .message("\(shown.count.grouped) of \(plural(customers.count, "customer")) in \(what)"),
    ])
  }

  /// The numbers in ascending order, once each.
  static func distinct(_ numbers: [Int]) -> [Int] {
    Array(Set(numbers)).sorted()
  }
}
