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
