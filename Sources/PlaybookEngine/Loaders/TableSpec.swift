import PlaybookLanguage

/// One `load` statement, resolved: which file to read as which table, and how it links.
public struct TableSpec: Sendable, Equatable {
  /// The table name (`customers`, `tickets`).
  public var name: String
  /// The file, absolute or relative to the current directory (already resolved against
  /// the playbook's folder).
  public var path: String
  /// CSV or JSON Lines; by default from the path's extension.
  public var format: TableFormat
  /// The column holding each row's key (customer id, trigger id).
  public var keyColumn: String
  /// The column naming each event row's customer; nil for the customers table.
  public var linkColumn: String?
  /// With `link COL to TABLE`, the event table whose key `linkColumn` names: each row is
  /// the customer's of that table's row. Nil when `linkColumn` names the customer.
  public var linkTable: String?
  /// What one row is called in messages (`order "X" does not exist`).
  public var rowName: String
  /// Column types stated with `types`; other columns are inferred.
  public var declaredTypes: [String: ColumnType]
  /// Lifecycle field → the column it reads (`opened` → `opened_at`), for an event table:
  /// a row whose `responded` or `resolved` time is before its `opened` one is set aside.
  public var lifecycleColumns: [String: String] = [:]
  /// The CSV field delimiter stated with `delimiter`; nil detects it from the header.
  public var delimiter: FieldDelimiter?
  /// The file's text encoding (`encoding`); a byte-order mark overrides it.
  public var encoding: TextEncoding
  /// Column name → the format its timestamps or dates are written in (`types c =
  /// timestamp "%d/%m/%Y"`); other time columns are read as inferred ones are.
  public var timeFormats: [String: TimestampFormat] = [:]
  /// Field texts that mean null (`nulls "NA"`), besides empty and whitespace-only ones.
  public var nullTokens: [String] = []
  /// The zone of times written without an offset (`timezone "Europe/Rome"`); nil for UTC.
  public var timezone: String?
  /// The rows a database load reads (`from sqlite "app.db" table "t"`), `path` being the
  /// database file; nil for a data file.
  public var database: DatabaseSelection?
  /// The columns of a data file kept in its table (a database load keeps all); its key
  /// and link columns must be among them. Only for a load that keeps no snapshot: a
  /// snapshot holds every column.
  public var keptColumns = KeptColumns.all

  /// A spec for the file at `path`; `format` nil takes it from the path's extension, and
  /// `linkColumn` nil makes this the customers table; `rowName` nil is `name` in the
  /// singular; `delimiter` nil detects it.
  public init(
    name: String, path: String, format: TableFormat? = nil, keyColumn: String = "id",
    linkColumn: String? = nil, linkTable: String? = nil, rowName: String? = nil,
    declaredTypes: [String: ColumnType] = [:], delimiter: FieldDelimiter? = nil, encoding: TextEncoding = .utf8
  ) {
    self.name = name
    self.path = path
    self.format = format ?? TableFormat(path: path)
    self.keyColumn = keyColumn
    self.linkColumn = linkColumn
    self.linkTable = linkTable
    self.rowName = rowName ?? PlaybookModel.singular(name)
    self.declaredTypes = declaredTypes
    self.delimiter = delimiter
    self.encoding = encoding
  }
}

extension TableSpec {
  /// The spec of a playbook's `load`: its file resolved against `baseDirectory` (the
  /// playbook's folder), its clauses, and for an event table its lifecycle columns.
  public init(_ table: TableBinding, baseDirectory: String) {
    self.init(
      name: table.name,
      path: table.load.path == nil ? table.path : Workspace.resolve(table.path, against: baseDirectory),
      keyColumn: table.keyColumn, linkColumn: table.linkColumn, linkTable: table.linkTable,
      rowName: table.rowName, declaredTypes: table.declaredTypes, delimiter: table.delimiter,
      encoding: table.encoding)
    timeFormats = table.timeFormats
    nullTokens = table.nullTokens
    timezone = table.timezone
    database = table.load.database.flatMap(DatabaseSelection.init)
    if !table.isCustomers {
      for field in TableBinding.lifecycleDefaults.keys {
        lifecycleColumns[field] = table.column(forField: field)
      }
    }
  }
}
