import Foundation
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
/// - a `from postgres` event table the run may leave in the database (`LeftTable`) is
///   held back while loading (`holdBack`) and read where it is; once the candidates are
///   known, only the trigger rows they name are read (`prepare`). A survey in SQL first
///   checks that the loader would set none of its rows aside; if it would, the table is
///   read whole and copied as below;
/// - any other `from postgres` load that the engine read as it is stored (no row set
///   aside, no `types`, null words, time formats or `timezone` on the load, no column of
///   a type Playloop reads as text) is read where it is;
/// - any other load (a data file, a SQLite table, a PostgreSQL load the engine changed)
///   is the engine's own rows, copied into a temporary table of the session
///   (`TableCopy`, `COPY … FROM STDIN`), which ends with the run.
public final class PostgresEngine: TableLeavingEngine {
  private let session: PostgresSession
  private var workspace: Workspace
  private let clock: Int64
  /// The load → temporary table each copied load is read from.
  private var copies: [String: String] = [:]
  /// The event tables held back while loading (`holdBack`).
  private let held: [LeftTable]
  /// Those still left in the database: the others are read whole and copied.
  private var left: [LeftTable]
  /// The candidate statement.
  public private(set) var sql: String
  /// The loads copied into temporary tables, in the playbook's order; the SQL reads the
  /// others where they are.
  public var copied: [String] { workspace.model.tables.map(\.name).filter { copies[$0] != nil } }
  /// The loads left in the database, of which only the rows the candidates name were read.
  public var leftInPlace: [String] { left.map(\.binding.name) }
  /// See `TableLeavingEngine.heldBackRows`.
  public var heldBackRows: Int { LeftTable.rowsRead(of: held, in: workspace.dataset) }
  /// The candidate statement's rows, once it has run (`prepare`).
  private var rows: [[String?]]?
  /// How long `prepare` took: the copies, the surveys, the candidate statement and the fetch.
  public private(set) var computedBeforehandMilliseconds = 0
  /// The candidates once mapped: a ledgered run that replays decides twice, from the
  /// same candidates (they do not depend on the ledger: `sent(…)` is not compiled).
  private var computed: [Candidate]?

  /// Holds back, in `session`, the loads of the playbook at `path` that the run may leave
  /// in the database, so that loading reads their columns and none of their rows. A
  /// playbook that cannot be read or parsed holds back nothing (opening it reports why).
  public static func holdBack(playbookAt path: String, in session: PostgresSession) {
    for table in LeftTable.leavable(playbookAt: path) { session.holdBack(table.selection) }
  }

  /// Compiles `workspace`'s playbook at `clock` for a run in `session`, whose loads were
  /// held back by `holdBack`. Throws the `compile_unsupported` refusals when the playbook
  /// does not compile.
  public init(workspace: Workspace, clock: Int64, session: PostgresSession) throws(CompileRefusal) {
    self.session = session
    self.workspace = workspace
    self.clock = clock
    held = LeftTable.leavable(workspace.model)
    left = held
    sql = ""
    try compile()
  }

  /// `postgres`.
  public var name: String { "postgres" }

  /// Whether the SQL reads `binding`'s rows where they are stored: a `from postgres`
  /// load the engine took as the database holds it.
  public static func readsInPlace(_ binding: TableBinding, _ dataset: Dataset) -> Bool {
    guard loadsAsStored(binding) else { return false }
    let table = binding.isCustomers ? dataset.customers : dataset.events[binding.name]
    guard let table, table.columns.allSatisfy({ $0.databaseType == nil }) else { return false }
    return !dataset.setAside.contains { $0.table == binding.name }
  }

  /// Whether `binding` is a `from postgres` load that changes nothing of what the
  /// database holds: no `types`, null words, time formats or `timezone`.
  static func loadsAsStored(_ binding: TableBinding) -> Bool {
    binding.load.database?.kind.text == DatabaseKind.postgres.rawValue && binding.declaredTypes.isEmpty
      && binding.nullTokens.isEmpty && binding.timeFormats.isEmpty && binding.timezone == nil
  }

  /// The candidate statement for the loads copied so far. Throws the refusals (at `init`:
  /// once it compiled, a copy changes where rows are read, not what compiles).
  private func compile() throws(CompileRefusal) {
    for binding in workspace.model.tables where !Self.readsInPlace(binding, workspace.dataset) {
      copies[binding.name] = TableCopy.temporaryName(of: binding.name)
    }
    left.removeAll { copies[$0.binding.name] != nil }
    sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.postgres.dialect, tables: copies,
      splitsByLine: true)
  }

  /// Runs the candidate statement and returns the workspace the run decides on: the
  /// one given, with each table left in the database holding the rows the candidates
  /// name (and counting all of its rows), or read whole where the survey found rows the
  /// loader sets aside. `strict` and `maxSetAside` are the run's load options.
  public func prepare(strict: Bool, maxSetAside: Double) throws(Workspace.Failure) -> Workspace {
    let started = DispatchTime.now()
    defer {
      computedBeforehandMilliseconds = Int(
        (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
    }
    // A held-back table of a type Playloop reads as text is not read in place: whole, then copied.
    for table in held where copies[table.binding.name] != nil {
      workspace = try workspace.rereading(
        table.binding.name, selection: table.selection, rowsInPlace: nil, strict: strict, maxSetAside: maxSetAside)
    }
    try workspace.loading { () throws(LoadError) in try copyTables() }
    var surveys: [String: LeftTable.Survey] = [:]
    for table in left {
      let survey = try workspace.loading { () throws(LoadError) in try self.survey(table) }
      surveys[table.binding.name] = survey
      guard !survey.isClean else { continue }
      // The loader sets rows aside: the engine's rows, read whole, are what the SQL must see.
      workspace = try workspace.rereading(
        table.binding.name, selection: table.selection, rowsInPlace: nil, strict: strict, maxSetAside: maxSetAside)
      let before = Set(copies.keys)
      do {
        try compile()
      } catch {
        preconditionFailure("a playbook that compiled stopped compiling: \(error.diagnostics)")
      }
      try workspace.loading { () throws(LoadError) in try copyTables(except: before) }
    }
    let found = try workspace.loading { () throws(LoadError) in
      // What the playbook's SQL runs in may not write, whatever it says.
      try session.execute("SET TRANSACTION READ ONLY", what: "the session")
      return try session.rows(sql, what: "the playbook's candidate query")
    }
    rows = found
    workspace = try LeftTable.keepingTriggerRows(
      of: left, named: found, surveys: surveys, in: workspace, strict: strict, maxSetAside: maxSetAside)
    return workspace
  }

  /// Counts `table`'s rows, and those the loader would set aside, in the run's snapshot.
  private func survey(_ table: LeftTable) throws(LoadError) -> LeftTable.Survey {
    let name = table.binding.name
    guard let customers = workspace.model.customerTable, let held = workspace.dataset.events[name] else {
      preconditionFailure("a held-back table is loaded, empty, beside the customers")
    }
    let customerRows = CandidateSQL.rows(of: customers, dialect: SQLTarget.postgres.dialect, tables: copies)
    return try table.survey(in: session, held: held, customers: customerRows, customerKey: customers.keyColumn)
  }

  /// The candidates of `plan` (at the clock the engine was compiled for), from the
  /// candidate statement's rows (`prepare`); mapped once.
  public func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) throws(Diagnostic)
    -> [Candidate]
  {
    precondition(plan.clock == clock, "the engine was compiled for the run's clock")
    guard let rows else { preconditionFailure("prepare() runs the candidate statement before candidates(of:)") }
    if let computed { return computed }
    let candidates = try CandidateRows.candidates(rows, of: plan, engine: name)
    computed = candidates
    return candidates
  }

  /// Each copied load's rows, as the engine holds them, in its temporary table; but not
  /// the loads in `except`, copied already.
  private func copyTables(except: Set<String> = []) throws(LoadError) {
    for binding in workspace.model.tables where !except.contains(binding.name) {
      guard let copy = copies[binding.name] else { continue }
      let table = binding.isCustomers ? workspace.dataset.customers : workspace.dataset.events[binding.name]
      guard let table else { continue }
      try TableCopy.copy(table, of: binding.name, into: copy, in: session)
    }
  }
}
