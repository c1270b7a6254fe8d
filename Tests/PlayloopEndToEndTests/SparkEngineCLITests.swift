import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run --engine spark` with the real binary and Spark (`SparkHome`: one
/// `spark-sql` start per run, about half a minute here, so one playbook): the candidates
/// come from the playbook compiled to Spark SQL, the decisions and files from Swift, and
/// every file is the in-memory run's bytes. The refusals need no Spark.
@Suite struct SparkEngineCLITests {
  @Test func theFlagshipWithSplitsAndALedgerExportsTheInMemoryRunsBytes() throws {
    let environment = ["PLAYLOOP_SPARK_HOME": try SparkHome.path()]
    let folder = try ScratchFolder("spark-engine")
    // With splits, whose variants the run picks; a ledgered run decides twice from one
    // Spark run, and the replay is another Spark run.
    _ = try folder.write(try PostgresEngineCLITests.flagshipWithSplits(), to: "p.playbook")
    try PostgresEngineCLITests().expectSameRun(
      "p.playbook", in: folder, environment: environment, ledger: true, other: "spark")
  }

  /// Event tables in PostgreSQL that the run may leave there (tickets and orders) go from
  /// the database to Spark's staged input row by row, never loaded here, and only the
  /// trigger rows the candidates name are read; a table with a row the loader sets
  /// aside is read whole instead. Either way the files are the in-memory run's.
  @Test func tablesInPostgresGoToSparkWithoutBeingLoadedHere() throws {
    var environment = try PostgresCluster.database(PostgresLoadCLITests.exampleTables)
    environment["PLAYLOOP_SPARK_HOME"] = try SparkHome.path()
    let folder = try ScratchFolder("spark-engine-tables")
    _ = try folder.write(try PostgresLoadCLITests.flagshipFromPostgres(), to: "p.playbook")
    let postgres = PostgresEngineCLITests()
    try postgres.expectSameRun("p.playbook", in: folder, environment: environment, other: "spark")
    #expect(
      try postgres.left("p.playbook", in: folder, environment: environment, engine: "spark") == ["tickets", "orders"])
    try PostgresCluster.psql(
      """
      INSERT INTO support.tickets (id, customer_id, kind, channel, subject, opened_at, resolved_at, csat)
        VALUES ('T-odd', 'C-nobody', 'complaint', 'email', 'x', now() - interval '2 days', now(), 1);
      """, environment: environment)
    try postgres.expectSameRun("p.playbook", in: folder, environment: environment, other: "spark")
    #expect(try postgres.left("p.playbook", in: folder, environment: environment, engine: "spark") == ["orders"])
  }

  /// Ctrl-C (SIGINT to `playloop` alone, as a scheduler sends it) while `spark-sql` runs
  /// stops Spark, a JVM that would otherwise run on for nobody, removes what the run
  /// staged, and ends the run as the signal says.
  @Test func anInterruptedRunStopsSparkAndRemovesWhatItStaged() throws {
    let folder = try ScratchFolder("spark-engine-interrupted")
    let staging = folder.path("staging")
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    let run = try ChildProcess(
      BuiltProduct.playloop, ["run", Repository.serviceRecovery, "--engine", "spark", "--out", "out"],
      in: folder.path,
      environment: ["NO_COLOR": "1", "PLAYLOOP_SPARK_HOME": try SparkHome.path(), "PLAYLOOP_SPARK_STAGING": staging])
    // Spark's JVM, once the run has started it.
    func sparkChild() -> Int32? {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      for entry in entries {
        guard let pid = Int32(entry),
          let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
          let afterName = stat.range(of: ") ", options: .backwards)
        else { continue }
        let fields = stat[afterName.upperBound...].split(separator: " ")
        if fields.count > 1, Int32(fields[1]) == run.pid,
          let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8), command.contains("java")
        {
          return pid
        }
      }
      return nil
    }
    var child: Int32?
    let deadline = Date().addingTimeInterval(120)
    while child == nil, run.isRunning, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.2)
      child = sparkChild()
    }
    let spark = try #require(child, "spark-sql started under the run: \(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: staging).count == 1, "the run staged its tables")
    run.signal(SIGINT)
    _ = run.wait()
    #expect(run.status == 128 + SIGINT, "\(run.stderr)")
    #expect(kill(spark, 0) != 0, "Spark's JVM is gone")
    #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty, "the staged tables are removed")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }

  @Test func aPlaybookThatDoesNotCompileIsRefusedNotRunInMemory() throws {
    let folder = try ScratchFolder("spark-engine-refused")
    let run = try ChildProcess.playloop(
      ["run", Repository.path("Playbooks/campaigns.playbook"), "--engine", "spark", "--out", "out"], in: folder.path,
      environment: ["NO_COLOR": "1", "PLAYLOOP_SPARK_HOME": "/nonexistent"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("error: `sent(any in last 14d)` cannot be compiled to spark"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }

  @Test func missingSparkIsTheEnginesDiagnosticWithTheWayToInstallIt() throws {
    let folder = try ScratchFolder("spark-engine-missing")
    let run = try ChildProcess.playloop(
      ["run", Repository.serviceRecovery, "--engine", "spark", "--out", "out", "--format", "json"], in: folder.path,
      environment: ["NO_COLOR": "1", "PLAYLOOP_SPARK_HOME": folder.path("no-spark"), "SPARK_HOME": ""])
    #expect(run.status == 2)
    #expect(run.stdout.contains(#""code": "engine_failed""#), "\(run.stdout)")
    #expect(run.stdout.contains("make spark"), "\(run.stdout)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }
}
