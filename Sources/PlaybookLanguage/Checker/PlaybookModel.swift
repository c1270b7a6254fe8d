/// A playbook's declarations, resolved by name: what the engine loads and evaluates.
///
/// Built from the AST without looking at any data (`PlaybookModel(playbook:file:)`), so
/// the engine knows which files to load; `check(schema:)` then checks every expression
/// against the loaded columns.
public struct PlaybookModel: Sendable {
  public var playbook: Playbook
  /// The file the playbook came from, for diagnostics.
  public var file: String
  /// `playbook "…"`; empty when absent.
  public var name: String
  /// `as of`, in seconds since the epoch.
  public var clock: Int64?
  /// `window`, in seconds; nil for `window all`. Defaults to 30 days.
  public var window: Int64?
  public var tables: [TableBinding]
  /// Row names (`customer`, `ticket`, `complaint`) and what they stand for.
  public var rows: [String: RowBinding]
  public var segments: [String: Segment]
  public var channels: [Channel]
  public var offers: [Offer]
  public var rules: [RuleBinding]
  public var limit: Limit?
  /// `holdout N%`; 0 when absent.
  public var holdoutPercent: Double
  public var export: Export?
  public var ledger: StringLiteral?
  public var tests: [PlaybookTest]

  /// The table whose rows are `customer`.
  public var customerTable: TableBinding? { tables.first { $0.isCustomers } }

  /// The table a row name reads, following `define`s.
  public func table(ofRow row: String) -> TableBinding? {
    guard let binding = rows[row] else { return nil }
    return tables.first { $0.name == binding.table }
  }

  public func offer(_ code: String) -> Offer? { offers.first { $0.code.text == code } }
  public func channel(_ name: String) -> Channel? { channels.first { $0.name.text == name } }
}

/// One `load` statement, resolved.
public struct TableBinding: Sendable {
  public var load: Load
  /// `tickets`
  public var name: String
  /// `ticket` (from `as`, else `name` singularised).
  public var rowName: String
  /// The path as written; the engine resolves it against the playbook's folder.
  public var path: String
  public var keyColumn: String
  /// The column naming the customer; nil for the customers table.
  public var linkColumn: String?
  public var isCustomers: Bool
  /// Field name → column name: `with` mappings over the lifecycle defaults
  /// (`opened` → `opened_at`, `responded` → `first_response_at`, `resolved` → `resolved_at`).
  public var fieldColumns: [String: String]
  public var declaredTypes: [String: ColumnType]

  /// The column a field name reads: a mapped field, else the column of that name.
  public func column(forField field: String) -> String {
    fieldColumns[field] ?? field
  }

  /// The lifecycle defaults; `with` overrides them.
  public static let lifecycleDefaults: [String: String] = [
    "opened": "opened_at", "responded": "first_response_at", "resolved": "resolved_at",
  ]
}

/// What a row name stands for: a table's rows, or (`define`) those matching a condition.
public struct RowBinding: Sendable {
  public var name: String
  public var table: String
  /// The conditions a row must meet, outermost `define` last; each is written in terms
  /// of the row name in `filterRows` at the same index.
  public var filters: [Expr]
  public var filterRows: [String]
  public var isCustomer: Bool
  public var range: SourceRange?
}

/// A rule with what the checker worked out about it.
public struct RuleBinding: Sendable {
  public var rule: Rule
  /// The event row the rule triggers on; nil for a customer-only rule.
  public var trigger: String?
  /// `priority`, 0 when absent.
  public var priority: Int
  /// Position in the file, for tie-breaking.
  public var order: Int
}
