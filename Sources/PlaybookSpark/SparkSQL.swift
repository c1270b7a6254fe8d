import Foundation
import PlaybookEngine
import PlaybookSQL

/// Runs compiled candidate SQL on Spark through its `spark-sql` command: each job's
/// tables staged as files Spark reads with an explicit schema, every job in one script
/// (Spark takes tens of seconds to start), and the candidates read back as text.
///
/// The script runs with ANSI mode on (a bad cast or an integer overflow is an error, never
/// a null or a wrapped number) and case-sensitive names (as the SQL quotes them). It stops
/// at the first error: that job fails, and the jobs after it are not run.
public struct SparkSQL: Sendable {
  /// Spark's home: `bin/spark-sql` is there (for pyspark from PyPI, its package folder).
  public var home: String
  /// `local[2]` (two cores of this machine), or a cluster's master URL.
  public var master: String

  /// Spark in `home` (`PLAYLOOP_SPARK_HOME`, else `SPARK_HOME`, when nil or empty), on `master`
  /// (`PLAYLOOP_SPARK_MASTER`, else `local[2]`, when nil); nil when no home is known.
  public init?(home: String? = nil, master: String? = nil) {
    let environment = ProcessInfo.processInfo.environment
    guard
      let home = [home, environment["PLAYLOOP_SPARK_HOME"], environment["SPARK_HOME"]].compactMap({ $0 }).first(where: {
        !$0.isEmpty
      })
    else { return nil }
    self.home = home
    self.master = master ?? environment["PLAYLOOP_SPARK_MASTER"] ?? "local[2]"
  }

  /// The candidate rows of one job, in the columns `CandidateColumn` lists and the SQL's
  /// order, null as nil. `staging` is a folder Spark can read (on a cluster: a shared path);
  /// the input files, the script and Spark's output stay there for the caller to remove.
  /// `staged`: tables written as input already (`SparkJob.staged`).
  public func candidates(dataset: Dataset, sql: String, staging: String, staged: [String: String] = [:])
    throws(SparkFailure) -> [[String?]]
  {
    try candidates([SparkJob(dataset: dataset, sql: sql, staged: staged)], staging: staging)[0].get()
  }

  /// Each job's candidate rows (or its failure), from one run of `spark-sql`; throws when
  /// Spark cannot be started or prints what is no row.
  public func candidates(_ jobs: [SparkJob], staging: String) throws(SparkFailure) -> [Result<
    [[String?]], SparkFailure
  >] {
    try run(try script(jobs, staging: staging), jobs: jobs.count, staging: staging)
  }

  /// Writes every job's input into `staging` and returns the script that runs them.
  func script(_ jobs: [SparkJob], staging: String) throws(SparkFailure) -> String {
    let dialect = SQLTarget.spark.dialect
    var script = ""
    for (index, job) in jobs.enumerated() {
      let folder = staging + "/job-\(index + 1)"
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        script += try SparkInput.stage(
          job.dataset, in: folder, textCollation: job.textCollation, staged: job.staged)
      } catch {
        throw SparkFailure(description: "cannot write Spark's input in \(folder): \(error.localizedDescription)")
      }
      script += job.settings.map { "SET \($0.key)=\($0.value);\n" }.joined()
      // Text as the hex of its UTF-8 bytes: the rows come back exact whatever the JVM's
      // output encoding, and JSON tells null from text.
      let fields = CandidateColumn.allCases.map {
        "hex(CAST(CAST(\(dialect.identifier($0.rawValue)) AS STRING) AS BINARY))"
      }
      var sql = job.sql.trimmingCharacters(in: .whitespacesAndNewlines)
      if sql.hasSuffix(";") { sql.removeLast() }
      script += "SELECT '\(Self.marker)begin';\n"
      script += "SELECT to_json(array(\(fields.joined(separator: ", ")))) FROM (\n\(sql)\n) AS `playloop_candidates`;\n"
      script += "SELECT '\(Self.marker)end';\n"
      script += job.settings.map { "RESET \($0.key);\n" }.joined()
    }
    return script
  }

  static let marker = "playloop-spark-job-"

  /// Runs `script` and splits what it printed into the jobs' rows.
  func run(_ script: String, jobs: Int, staging: String) throws(SparkFailure) -> [Result<[[String?]], SparkFailure>] {
    let scriptPath = staging + "/candidates.sql"
    let outPath = staging + "/stdout.txt"
    let errPath = staging + "/stderr.txt"
    let process = Process()
    do {
      try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
      _ = FileManager.default.createFile(atPath: outPath, contents: nil)
      _ = FileManager.default.createFile(atPath: errPath, contents: nil)
      process.executableURL = URL(fileURLWithPath: home + "/bin/spark-sql")
      process.arguments = arguments(script: scriptPath, staging: staging)
      process.currentDirectoryURL = URL(fileURLWithPath: staging)
      var environment = ProcessInfo.processInfo.environment
      environment["SPARK_HOME"] = home
      environment["LC_ALL"] = "C.UTF-8"
      process.environment = environment
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
      if let signal = try ChildStop.run(process) {
        throw SparkFailure(description: "stopped by signal \(signal) while spark-sql ran", signal: signal)
      }
    } catch let failure as SparkFailure {
      throw failure
    } catch {
      throw SparkFailure(
        description: "cannot run \(home)/bin/spark-sql: \(error.localizedDescription) (install: make spark)")
    }
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let errors = Self.errorLines((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    var results: [Result<[[String?]], SparkFailure>] = []
    var rows: [[String?]]? = nil
    for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
      if line == "\(Self.marker)begin" {
        rows = []
      } else if line == "\(Self.marker)end", let done = rows {
        results.append(.success(done))
        rows = nil
      } else if rows != nil {
        guard let row = Self.row(line) else {
          throw SparkFailure(description: "spark-sql printed a line that is no candidate row: \(line.prefix(200))")
        }
        rows?.append(row)
      }
    }
    // spark-sql stops at the first error: the job it was in failed, the later ones never ran.
    if results.count < jobs {
      let reason = errors.isEmpty ? "spark-sql ended (exit \(process.terminationStatus)) without a word" : errors
      results.append(.failure(SparkFailure(description: reason)))
    }
    while results.count < jobs {
      results.append(.failure(SparkFailure(description: "not run: an earlier job failed")))
    }
    return results
  }

  private func arguments(script: String, staging: String) -> [String] {
    var settings = [
      "spark.sql.ansi.enabled=true", "spark.sql.caseSensitive=true",
      "spark.sql.parser.escapedStringLiterals=false", "spark.ui.enabled=false",
      "spark.sql.warehouse.dir=\(staging)/warehouse",
      "spark.driver.extraJavaOptions=-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dderby.system.home=\(staging)",
    ]
    // A few partitions suit a few cores; a cluster keeps its own setting.
    if master.hasPrefix("local") { settings.append("spark.sql.shuffle.partitions=4") }
    return ["--master", master] + settings.flatMap { ["--conf", $0] }
      + ["-S", "-f", script]
  }

  /// One printed row: a JSON array of hex-encoded UTF-8 texts and nulls.
  static func row(_ line: Substring) -> [String?]? {
    guard line.hasPrefix("["), let array = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any] else {
      return nil
    }
    return array.map { field in (field as? String).map(text(hex:)) }
  }

  private static func text(hex: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8? = nil
    for c in hex.utf8 {
      let nibble = c <= 57 ? c - 48 : (c | 0x20) - 87
      if let h = high {
        bytes.append(h << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The lines of Spark's log that say what failed (errors and their causes), at most 20.
  static func errorLines(_ log: String) -> String {
    let lines = log.split(separator: "\n").filter { line in
      line.contains("Exception") || line.contains("Error") || line.contains("SQLSTATE")
        || line.hasPrefix("[")
    }
    return lines.prefix(20).joined(separator: "\n")
  }
}
