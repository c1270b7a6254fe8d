import PlaybookEngine

/// One compiled playbook to run on Spark: its input tables and its SQL, with the session
/// settings it runs under.
public struct SparkJob: Sendable {
  /// The loaded tables, each written as the view the SQL reads (named as the load).
  public var dataset: Dataset
  /// `CandidateSQL.compile`'s statement for the Spark dialect.
  public var sql: String
  /// `SET key=value` before the job (e.g. `spark.sql.session.timeZone`), reset after it.
  public var settings: [(key: String, value: String)]
  /// A collation for the input's text columns (`UTF8_LCASE`, `UNICODE_CI`); nil: Spark's
  /// default. The SQL compares bytes whatever it is.
  public var textCollation: String?
  /// Tables already written as Spark's input (table → file, in the form `SparkInput`
  /// writes), read from there instead of from `dataset`, which holds their columns.
  public var staged: [String: String]

  /// A job of `sql` over `dataset`.
  public init(
    dataset: Dataset, sql: String, settings: [(key: String, value: String)] = [], textCollation: String? = nil,
    staged: [String: String] = [:]
  ) {
    self.dataset = dataset
    self.sql = sql
    self.settings = settings
    self.textCollation = textCollation
    self.staged = staged
  }
}

/// Spark could not run, or one job failed: what `spark-sql` said.
public struct SparkFailure: Error, Sendable, CustomStringConvertible {
  /// Spark's own words, shortened to the lines that say what went wrong.
  public var description: String
  /// The signal (SIGINT, SIGTERM, SIGHUP) this process received while Spark ran, which
  /// stopped Spark: the caller cleans up and ends as it says (`endAsTold(by:)`).
  public var signal: Int32? = nil

  /// Ends this process as `signal` would have, had it not been caught to stop Spark first.
  public static func endAsTold(by signal: Int32) -> Never { ChildStop.endAsTold(by: signal) }
}
