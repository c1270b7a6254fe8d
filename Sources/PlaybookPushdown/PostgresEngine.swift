public import PlaybookEngine
public import PlaybookLanguage
public import PlaybookPostgres
public import PlaybookSQL

/// `playloop run --engine postgres`: the playbook's candidates computed by PostgreSQL,
/// from the playbook compiled to SQL (`CandidateSQL`), in the transaction the run's
/// `from postgres` loads read in (`PostgresSession.shared()`), so the SQL sees the very
/// snapshot the engine loaded. Decisions and exports stay in Swift.
///
/// Where each load's rows come from in the SQL:
/// - a `from postgres` load that the engine read as it is stored (no row set aside, no
///   `types`, null words, time formats or `timezone` on the load, no column of a type
///   Playloop reads as text) is read where it is;
/// - any other load (a data file, a SQLite table, a PostgreSQL load the engine changed)
///   is the engine's own rows, copied into a temporary table of the session
///   (`TableCopy`, `COPY … FROM STDIN`), which ends with the run.
public final class PostgresEngine: CandidateEngine {
  private let session: PostgresSession
  private let workspace: Workspace
  private let clock: Int64
  /// The load → temporary table each copied load is read from.
  private let copies: [String: String]
  /// The candidate statement.
  public let sql: String
  /// The loads copied into temporary tables, in the playbook's order; the SQL reads the
  /// others where they are.
  public var copied: [String] { workspace.model.tables.map(\.name).filter { copies[$0] != nil } }
  /// The candidates once computed: a ledgered run that replays decides twice, from the
  /// same candidates (they do not depend on the ledger: `sent(…)` is not compiled).
  private var computed: [Candidate]?

  /// Compiles `workspace`'s playbook at `clock` for a run in `session`. Throws the
  /// `compile_unsupported` refusals when the playbook does not compile.
  public init(workspace: Workspace, clock: Int64, session: PostgresSession) throws(CompileRefusal) {
    self.session = session
    self.workspace = workspace
    self.clock = clock
    var copies: [String: String] = [:]
    for binding in workspace.model.tables where !Self.readsInPlace(binding, workspace.dataset) {
      copies[binding.name] = "pg_temp." + SQLTarget.postgres.dialect.identifier("playloop_" + binding.name)
    }
    self.copies = copies
    sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.postgres.dialect, tables: copies)
  }

  /// `postgres`.
  public var name: String { "postgres" }

  /// Whether the SQL reads `binding`'s rows where they are stored: a `from postgres`
  /// load the engine took as the database holds it.
  public static func readsInPlace(_ binding: TableBinding, _ dataset: Dataset) -> Bool {
    guard binding.load.database?.kind.text == DatabaseKind.postgres.rawValue else { return false }
    let table = binding.isCustomers ? dataset.customers : dataset.events[binding.name]
    guard let table, table.columns.allSatisfy({ $0.databaseType == nil }) else { return false }
    return binding.declaredTypes.isEmpty && binding.nullTokens.isEmpty && binding.timeFormats.isEmpty
      && binding.timezone == nil && !dataset.setAside.contains { $0.table == binding.name }
  }

  /// The candidates of `plan` (at the clock the engine was compiled for), from the
  /// candidate statement run in the session after the copies are written; computed once.
  public func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) throws(Diagnostic)
    -> [Candidate]
  {
    precondition(plan.clock == clock, "the engine was compiled for the run's clock")
    if let computed { return computed }
    let rows: [[String?]]
    do {
      try copyTables()
      // What the playbook's SQL runs in may not write, whatever it says.
      try session.execute("SET TRANSACTION READ ONLY", what: "the session")
      rows = try session.rows(sql, what: "the playbook's candidate query")
    } catch {
      throw error.diagnostic(loadedAt: workspace.source.path, nil)
    }
    let candidates = try CandidateRows.candidates(rows, of: plan, engine: name)
    computed = candidates
    return candidates
  }

  /// Each copied load's rows, as the engine holds them, in its temporary table.
  private func copyTables() throws(LoadError) {
    let dialect = SQLTarget.postgres.dialect
    for binding in workspace.model.tables {
      guard let copy = copies[binding.name] else { continue }
      let table = binding.isCustomers ? workspace.dataset.customers : workspace.dataset.events[binding.name]
      guard let table else { continue }
      let what = "the copy of '\(binding.name)'"
      try session.execute(
        "CREATE TEMPORARY TABLE \(copy) (\(TableCopy.columns(of: table, dialect: dialect))) ON COMMIT DROP",
        what: what)
      try session.copyIn("COPY \(copy) FROM STDIN", data: TableCopy.rows(of: table), what: what)
    }
  }
}
