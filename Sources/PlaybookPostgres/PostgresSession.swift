import Foundation
public import PlaybookEngine
import PlaybookLanguage

/// One run's PostgreSQL reads: a connection made at the first load, and one read-only,
/// repeatable-read transaction that every load of the run reads in.
///
/// A shared session (`shared()`, for `playloop run --engine postgres`) is one the run's
/// loads and its candidate query both use: its transaction is repeatable read but not
/// read-only until the run's own temporary tables are written (`readOnly()`), and the
/// loads' end does not end it (`end()` does). Used by one run, one thread at a time.
public final class PostgresSession: DatabaseSession, @unchecked Sendable {
  private var connection: PostgresConnection?
  private let isShared: Bool
  /// The selections whose next read gives their columns and no rows (`holdBack`).
  private var heldBack: [DatabaseSelection] = []

  init() { isShared = false }

  private init(shared: Bool) { isShared = shared }

  /// A session for a run's loads (register `PostgresReader(sharing:)`) and for its
  /// candidates, in one snapshot.
  public static func shared() -> PostgresSession { PostgresSession(shared: true) }

  /// What the engine's own statements are reported at.
  public static let source = "postgres"

  /// Makes the next read of `selection` give its columns, with their types, and none
  /// of its rows: a run that leaves the table in the database (`PostgresEngine`) reads
  /// later only the rows it needs.
  public func holdBack(_ selection: DatabaseSelection) {
    heldBack.append(selection)
  }

  /// `selection`'s rows, read in the session's transaction.
  public func read(_ selection: DatabaseSelection, source: String) throws(LoadError) -> DatabaseRows {
    let connection = try connected(source: source)
    let sql: String
    let what: String
    switch selection.rows {
    case .table(let written):
      let name = DatabaseTableName(written)
      guard try connection.column("SELECT to_regclass($1)::text", [name.quoted], source: source).first ?? nil != nil
      else { throw try missingTable(written, on: connection, source: source) }
      sql = "SELECT * FROM \(name.quoted)"
      what = "table '\(written)'"
    case .query(let query):
      sql = DatabaseSource.enclosable(query)
      what = "the query"
    }
    let columns = try connection.describe(sql, what: what, source: source)
    let typeNames = try self.typeNames(of: Set(columns.map(\.type)), on: connection, source: source)
    var rows = DatabaseRows(
      names: columns.map(\.name),
      types: columns.map { typeNames[$0.type].flatMap(PostgresColumnType.type(named:)) ?? .text })
    for (c, column) in columns.enumerated() {
      let name = typeNames[column.type] ?? "oid \(column.type)"
      if PostgresColumnType.type(named: name) == nil { rows.unmappedTypes[c] = name }
    }
    if let held = heldBack.firstIndex(of: selection) {
      heldBack.remove(at: held)
      return rows
    }
    var scratch: [UInt8] = []
    try connection.copy(sql, what: what, source: source) { line in
      CopyText.appendRow(line, to: &rows, scratch: &scratch)
    }
    return rows
  }

  /// The end of the run's loads: ends the session unless it is shared.
  public func close() {
    if !isShared { connection = nil }
  }

  /// Ends the session: its transaction (rolled back: it wrote only temporary tables)
  /// and its connection.
  public func end() {
    connection = nil
  }

  /// Connects and begins the transaction now, so a server that cannot be reached is
  /// known before anything else is read.
  public func connect() throws(LoadError) {
    _ = try connected(source: Self.source)
  }

  /// Runs `sql` (commands that return no rows) in the session's transaction.
  public func execute(_ sql: String, what: String) throws(LoadError) {
    try connected(source: Self.source).execute(sql, source: Self.source, what: what)
  }

  /// Runs `copy` (`COPY t FROM STDIN`) with `data`, rows in COPY's text format.
  public func copyIn(_ copy: String, data: [UInt8], what: String) throws(LoadError) {
    try connected(source: Self.source).copyIn(copy, data: data, what: what, source: Self.source)
  }

  /// Writes the one text column of each row `sql` returns, a line per row, to the file
  /// at `path` (made anew), as the server sends them: the rows are never all in memory.
  /// The text must hold no line break (JSON made by the server holds none).
  public func copyOut(_ sql: String, toFile path: String, what: String) throws(LoadError) {
    guard let file = fopen(path, "w") else {
      throw LoadError(.badDatabase, "\(what) cannot be written to \(path)", file: Self.source)
    }
    var written = true
    do throws(LoadError) {
      // CSV with a quote and a delimiter no such text holds: each row is its text and a line feed.
      try connected(source: Self.source).copy(
        sql, options: "FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'", what: what, source: Self.source
      ) { row in
        if written, let base = row.baseAddress { written = fwrite(base, 1, row.count, file) == row.count }
      }
    } catch {
      fclose(file)
      throw error
    }
    if fclose(file) != 0 || !written {
      throw LoadError(.badDatabase, "\(what) cannot be written to \(path)", file: Self.source)
    }
  }

  /// Every row `sql` returns, each value's text (nil for null).
  public func rows(_ sql: String, what: String) throws(LoadError) -> [[String?]] {
    try connected(source: Self.source).rows(sql, what: what, source: Self.source)
  }

  /// The session's connection, made and its transaction begun on first use.
  private func connected(source: String) throws(LoadError) -> PostgresConnection {
    if let connection { return connection }
    let made = try PostgresConnection(source: source)
    try made.execute(
      "BEGIN ISOLATION LEVEL REPEATABLE READ" + (isShared ? "" : " READ ONLY"), source: source)
    connection = made
    return made
  }

  /// Type id → the name of the type, or of a domain's base type.
  private func typeNames(of types: Set<UInt32>, on connection: PostgresConnection, source: String) throws(LoadError)
    -> [UInt32: String]
  {
    guard !types.isEmpty else { return [:] }
    let list = types.sorted().map(String.init).joined(separator: ",")
    let pairs = try connection.column(
      "SELECT t.oid::text || ' ' || coalesce(b.typname, t.typname) FROM pg_type t "
        + "LEFT JOIN pg_type b ON b.oid = t.typbasetype WHERE t.oid IN (\(list))", source: source)
    var names: [UInt32: String] = [:]
    for pair in pairs.compactMap({ $0 }) {
      let parts = pair.split(separator: " ", maxSplits: 1)
      if parts.count == 2, let oid = UInt32(parts[0]) { names[oid] = String(parts[1]) }
    }
    return names
  }

  /// `the database has no table 'x'`, with the tables it has (those the search path
  /// finds by their name, others with their schema) for a did-you-mean.
  private func missingTable(_ written: String, on connection: PostgresConnection, source: String) throws(LoadError)
    -> LoadError
  {
    let tables = try connection.column(
      "SELECT name FROM (SELECT CASE WHEN pg_table_is_visible(c.oid) THEN c.relname "
        + "ELSE n.nspname || '.' || c.relname END AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        + "AND n.nspname NOT LIKE 'pg_toast%') t ORDER BY name COLLATE \"C\"", source: source
    ).compactMap { $0 }
    return LoadError(
      .badDatabase, "the database has no table '\(written)'", file: source,
      hint: NearNames.didYouMean(written, in: tables)
        ?? (tables.isEmpty ? "the database has no tables" : "its tables are \(tables.joined(separator: ", "))"))
  }
}
