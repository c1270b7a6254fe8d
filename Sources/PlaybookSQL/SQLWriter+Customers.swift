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
  /// of no rows are 0; avg, min and max of none are null.
  func aggregate(_ typed: TypedExpr, _ aggregate: Aggregate, _ scope: inout Scope) -> String {
    let row = aggregate.row.text
    let alias = d.identifier(row)
    var inner = Scope(rows: ["customer": customerAlias, row: alias])
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
    if let filter = typed.operands.first {
      conditions.append("(\(expr(filter, &inner))) IS TRUE")
    }
    let body =
      "  SELECT \(alias).\(d.identifier("@customer")) AS \(d.identifier("@key")), \(value) AS value\n"
      + "  FROM \(rows(row)) AS \(alias)\n"
      + "  JOIN \(rows("customer")) AS \(customerAlias) ON \(customerAlias).\(d.identifier("@key")) = \(alias).\(d.identifier("@customer"))"
      + inner.joins.map { "\n  \($0)" }.joined()
      + (conditions.isEmpty ? "" : "\n  WHERE " + conditions.joined(separator: "\n    AND "))
      + "\n  GROUP BY \(alias).\(d.identifier("@customer"))"
    let name =
      aggregateNames[body]
      ?? {
        let name = d.identifier("aggregate_\(aggregateNames.count + 1)")
        aggregateNames[body] = name
        return name
      }()
    _ = cte(name, comment: origin(typed.expr.range)) { body }
    scope.join("LEFT JOIN \(name) ON \(name).\(d.identifier("@key")) = \(customerAlias).\(d.identifier("@key"))")
    switch aggregate.function {
    case .count, .sum: return "coalesce(\(name).value, 0)"
    case .avg, .min, .max: return "\(name).value"
    }
  }
}
