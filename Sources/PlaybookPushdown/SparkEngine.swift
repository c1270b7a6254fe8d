import Foundation
public import PlaybookEngine
public import PlaybookLanguage
import PlaybookSQL
import PlaybookSpark

/// `playloop run --engine spark`: the playbook's candidates computed by Spark SQL
/// (`spark-sql`, `local[2]` or `PLAYLOOP_SPARK_MASTER`), from the playbook compiled for
/// Spark (`CandidateSQL`). The run's loaded tables are staged as the files Spark reads
/// (`SparkSQL`: JSON Lines with an explicit schema, bad values failing rather than turning
/// null) in a folder of their own, removed after the run, inside one the cluster can read:
/// `PLAYLOOP_SPARK_STAGING`, else the temporary folder. Decisions and exports stay in Swift.
public final class SparkEngine: CandidateEngine {
  private let workspace: Workspace
  private let clock: Int64
  private let spark: SparkSQL?
  /// The candidate statement.
  public let sql: String
  /// The candidates once computed (a ledgered run that replays decides twice).
  private var computed: [Candidate]?

  /// Compiles `workspace`'s playbook at `clock` for Spark in `home` (nil: `PLAYLOOP_SPARK_HOME`,
  /// else `SPARK_HOME`). Throws the `compile_unsupported` refusals when it does not compile.
  public init(workspace: Workspace, clock: Int64, home: String? = nil) throws(CompileRefusal) {
    self.workspace = workspace
    self.clock = clock
    spark = SparkSQL(home: home)
    sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.spark.dialect, splitsByLine: true)
  }

  /// `spark`.
  public var name: String { "spark" }

  /// The candidates of `plan` (at the clock the engine was compiled for), from one
  /// `spark-sql` run; computed once.
  public func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) throws(Diagnostic)
    -> [Candidate]
  {
    precondition(plan.clock == clock, "the engine was compiled for the run's clock")
    if let computed { return computed }
    guard let spark else {
      throw failure("no Spark: set PLAYLOOP_SPARK_HOME or SPARK_HOME to a folder with bin/spark-sql")
    }
    let staging = try Self.stagingFolder()
    defer { try? FileManager.default.removeItem(atPath: staging) }
    let rows: [[String?]]
    do {
      rows = try spark.candidates(dataset: workspace.dataset, sql: sql, staging: staging)
    } catch {
      if let signal = error.signal {
        // Spark is stopped; what the run staged goes too, then the run ends as the signal says.
        try? FileManager.default.removeItem(atPath: staging)
        SparkFailure.endAsTold(by: signal)
      }
      throw failure(error.description)
    }
    let candidates = try CandidateRows.candidates(rows, of: plan, engine: name)
    computed = candidates
    return candidates
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
