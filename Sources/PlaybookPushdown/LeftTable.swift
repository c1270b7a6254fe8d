import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookPostgres
import PlaybookSQL

/// A `from postgres` event table that `playloop run --engine postgres` leaves in the
/// database: its rows are not loaded, the candidate SQL reads them where they are, and
/// only the trigger rows the candidates name are read afterwards, for the decisions and
/// the exports. The loader's guarantees still hold because a survey in SQL, in the run's
/// snapshot, counts the rows and every row the loader would set aside; a table with any
/// is read whole after all.
struct LeftTable {
  let binding: TableBinding
  /// The load's own selection, which the loader holds back (`PostgresSession.holdBack`).
  let selection: DatabaseSelection
  /// The rows in SQL: the table's quoted name, or the load's query as a subquery.
  let source: String

  private var d: any SQLDialect { SQLTarget.postgres.dialect }

  /// The loads a run may leave in the database: event tables from PostgreSQL, taken as the
  /// database holds them (`PostgresEngine.loadsAsStored`), that link to the customers and
  /// that no other table links to; and whose selection no other load shares, since the
  /// session holds back a selection's next read.
  static func leavable(_ model: PlaybookModel) -> [LeftTable] {
    let linkedTo = Set(model.tables.compactMap(\.linkTable))
    let selections = model.tables.map { $0.load.database.flatMap(DatabaseSelection.init) }
    return model.tables.compactMap { binding in
      guard !binding.isCustomers, binding.linkTable == nil, !linkedTo.contains(binding.name),
        PostgresEngine.loadsAsStored(binding), let selection = binding.load.database.flatMap(DatabaseSelection.init),
        selections.filter({ $0 == selection }).count == 1
      else { return nil }
      return LeftTable(
        binding: binding, selection: selection,
        source: CandidateSQL.rows(of: binding, dialect: SQLTarget.postgres.dialect))
    }
  }

  /// `leavable` of the playbook at `path`, from its declarations alone (before any data
  /// is loaded); none for a playbook that cannot be read (opening it reports why).
  static func leavable(playbookAt path: String) -> [LeftTable] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    let (playbook, _) = PlaybookParser.parse(SourceFile(path: path, text: String(decoding: data, as: UTF8.self)))
    return leavable(PlaybookChecker.declarations(of: playbook, file: path).0)
  }

  /// What the survey found.
  struct Survey: Equatable {
    /// Every row of the table.
    var rows: Int
    /// Rows with a value that is not of its column's type.
    var misfits: Int
    /// Keys held by more than one row.
    var repeatedKeys: Int
    /// Rows whose link names no customer (or is null).
    var unlinked: Int
    /// Rows with a responded or resolved time before their opened time.
    var backwards: Int

    /// Whether the loader would set no row aside.
    var isClean: Bool { misfits == 0 && repeatedKeys == 0 && unlinked == 0 && backwards == 0 }
  }

  /// One query counting the table's rows and those the loader would set aside: values
  /// it would not read as their column's type (`table`, the held-back load, gives the
  /// types), repeated keys, links to no row of `customers` (SQL for the customers' rows,
  /// with `customerKey` their key column), and lifecycles out of order (`KeyedTable`'s
  /// rules, in whole seconds as the engine compares them).
  func surveySQL(table: Table, customers: String, customerKey: String) -> String {
    let key = "(t.\(d.identifier(binding.keyColumn)))::text"
    let misfits = table.columns.compactMap { column in Self.misfit("t." + d.identifier(column.name), column.type) }
    var counts = [
      "count(*)",
      "count(*) FILTER (WHERE " + (misfits.isEmpty ? "false" : misfits.joined(separator: " OR ")) + ")",
      """
      (SELECT count(*) FROM (SELECT 1 FROM \(source) AS t WHERE \(key) <> '' \
      GROUP BY \(d.byteOrder(key)) HAVING count(*) > 1) AS repeated)
      """,
    ]
    // The customers' keys are joined, once, rather than looked up per row.
    var join = ""
    if let link = binding.linkColumn {
      let linked = d.byteOrder("(t.\(d.identifier(link)))::text")
      join =
        " LEFT JOIN (SELECT DISTINCT \(d.byteOrder("(c.\(d.identifier(customerKey)))::text")) AS k FROM \(customers) AS c)"
        + " AS linked ON linked.k = \(linked)"
      counts.append("count(*) FILTER (WHERE linked.k IS NULL)")
    } else {
      counts.append("0")
    }
    func time(_ field: String) -> (column: String, type: ColumnType)? {
      let name = binding.column(forField: field)
      guard let column = table.columns.first(where: { $0.name == name }),
        column.type == .timestamp || column.type == .date
      else { return nil }
      return ("t." + d.identifier(name), column.type)
    }
    let later = ["responded", "resolved"].compactMap(time)
    if let opened = time("opened"), !later.isEmpty {
      // Infinite times are misfits, counted above; CASE keeps them from the conversion to seconds.
      let before = later.map { time in
        "CASE WHEN isfinite(\(time.column)) AND isfinite(\(opened.column)) THEN "
          + "\(d.epochSeconds(time.column, of: time.type)) < \(d.epochSeconds(opened.column, of: opened.type)) END"
      }
      counts.append("count(*) FILTER (WHERE " + before.joined(separator: " OR ") + ")")
    } else {
      counts.append("0")
    }
    return "SELECT " + counts.map { "(\($0))::text" }.joined(separator: ", ") + " FROM \(source) AS t" + join
  }

  /// The survey (`surveySQL`) run in `session`.
  func survey(in session: PostgresSession, held: Table, customers: String, customerKey: String) throws(LoadError)
    -> Survey
  {
    let name = binding.name
    let found = try session.rows(
      surveySQL(table: held, customers: customers, customerKey: customerKey), what: "the survey of '\(name)'")
    guard let row = found.first, let survey = Self.survey(row) else {
      throw LoadError(.badDatabase, "the survey of '\(name)' gave no counts", file: PostgresSession.source)
    }
    return survey
  }

  /// The survey's counts, from `surveySQL`'s one row.
  static func survey(_ row: [String?]) -> Survey? {
    let numbers = row.compactMap { $0.flatMap { Int($0) } }
    guard numbers.count == 5 else { return nil }
    return Survey(
      rows: numbers[0], misfits: numbers[1], repeatedKeys: numbers[2], unlinked: numbers[3], backwards: numbers[4])
  }

  /// When a value of the column `sql` of `type` is one the loader would not read as that
  /// type (`ValueRules`, over the text COPY gives): non-finite and integer-shaped numbers
  /// beyond 64 bits (which the engine reads as identifiers, not decimals), and times
  /// outside the years 1 to 9999. Nil for types whose every value reads.
  static func misfit(_ sql: String, _ type: ColumnType) -> String? {
    switch type {
    case .decimal:
      return """
        CASE WHEN (\(sql))::text IN ('NaN', 'Infinity', '-Infinity') THEN true \
        WHEN (\(sql))::text ~ '^-?[0-9]+$' THEN length(ltrim((\(sql))::text, '-')) > 19 \
        OR (\(sql))::text::numeric NOT BETWEEN -9223372036854775808 AND 9223372036854775807 END
        """
    case .timestamp, .date:
      return "(NOT isfinite(\(sql)) OR \(sql) < '0001-01-01' OR \(sql) >= '10000-01-01')"
    case .integer, .boolean, .text:
      return nil
    }
  }

  /// A row per row of the table, as the JSON object Spark's staged input holds for it
  /// (`SparkInput`): the columns of `table` (the held-back load) by name, times as whole
  /// seconds since 1970, dates as `yyyy-MM-dd`, the rest as the server's JSON writes them.
  /// For a table the survey found clean, whose every value the loader reads as it is.
  func jsonLinesSQL(table: Table) -> String {
    let fields = table.columns.map { column in
      let value = "t." + d.identifier(column.name)
      let json =
        switch column.type {
        case .timestamp: d.epochSeconds(value, of: column.type)
        case .date: "to_char(\(value), 'YYYY-MM-DD')"
        case .integer, .decimal, .boolean, .text: value
        }
      return json + " AS " + d.identifier(column.name)
    }
    return "SELECT row_to_json(r)::text FROM (SELECT \(fields.joined(separator: ", ")) FROM \(source) AS t) AS r"
  }

  /// The rows a load counts for the tables in `held` of `dataset`, each counted as reading
  /// it whole would count it (every row, set aside or not): the rows in place where a
  /// table was left in its database, else the rows read (each linked to its customer or
  /// set aside).
  static func rowsRead(of held: [LeftTable], in dataset: Dataset) -> Int {
    held.reduce(0) { total, table in
      let name = table.binding.name
      let rows =
        dataset.rowsInPlace[name]
        ?? (dataset.links[name]?.linkedRowCount ?? 0) + dataset.setAside.filter { $0.table == name }.count
      return total + rows
    }
  }

  /// `workspace` with each table of `left` read again as the trigger rows that `found`
  /// (the candidate statement's rows) name, counting all of its rows (`surveys`): what a
  /// run that left the tables in the database decides and exports from.
  static func keepingTriggerRows(
    of left: [LeftTable], named found: [[String?]], surveys: [String: Survey], in workspace: Workspace,
    strict: Bool, maxSetAside: Double
  ) throws(Workspace.Failure) -> Workspace {
    let column = CandidateColumn.allCases
    let tableColumn = column.firstIndex(of: .triggerTable)!
    let idColumn = column.firstIndex(of: .triggerID)!
    var workspace = workspace
    for table in left {
      let name = table.binding.name
      let keys = Set(found.compactMap { $0.count == column.count && $0[tableColumn] == name ? $0[idColumn] : nil })
      workspace = try workspace.rereading(
        name, selection: table.rows(keyed: keys.sorted()), rowsInPlace: surveys[name]?.rows, strict: strict,
        maxSetAside: maxSetAside)
    }
    return workspace
  }

  /// The selection of the rows whose key is one of `keys`.
  func rows(keyed keys: [String]) -> DatabaseSelection {
    let key = "(t.\(d.identifier(binding.keyColumn)))::text"
    // Keys read from PostgreSQL text hold no NUL byte, the one text a literal cannot.
    let literals = keys.compactMap(d.textLiteral)
    let filter =
      literals.isEmpty ? "false" : "\(d.byteOrder(key)) = ANY (ARRAY[\(literals.joined(separator: ", "))]::text[])"
    return DatabaseSelection(kind: .postgres, rows: .query("SELECT t.* FROM \(source) AS t WHERE \(filter)"))
  }
}
