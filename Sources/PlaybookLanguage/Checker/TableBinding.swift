/// One `load` statement, resolved.
public struct TableBinding: Sendable {
  /// The `load` statement as parsed, for pointing a data file's error at its path or name.
  public var load: Load
  /// `tickets`
  public var name: String
  /// `ticket` (from `as`, else `name` singularised).
  public var rowName: String
  /// The path as written; the engine resolves it against the playbook's folder.
  public var path: String
  /// The column holding each row's id: `key COL`, else `id`.
  public var keyColumn: String
  /// The column naming the customer; nil for the customers table.
  public var linkColumn: String?
  /// With `link COL to TABLE`, the event table whose key `linkColumn` names (the row is
  /// the customer's of that table's row); nil when it names the customer.
  public var linkTable: String?
  /// True for the table whose rows are named `customer`; every other table links to it.
  public var isCustomers: Bool
  /// Field name → column name: `with` mappings over the lifecycle defaults
  /// (`opened` → `opened_at`, `responded` → `first_response_at`, `resolved` → `resolved_at`).
  public var fieldColumns: [String: String]
  /// Column name → type, from the `types` clause: they override what the loader infers
  /// from the data. Empty when the load has no `types` clause.
  public var declaredTypes: [String: ColumnType]
  /// `delimiter`: the CSV field delimiter; nil detects it from the header.
  public var delimiter: FieldDelimiter?
  /// `encoding`: how the file's text is stored (UTF-8 unless stated).
  public var encoding: TextEncoding

  /// The column a field name reads: a mapped field, else the column of that name.
  public func column(forField field: String) -> String {
    fieldColumns[field] ?? field
  }

  /// The lifecycle defaults; `with` overrides them.
  public static let lifecycleDefaults: [String: String] = [
    "opened": "opened_at", "responded": "first_response_at", "resolved": "resolved_at",
  ]
}
