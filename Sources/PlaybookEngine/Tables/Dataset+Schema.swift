public import PlaybookLanguage

extension Dataset {
  /// The columns of every loaded table by table name, for the checker.
  public var schema: DataSchema {
    var tables = [customers.name: customers.schema]
    for (name, table) in events { tables[name] = table.schema }
    return DataSchema(tables: tables)
  }
}
