public import PlaybookLanguage

extension Dataset {
  /// Each table `model` loads, described, in the order of its `load` statements.
  public func describe(_ model: PlaybookModel) -> [TableDescription] {
    model.tables.compactMap { binding in
      guard let table = binding.isCustomers ? customers : events[binding.name] else { return nil }
      return TableDescription(
        table: table, binding: binding, setAside: setAside.filter { $0.table == binding.name },
        customerOfRow: links[binding.name]?.customerOfRow)
    }
  }
}

extension TableDescription {
  /// `table` as `binding` loaded it, with the rows set aside from it. An event table's
  /// rows that link to no customer (`customerOfRow` -1) are set aside too, though the
  /// table holds them: the counts and examples leave them out.
  init(table: Table, binding: TableBinding, setAside rows: [SetAsideRow], customerOfRow: ColumnArray<Int32>?) {
    let kept = customerOfRow.map { links in (0..<table.rowCount).filter { links[$0] >= 0 } }
    self.init(
      table: binding.name, file: table.file, rowsLoaded: kept?.count ?? table.rowCount, setAsideCount: rows.count,
      setAside: Array(rows.prefix(Self.shownSetAside)),
      columns: table.columns.map { column in
        let nulls =
          kept.map { $0.count { column.nulls.isNull($0) } }
          ?? column.nulls.words.reduce(0) { $0 + $1.nonzeroBitCount }
        return ColumnDescription(
          column: column.name,
          fields: binding.fieldColumns.filter { $0.value == column.name && $0.key != column.name }.keys.sorted(),
          type: column.type,
          why: Self.reason(column, binding: binding),
          nulls: nulls, examples: Self.examples(column, rows: kept ?? Array(0..<table.rowCount)))
      })
  }

  /// Why `column` has its type; a text column most of whose values are of another type
  /// names the first that is not, as the loader found it (`Column.textReason`).
  static func reason(_ column: Column, binding: TableBinding) -> TypeReason {
    // The loader keeps the last declaration of a column.
    if let declaration = binding.load.columnTypes.last(where: { $0.column.text == column.name }) {
      return .declared(line: declaration.column.range.start.line)
    }
    if column.name == binding.keyColumn { return .keyColumn }
    if column.name == binding.linkColumn { return .linkColumn }
    if let type = column.databaseType { return .databaseText(type: type) }
    if binding.load.database != nil { return .database }
    if (0..<column.nulls.count).allSatisfy(column.nulls.isNull) { return .allNull }
    if case .misfit(let type, let first, let count)? = column.textReason {
      return .misfit(line: first.line, value: ShownValue.truncated(first.text), notA: type, count: count)
    }
    if case .ambiguousDayMonth(let first, let formats)? = column.textReason {
      return .dayMonth(line: first.line, value: ShownValue.truncated(first.text), formats: formats)
    }
    return .inferred(column.type)
  }

  /// The first two distinct non-null values of `rows`, as text, cut to `ShownValue.limit`.
  static func examples(_ column: Column, rows: [Int]) -> [String] {
    var found: [String] = []
    for row in rows {
      guard found.count < 2 else { break }
      guard let text = ValueText.text(of: column, row: row), !found.contains(text) else { continue }
      found.append(text)
    }
    return found.map(ShownValue.truncated)
  }
}
