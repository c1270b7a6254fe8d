import PlaybookLanguage

/// The tables as the engine sees them at the clock, and the `define`d rows.
extension SQLWriter {
  /// The alias every query reads the customer through.
  var customerAlias: String { d.identifier("customer") }

  /// The CTE holding the rows `row` names (a table's rows, or a `define`'s), emitted on
  /// first use. Its columns: `@key`, `@customer` (event rows), then the file's columns
  /// converted (numbers as floats, times as seconds, text in byte order).
  func rows(_ row: String) -> String {
    guard let binding = model.table(ofRow: row) else {
      preconditionFailure("row '\(row)' has no table; the checker resolves every row")
    }
    if let filters = checked.rowFilters[row], !filters.isEmpty {
      return defined(row, binding: binding, filters: filters)
    }
    return loaded(binding)
  }

  /// Where a load's rows are: a load from the database the SQL runs in is read where it
  /// is (its own table, or its query as a subquery); any other load is expected as a
  /// table named as the load, unless `tables` names the table it is in. `reads` says
  /// which, for the header; nil for a table named as the load.
  func source(of binding: TableBinding) -> (sql: String, reads: String?) {
    CandidateSQL.source(of: binding, dialect: d, tables: tables)
  }

  /// A load's rows: keyed, linked to a customer, and only those that exist at the clock.
  private func loaded(_ binding: TableBinding) -> String {
    let name = d.identifier("row_\(binding.rowName)")
    return cte(name, comment: origin(binding.load.table.range)) {
      let alias = d.identifier(binding.rowName)
      var select = ["\(d.keyText("\(alias).\(d.identifier(binding.keyColumn))")) AS \(d.identifier("@key"))"]
      var conditions: [String] = []
      var through = ""
      if binding.linkColumn != nil {
        let (joins, customer) = customerKey(of: binding, alias: alias)
        through = joins
        select.append("\(customer) AS \(d.identifier("@customer"))")
        conditions.append(
          "\(customer) IN (SELECT \(d.identifier("@key")) FROM \(rows("customer")))  -- rows of no customer are not linked"
        )
      }
      for column in columns(of: binding) {
        select.append("\(converted(column, of: binding, alias: alias)) AS \(d.identifier(column.name))")
      }
      if let opened = lifecycleColumn("opened", of: binding),
        let type = columns(of: binding).first(where: { $0.name == opened })?.type
      {
        let seconds = d.epochSeconds("\(alias).\(d.identifier(opened))", of: type)
        conditions.append("coalesce(\(seconds) <= \(clock), TRUE)  -- opened after the clock: not there yet")
      }
      return "  SELECT " + select.joined(separator: ",\n    ") + "\n  FROM \(source(of: binding).sql) AS \(alias)"
        + through + (conditions.isEmpty ? "" : "\n  WHERE " + conditions.joined(separator: "\n    AND "))
    }
  }

  /// The customer key of the row `alias` of `binding`: its link column, or through the
  /// rows it names (`link order_id to orders`, hop by hop), each joined by its key as the
  /// loader links them, whatever the clock. Returns the joins and the key.
  private func customerKey(of binding: TableBinding, alias: String, hop: Int = 1) -> (joins: String, key: String) {
    let linked = d.keyText("\(alias).\(d.identifier(binding.linkColumn ?? ""))")
    guard let name = binding.linkTable, let target = model.tables.first(where: { $0.name == name }) else {
      return ("", linked)
    }
    let via = d.identifier("via\(hop)_\(target.rowName)")
    let join =
      "\n  JOIN \(source(of: target).sql) AS \(via) ON \(d.keyText("\(via).\(d.identifier(target.keyColumn))")) = \(linked)"
    let (more, key) = customerKey(of: target, alias: via, hop: hop + 1)
    return (join + more, key)
  }

  /// A `define`d row: its table's rows that meet every filter down the chain.
  private func defined(_ row: String, binding: TableBinding, filters: [RowFilter]) -> String {
    let name = d.identifier("row_\(row)")
    let comment = filters.map { origin($0.condition.expr.range) }.reversed().joined(separator: "\n")
    return cte(name, comment: comment) {
      let alias = d.identifier(row)
      var scope = Scope(rows: ["customer": customerAlias])
      for filter in filters { scope.rows[filter.row] = alias }
      let conditions = filters.map { "(\(expr($0.condition, &scope))) IS TRUE" }
      return "  SELECT \(alias).* FROM \(rows(binding.rowName)) AS \(alias)\n"
        + "  JOIN \(rows("customer")) AS \(customerAlias) ON \(customerAlias).\(d.identifier("@key")) = \(alias).\(d.identifier("@customer"))\n"
        + scope.joins.map { "  \($0)\n" }.joined()
        + "  WHERE " + conditions.joined(separator: "\n    AND ")
    }
  }

  /// The columns the playbook was checked against, for one table.
  func columns(of binding: TableBinding) -> [ColumnSchema] {
    checked.schema.tables[binding.name] ?? []
  }

  /// The column a lifecycle field (`opened`, `responded`, `resolved`) reads, when the
  /// table has it as a time; nil otherwise (the engine then has no such time).
  func lifecycleColumn(_ field: String, of binding: TableBinding) -> String? {
    guard !binding.isCustomers else { return nil }
    let name = binding.column(forField: field)
    return columns(of: binding).first { $0.name == name && ($0.type == .timestamp || $0.type == .date) }?.name
  }

  /// One input column as the engine reads it.
  private func converted(_ column: ColumnSchema, of binding: TableBinding, alias: String) -> String {
    let sql = "\(alias).\(d.identifier(column.name))"
    switch column.type {
    case .integer, .decimal: return d.float(sql)
    case .boolean: return sql
    case .text: return d.byteOrder(sql)
    case .timestamp, .date:
      let seconds = d.epochSeconds(sql, of: column.type)
      // A lifecycle time after the clock has not happened yet: it reads as null.
      let lifecycle =
        !binding.isCustomers
        && binding.fieldColumns.contains { field, mapped in
          TableBinding.lifecycleDefaults[field] != nil && mapped == column.name
        }
      // Null past the clock, written to convert the time once (LEAST skips nulls): a
      // CASE converted it twice, and a time's conversion was most of a row's cost.
      return lifecycle ? "NULLIF(LEAST(\(seconds), \(clock + 1)), \(clock + 1))" : seconds
    }
  }
}

/// The row names an expression may read, by the alias they have in the query being
/// written, and the joins (segments, aggregates) the expression needs there.
struct Scope {
  var rows: [String: String]
  private(set) var joins: [String] = []

  init(rows: [String: String]) { self.rows = rows }

  mutating func join(_ sql: String) {
    if !joins.contains(sql) { joins.append(sql) }
  }
}
