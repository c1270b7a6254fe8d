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
  init(table: Table, binding: TableBinding, setAside rows: [SetAsideRow], customerOfRow: [Int32]?) {
    let readsText = TableFormat(path: table.file) == .csv
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
          why: Self.reason(column, lines: table.lines, binding: binding, readsText: readsText),
          nulls: nulls, examples: Self.examples(column, rows: kept ?? Array(0..<table.rowCount)))
      })
  }

  /// Why `column` has its type. `readsText`: the file's values were read from text
  /// (CSV), so a text column's values can be judged again to find the one that made it
  /// text (a JSON Lines string is text whatever it holds).
  static func reason(
    _ column: Column, lines: [Int32], binding: TableBinding, readsText: Bool
  ) -> TypeReason {
    // The loader keeps the last declaration of a column.
    if let declaration = binding.load.columnTypes.last(where: { $0.column.text == column.name }) {
      return .declared(line: declaration.column.range.start.line)
    }
    if column.name == binding.keyColumn { return .keyColumn }
    if column.name == binding.linkColumn { return .linkColumn }
    if (0..<column.nulls.count).allSatisfy(column.nulls.isNull) { return .allNull }
    if column.type == .text, readsText, case .text(let values) = column.values,
      let misfit = misfit(values, nulls: column.nulls, lines: lines)
    {
      return misfit
    }
    return .inferred(column.type)
  }

  /// The types a text column's values could have had, most specific first.
  private static let candidates: [(votes: TypeVotes, type: ColumnType)] = [
    (.integer, .integer), (.decimal, .decimal), (.date, .date), (.timestamp, .timestamp), (.boolean, .boolean),
  ]

  /// When more than half of a text column's values fit one other type (the one most
  /// fit, the more specific on a tie), the first value that does not, with how many
  /// do not; nil when no type fits most values.
  static func misfit(_ values: TextColumn, nulls: NullMask, lines: [Int32]) -> TypeReason? {
    let nonNull = (0..<values.count).count { !nulls.isNull($0) }
    var misses = [Int](repeating: 0, count: candidates.count)
    var firstMiss = [Int?](repeating: nil, count: candidates.count)
    for row in 0..<values.count where !nulls.isNull(row) {
      let votes = values.withUTF8(row) { TypeVotes.of($0, kind: .bare) }
      for (k, candidate) in candidates.enumerated() where !votes.contains(candidate.votes) {
        misses[k] += 1
        if firstMiss[k] == nil { firstMiss[k] = row }
      }
      // Once every type has missed half the values, none can fit most: a real text
      // column stops here.
      if 2 * misses.min()! >= nonNull { return nil }
    }
    guard let best = candidates.indices.min(by: { misses[$0] < misses[$1] }),
      2 * (nonNull - misses[best]) > nonNull, let row = firstMiss[best]
    else { return nil }
    return .misfit(
      line: Int(lines[row]), value: ShownValue.truncated(values.string(row)), notA: candidates[best].type,
      count: misses[best])
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
