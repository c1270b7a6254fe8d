import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run --engine spark` with the real binary and Spark (`SparkHome`: one
/// `spark-sql` start per run, about half a minute here, so one playbook): the candidates
/// come from the playbook compiled to Spark SQL, the decisions and files from Swift, and
/// every file is the in-memory run's bytes. The refusals need no Spark.
@Suite struct SparkEngineCLITests {
  @Test func theFlagshipWithALedgerExportsTheInMemoryRunsBytes() throws {
    let environment = ["PLAYLOOP_SPARK_HOME": try SparkHome.path()]
    let folder = try ScratchFolder("spark-engine")
    // A ledgered run decides twice from one Spark run; the replay is another Spark run.
    try PostgresEngineCLITests().expectSameRun(
      Repository.serviceRecovery, in: folder, environment: environment, ledger: true, other: "spark")
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
