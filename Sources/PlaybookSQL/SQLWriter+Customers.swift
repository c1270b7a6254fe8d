import PlaybookLanguage

/// What is computed once per customer: segments and aggregates.
extension SQLWriter {
  /// The CTE of segment `name` (`@key`, `value`), emitted on first use.
  func segment(_ name: String) -> String {
    guard let condition = checked.segments[name], let declared = model.segments[name] else {
      preconditionFailure("unknown segment '\(name)'; the checker resolves every segment")
    }
    return cte(d.identifier("segment_\(name)"), comment: origin(declared.name.range)) {
      var scope = Scope(rows: ["customer": customerAlias])
      let value = expr(condition, &scope)
      return "  SELECT \(customerAlias).\(d.identifier("@key")), \(value) AS value\n"
        + "  FROM \(rows("customer")) AS \(customerAlias)"
        + scope.joins.map { "\n  \($0)" }.joined()
    }
  }

  /// An aggregate's value for the scope's customer: its CTE joined, read. Count and sum
  /// of no rows are 0; avg, min and max of none are null. An aggregate whose filter reads
  /// a row of the scope around it (the trigger row: `count(order where order.opened >
  /// complaint.resolved)`) is correlated: its CTE has one value per row of that one,
  /// the aggregated rows joined to it by customer, and is joined by that row's key.
  func aggregate(_ typed: TypedExpr, _ aggregate: Aggregate, _ scope: inout Scope) -> String {
    let row = aggregate.row.text
    let alias = d.identifier(row)
    var inner = Scope(rows: ["customer": customerAlias, row: alias])
    // The scope's other rows, under aliases of their own, so that a filter reading one is seen.
    let outerRows = scope.rows.keys.filter { $0 != "customer" && $0 != row }.sorted()
    for outer in outerRows { inner.rows[outer] = d.identifier("outer_\(outer)") }
    var value = d.float("count(*)")
    if let field = aggregate.field {
      guard let binding = model.table(ofRow: row) else {
        preconditionFailure("row '\(row)' has no table; the checker resolves every row")
      }
      let column = binding.column(forField: field.text)
      let sql = "\(alias).\(d.identifier(column))"
      let type = columns(of: binding).first { $0.name == column }?.type
      if aggregate.function == .sum || aggregate.function == .avg, type != .integer {
        // The engine adds in file order; floats added in another order can differ in
        // the last bit, and a table keeps no order.
        value = refuse(
          typed.expr.range,
          "\(aggregate.function.rawValue) of a decimal column depends on the order rows are added in, which a table does not keep",
          construct: text(of: typed.expr.range))
      } else {
        value = "\(aggregate.function.rawValue)(\(sql))"
      }
    }
    var conditions: [String] = []
    if let inLast = aggregate.inLast {
      guard let binding = model.table(ofRow: row), let opened = lifecycleColumn("opened", of: binding) else {
        return refuse(typed.expr.range, "`in last` needs the table's opened time")
      }
      conditions.append("\(alias).\(d.identifier(opened)) >= \(clock - inLast.seconds)")
    }
    var filter: String?
    if let condition = typed.operands.first {
      filter = expr(condition, &inner)
      conditions.append("(\(filter!)) IS TRUE")
    }
    let correlated = outerRows.filter { outer in filter?.contains("\(inner.rows[outer]!).") == true }
    guard correlated.count <= 1 else {
      return refuse(typed.expr.range, "an aggregate's filter that reads two rows around it is not compiled")
    }
    let key = d.identifier("@key")
    let customer = d.identifier("@customer")
    var from = "  FROM \(rows(row)) AS \(alias)\n"
    var grouped = "\(alias).\(customer)"
    var selected = "\(grouped) AS \(key)"
    var joinedOn = "\(customerAlias).\(key)"
    if let outer = correlated.first, let outerAlias = inner.rows[outer], let around = scope.rows[outer] {
      // One value per row around: its key, its customer's rows.
      from =
        "  FROM \(rows(outer)) AS \(outerAlias)\n"
        + "  JOIN \(rows(row)) AS \(alias) ON \(alias).\(customer) = \(outerAlias).\(customer)\n"
      grouped = "\(outerAlias).\(key)"
      selected = "\(grouped) AS \(key)"
      joinedOn = "\(around).\(key)"
    }
    let body =
      "  SELECT \(selected), \(value) AS value\n"
      + from
      + "  JOIN \(rows("customer")) AS \(customerAlias) ON \(customerAlias).\(key) = \(alias).\(customer)"
      + inner.joins.map { "\n  \($0)" }.joined()
      + (conditions.isEmpty ? "" : "\n  WHERE " + conditions.joined(separator: "\n    AND "))
      + "\n  GROUP BY \(grouped)"
    let name =
      aggregateNames[body]
      ?? {
        let name = d.identifier("aggregate_\(aggregateNames.count + 1)")
        aggregateNames[body] = name
        return name
      }()
    _ = cte(name, comment: origin(typed.expr.range)) { body }
    scope.join("LEFT JOIN \(name) ON \(name).\(key) = \(joinedOn)")
    switch aggregate.function {
    case .count, .sum: return "coalesce(\(name).value, 0)"
    case .avg, .min, .max: return "\(name).value"
    }
  }
}
