import Foundation
public import PlaybookEngine
public import PlaybookLanguage
public import PlaybookPostgres
import PlaybookSQL
import PlaybookSpark

/// `playloop run --engine spark`: the playbook's candidates computed by Spark SQL
/// (`spark-sql`, `local[2]` or `PLAYLOOP_SPARK_MASTER`), from the playbook compiled for
/// Spark (`CandidateSQL`). The run's loaded tables are staged as the files Spark reads
/// (`SparkSQL`: JSON Lines with an explicit schema, bad values failing rather than turning
/// null) in a folder of their own, removed after the run, inside one the cluster can read:
/// `PLAYLOOP_SPARK_STAGING`, else the temporary folder. Decisions and exports stay in Swift.
///
/// A `from postgres` event table the run may leave in the database (`LeftTable`: a
/// history too large to load here) is held back while loading, as for `--engine postgres`,
/// and goes from PostgreSQL to its staged file row by row (`prepare`): the survey in SQL
/// first checks that the loader would set none of its rows aside (else it is read whole
/// and staged as the others), and once Spark has named the candidates only their trigger
/// rows are read, for the decisions and the exports.
public final class SparkEngine: TableLeavingEngine {
  private var workspace: Workspace
  private let clock: Int64
  private let spark: SparkSQL?
  /// The run's PostgreSQL session, when it holds tables back (`PostgresEngine.holdBack`).
  private let session: PostgresSession?
  /// The event tables held back while loading.
  private let held: [LeftTable]
  /// Those staged from the database without being loaded, once `prepare` has run.
  private var left: [LeftTable] = []
  /// The candidate statement.
  public let sql: String
  /// Spark's candidate rows, when `prepare` computed them.
  private var rows: [[String?]]?
  /// The candidates once computed (a ledgered run that replays decides twice).
  private var computed: [Candidate]?

  /// Compiles `workspace`'s playbook at `clock` for Spark in `home` (nil: `PLAYLOOP_SPARK_HOME`,
  /// else `SPARK_HOME`). `session`: the run's PostgreSQL session, whose loads were held
  /// back by `PostgresEngine.holdBack` (then `prepare` runs before the candidates).
  /// Throws the `compile_unsupported` refusals when it does not compile.
  public init(workspace: Workspace, clock: Int64, home: String? = nil, session: PostgresSession? = nil)
    throws(CompileRefusal)
  {
    self.workspace = workspace
    self.clock = clock
    self.session = session
    held = session == nil ? [] : LeftTable.leavable(workspace.model)
    spark = SparkSQL(home: home)
    sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.spark.dialect, splitsByLine: true)
  }

  /// `spark`.
  public var name: String { "spark" }

  /// Whether a run of the playbook at `path` may leave tables in PostgreSQL, so needs a
  /// session holding them back while loading. False for a playbook that cannot be read.
  public static func leavesTables(playbookAt path: String) -> Bool {
    !LeftTable.leavable(playbookAt: path).isEmpty
  }

  /// The loads staged from PostgreSQL without being loaded here, of which only the rows
  /// the candidates name were read.
  public var leftInPlace: [String] { left.map(\.binding.name) }
  /// See `TableLeavingEngine.heldBackRows`.
  public var heldBackRows: Int { LeftTable.rowsRead(of: held, in: workspace.dataset) }

  /// With tables held back: surveys each, stages the clean ones from PostgreSQL and
  /// reads the others whole, runs Spark, then reads the trigger rows the candidates name;
  /// returns the workspace the run decides on. Without, the workspace as it is (Spark
  /// runs when the candidates are asked for). `strict` and `maxSetAside` are the run's
  /// load options.
  public func prepare(strict: Bool, maxSetAside: Double) throws(Workspace.Failure) -> Workspace {
    guard let session, !held.isEmpty else { return workspace }
    let staging: String
    do {
      staging = try Self.stagingFolder()
    } catch {
      throw Workspace.Failure(diagnostics: [error], source: workspace.source)
    }
    defer { try? FileManager.default.removeItem(atPath: staging) }
    var customerRows: (sql: String, key: String)?
    var staged: [String: String] = [:]
    var surveys: [String: LeftTable.Survey] = [:]
    for table in held {
      let name = table.binding.name
      guard let columns = workspace.dataset.events[name] else { continue }
      // A column Playloop reads as text (a uuid, say) is staged as the engine read it.
      var clean = columns.columns.allSatisfy { $0.databaseType == nil }
      if clean {
        let survey = try workspace.loading { () throws(LoadError) in
          let customers: (sql: String, key: String)
          if let known = customerRows {
            customers = known
          } else {
            customers = try customersInDatabase(session)
            customerRows = customers
          }
          return try table.survey(in: session, held: columns, customers: customers.sql, customerKey: customers.key)
        }
        surveys[name] = survey
        clean = survey.isClean
      }
      if clean {
        let path = staging + "/left-" + SparkInput.fileName(name)
        try workspace.loading { () throws(LoadError) in
          try session.copyOut(table.jsonLinesSQL(table: columns), toFile: path, what: "'\(name)' for Spark")
        }
        staged[name] = path
        left.append(table)
      } else {
        workspace = try workspace.rereading(
          name, selection: table.selection, rowsInPlace: nil, strict: strict, maxSetAside: maxSetAside)
      }
    }
    let found: [[String?]]
    do {
      found = try runSpark(staging: staging, staged: staged)
    } catch {
      throw Workspace.Failure(diagnostics: [error], source: workspace.source)
    }
    rows = found
    workspace = try LeftTable.keepingTriggerRows(
      of: left, named: found, surveys: surveys, in: workspace, strict: strict, maxSetAside: maxSetAside)
    return workspace
  }

  /// The customers' rows as SQL of the session, for the surveys' links: where they are
  /// when the run read them as stored, else copied into a temporary table.
  private func customersInDatabase(_ session: PostgresSession) throws(LoadError) -> (sql: String, key: String) {
    guard let customers = workspace.model.customerTable else {
      preconditionFailure("a playbook with event tables loads its customers")
    }
    let dialect = SQLTarget.postgres.dialect
    if PostgresEngine.readsInPlace(customers, workspace.dataset) {
      return (CandidateSQL.rows(of: customers, dialect: dialect), customers.keyColumn)
    }
    let copy = TableCopy.temporaryName(of: customers.name)
    try TableCopy.copy(workspace.dataset.customers, of: customers.name, into: copy, in: session)
    return (CandidateSQL.rows(of: customers, dialect: dialect, tables: [customers.name: copy]), customers.keyColumn)
  }

  /// The candidates of `plan` (at the clock the engine was compiled for), from one
  /// `spark-sql` run (`prepare`'s, or one now); computed once.
  public func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) throws(Diagnostic)
    -> [Candidate]
  {
    precondition(plan.clock == clock, "the engine was compiled for the run's clock")
    if let computed { return computed }
    let found: [[String?]]
    if let rows {
      found = rows
    } else {
      let staging = try Self.stagingFolder()
      defer { try? FileManager.default.removeItem(atPath: staging) }
      found = try runSpark(staging: staging, staged: [:])
    }
    let candidates = try CandidateRows.candidates(found, of: plan, engine: name)
    computed = candidates
    return candidates
  }

  /// The candidate statement's rows from `spark-sql`, the workspace's tables staged in
  /// `staging` but those `staged` already.
  private func runSpark(staging: String, staged: [String: String]) throws(Diagnostic) -> [[String?]] {
    guard let spark else {
      throw failure("no Spark: set PLAYLOOP_SPARK_HOME or SPARK_HOME to a folder with bin/spark-sql")
    }
    do {
      return try spark.candidates(dataset: workspace.dataset, sql: sql, staging: staging, staged: staged)
    } catch {
      if let signal = error.signal {
        // Spark is stopped; what the run staged goes too, then the run ends as the signal says.
        try? FileManager.default.removeItem(atPath: staging)
        SparkFailure.endAsTold(by: signal)
      }
      throw failure(error.description)
    }
  }

  /// A new folder in `PLAYLOOP_SPARK_STAGING` (a folder the cluster reads), else in the
  /// temporary folder.
  private static func stagingFolder() throws(Diagnostic) -> String {
    let environment = ProcessInfo.processInfo.environment
    let shared = environment["PLAYLOOP_SPARK_STAGING"].flatMap { $0.isEmpty ? nil : $0 }
    let path = (shared ?? NSTemporaryDirectory()) + "/playloop-spark-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw Diagnostic(
        .engineFailed(
          engine: "spark", reason: "cannot make the staging folder \(path): \(error.localizedDescription)",
          hint: "set PLAYLOOP_SPARK_STAGING to a folder Spark can read and Playloop can write"), file: nil)
    }
    return path
  }

  private func failure(_ reason: String) -> Diagnostic {
    Diagnostic(
      .engineFailed(
        engine: name, reason: reason,
        hint: "install Spark with `make spark` (pyspark from PyPI, Java 17), or run with --engine memory"),
      file: nil)
  }
}
