import PlaybookLanguage

/// A checked playbook compiled to one SQL statement that computes every candidate (the
/// engine's `Plan.candidates`) with the in-memory engine's meaning: a CTE per table,
/// `define`, segment, aggregate and rule, each commented with its playbook line.
///
/// Decisions (collapse, channels, limits, holdout, the ledger) are not compiled: they
/// stay in Swift. What the dialect cannot express exactly is refused with a
/// `compile_unsupported` diagnostic at the construct, never compiled to something close.
public enum CandidateSQL {
  /// The SQL for `checked` at `clock` (seconds since 1970-01-01 UTC), or the refusals.
  ///
  /// - Parameters:
  ///   - checked: the playbook as checked against its data's columns, whose types the
  ///     input tables are expected to have.
  ///   - source: the playbook's text, for the line comments and the diagnostics.
  ///   - clock: the evaluation time; it and the window are literals in the SQL.
  ///   - dialect: the SQL engine written for.
  ///   - tables: loads whose rows are read from a table other than the one the load
  ///     states (or is named as): load name → that table as SQL (`pg_temp."t"`), e.g. a
  ///     copy of the engine's own rows that `playloop run --engine postgres` made.
  ///   - splitsByLine: a split (`send A 70% or B 30%`) is compiled as its line, the row
  ///     naming the line's first offer, for a caller that picks each customer's variant
  ///     itself (`CandidateRows`, for `playloop run --engine`); without it a split is
  ///     refused, since the SQL cannot compute the variant's hash.
  public static func compile(
    _ checked: CheckedPlaybook, source: SourceFile, clock: Int64, dialect: any SQLDialect,
    tables: [String: String] = [:], splitsByLine: Bool = false
  ) throws(CompileRefusal) -> String {
    let writer = SQLWriter(checked: checked, source: source, clock: clock, dialect: dialect, tables: tables)
    writer.splitsByLine = splitsByLine
    let sql = writer.statement()
    guard writer.refusals.isEmpty else { throw CompileRefusal(diagnostics: writer.refusals) }
    return sql
  }
}

extension CandidateSQL {
  /// Where the statement reads `binding`'s rows: the table `tables` names for the load;
  /// a load from the dialect's own database where it is (its table, or its query as a
  /// subquery); else a table named as the load.
  public static func rows(of binding: TableBinding, dialect: any SQLDialect, tables: [String: String] = [:])
    -> String
  {
    source(of: binding, dialect: dialect, tables: tables).sql
  }

  /// `rows(of:dialect:tables:)`, and what the header says it reads: nil for a table named
  /// as the load.
  static func source(of binding: TableBinding, dialect d: any SQLDialect, tables: [String: String])
    -> (sql: String, reads: String?)
  {
    if let table = tables[binding.name] { return (table, table) }
    guard let database = binding.load.database, let kind = d.database, database.kind.text == kind.rawValue else {
      return (d.identifier(binding.name), nil)
    }
    if let table = database.table {
      let name = DatabaseTableName(table.value).quoted
      return (name, name)
    }
    // A query may span lines: the header names it rather than quoting it.
    return ("(\(DatabaseSource.enclosable(database.query?.value ?? "")))", "the load's query")
  }
}

/// The constructs a dialect cannot compile, one `compile_unsupported` diagnostic each.
public struct CompileRefusal: Error, Sendable {
  /// In source order.
  public var diagnostics: [Diagnostic]
}

/// The columns of the statement's result, in order: the candidate as the engine has it,
/// with names instead of indices.
public enum CandidateColumn: String, CaseIterable, Sendable {
  case customerID = "customer_id"
  case rule
  case offer
  /// The load's table name; null for a customer-only rule.
  case triggerTable = "trigger_table"
  /// The trigger row's key; null for a customer-only rule.
  case triggerID = "trigger_id"
  /// ISO 8601 in UTC.
  case triggerTime = "trigger_time"
  /// ISO 8601 in UTC.
  case sendAt = "send_at"
  case priority
}
