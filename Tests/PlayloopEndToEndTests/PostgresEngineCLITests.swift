import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run --engine postgres` with the real binary against the tests' private
/// cluster (`PostgresCluster`, a database per test): the candidates come from the
/// compiled SQL, the decisions and files from Swift, and every file is the in-memory
/// run's bytes (summary.json but for its timings) — for every shipped playbook that
/// compiles, with a ledger, on generated data with its flaws, and on tables in
/// PostgreSQL read where they are or, when the engine set rows aside, copied.
@Suite struct PostgresEngineCLITests {
  /// The shipped playbooks `playloop compile --to postgres` takes (the others are refused).
  static let compiling = ["service-recovery", "churn-risk", "first-response"]

  func playloop(_ arguments: [String], in folder: ScratchFolder, environment: [String: String]) throws
    -> ChildProcess
  {
    var environment = environment
    environment["NO_COLOR"] = "1"
    return try ChildProcess.playloop(arguments, in: folder.path, environment: environment)
  }

  /// Runs `playbook` in memory and on `other` (PostgreSQL unless told), each exporting to
  /// `out` in `folder` (the memory run's files then moved to `memory`), and expects the
  /// same files, the same bytes, the same warnings. `arguments` are added to both runs;
  /// `ledger` gives each engine its own ledger of that name, run twice (the second a replay).
  func expectSameRun(
    _ playbook: String, in folder: ScratchFolder, environment: [String: String], arguments: [String] = [],
    ledger: Bool = false, other: String = "postgres", sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for round in ledger ? [1, 2] : [1] {
      var outputs: [String: (stdout: String, stderr: String)] = [:]
      for engine in ["memory", other] {
        try? FileManager.default.removeItem(atPath: folder.path("out"))
        let ledgerArguments = ledger ? ["--ledger", "\(engine).db"] : []
        let run = try playloop(
          ["run", playbook, "--out", "out", "--engine", engine] + ledgerArguments + arguments, in: folder,
          environment: environment)
        #expect(run.status == 0, "\(engine) round \(round): \(run.stderr)", sourceLocation: sourceLocation)
        outputs[engine] = (run.stdout, run.stderr)
        if engine == "memory" {
          try? FileManager.default.removeItem(atPath: folder.path("memory"))
          try FileManager.default.moveItem(atPath: folder.path("out"), toPath: folder.path("memory"))
        }
      }
      #expect(outputs["memory"]?.stderr == outputs[other]?.stderr, sourceLocation: sourceLocation)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("memory")).sorted()
      #expect(files.contains("decisions.csv") && files.count > 2, "\(files)", sourceLocation: sourceLocation)
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted() == files,
        sourceLocation: sourceLocation)
      for file in files {
        let memory = try Data(contentsOf: URL(fileURLWithPath: folder.path("memory/" + file)))
        let pushed = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/" + file)))
        if file == "summary.json" {
          #expect(try Self.untimed(memory) == Self.untimed(pushed), sourceLocation: sourceLocation)
        } else {
          #expect(memory == pushed, "\(playbook): \(file) differs on \(other)", sourceLocation: sourceLocation)
        }
      }
      if ledger {
        #expect(
          outputs[other]?.stdout.contains(round == 1 ? "recorded" : "replayed") == true,
          "\(outputs[other]?.stdout ?? "")", sourceLocation: sourceLocation)
      }
    }
  }

  /// summary.json without its timings, the one part that differs between identical runs.
  static func untimed(_ data: Data) throws -> NSDictionary {
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["timings_ms"] != nil)
    return object.filter { $0.key != "timings_ms" } as NSDictionary
  }

  @Test(arguments: compiling)
  func aShippedPlaybookExportsTheInMemoryRunsBytes(_ name: String) throws {
    let environment = try PostgresCluster.database()
    let folder = try ScratchFolder("pg-engine")
    try expectSameRun(Repository.path("Playbooks/\(name).playbook"), in: folder, environment: environment)
    try expectSameRun(Repository.path("Playbooks/\(name).playbook"), in: folder, environment: environment, ledger: true)
  }

  /// `playloop-data --flaws`: rows set aside, a bad number, cut-off JSON, odd headers.
  @Test(arguments: compiling)
  func generatedDataWithItsFlawsExportsTheInMemoryRunsBytes(_ name: String) throws {
    let environment = try PostgresCluster.database()
    let folder = try ScratchFolder("pg-engine-messy")
    let generate = try ChildProcess.run(
      BuiltProduct.playloopData, ["--customers", "1500", "--seed", "11", "--out", folder.path, "--flaws"])
    #expect(generate.status == 0, "\(generate.stderr)")
    let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
      .replacingOccurrences(of: "../Examples/data/", with: "")
    _ = try folder.write(text, to: "\(name).playbook")
    try expectSameRun("\(name).playbook", in: folder, environment: environment)
  }

  /// The flagship with its tables in PostgreSQL: read where they are; then with rows the
  /// engine sets aside (a repeated key, a customer nobody has, a time before its opening)
  /// and a null, so that table is the engine's copy; and with a header holding a space.
  @Test func tablesInPostgresAreReadWhereTheyAreOrCopied() throws {
    let environment = try PostgresCluster.database(PostgresLoadCLITests.exampleTables)
    let folder = try ScratchFolder("pg-engine-tables")
    let flagship = try PostgresLoadCLITests.flagshipFromPostgres()
    _ = try folder.write(flagship, to: "p.playbook")
    try expectSameRun("p.playbook", in: folder, environment: environment)
    #expect(try copied("p.playbook", in: folder, environment: environment) == ["calls"])

    try PostgresCluster.psql(
      """
      INSERT INTO support.tickets SELECT * FROM support.tickets WHERE id = (SELECT min(id) FROM support.tickets);
      INSERT INTO support.tickets (id, customer_id, kind, channel, subject, opened_at, resolved_at, csat)
        VALUES ('T-odd', 'C-nobody', 'complaint', 'email', 'x', now() - interval '2 days', now(), 1),
               ('T-back', (SELECT min(id) FROM customers), 'complaint', 'email', 'late',
                timestamptz '2026-10-20 00:00:00+00', timestamptz '2026-10-19 00:00:00+00', 1);
      UPDATE support.tickets SET csat = NULL, subject = NULL WHERE id = (SELECT max(id) FROM support.tickets);
      ALTER TABLE orders RENAME COLUMN status TO "order status";
      ALTER TABLE orders ADD COLUMN status text;
      UPDATE orders SET status = "order status";
      """, environment: environment)
    let run = try playloop(["run", "p.playbook", "--dry-run"], in: folder, environment: environment)
    #expect(run.stderr.contains("set aside"), "the odd rows are set aside: \(run.stderr)")
    #expect(try copied("p.playbook", in: folder, environment: environment) == ["tickets", "calls"])
    try expectSameRun("p.playbook", in: folder, environment: environment)
    try expectSameRun("p.playbook", in: folder, environment: environment, ledger: true)
  }

  /// The loads `--engine postgres` copied into temporary tables (`engine_copied`).
  func copied(_ playbook: String, in folder: ScratchFolder, environment: [String: String]) throws -> [String]? {
    let run = try playloop(
      ["run", playbook, "--engine", "postgres", "--dry-run", "--format", "json"], in: folder, environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return json["engine_copied"] as? [String]
  }

  @Test func aPlaybookThatDoesNotCompileIsRefusedNotRunInMemory() throws {
    let environment = try PostgresCluster.database()
    let folder = try ScratchFolder("pg-engine-refused")
    let run = try playloop(
      ["run", Repository.path("Playbooks/campaigns.playbook"), "--engine", "postgres", "--out", "out"], in: folder,
      environment: environment)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error: `sent(any in last 14d)` cannot be compiled to postgres"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    let json = try playloop(
      [
        "run", Repository.path("Playbooks/campaigns.playbook"), "--engine", "postgres", "--out", "out", "--format",
        "json",
      ],
      in: folder, environment: environment)
    #expect(json.status == 1)
    #expect(json.stdout.contains(#""code": "compile_unsupported""#), "\(json.stdout)")
  }

  @Test func anUnreachableDatabaseIsTheLoadsDiagnostic() throws {
    var environment = try PostgresCluster.database()
    environment["PGPORT"] = "1"
    let folder = try ScratchFolder("pg-engine-unreachable")
    let run = try playloop(
      ["run", Repository.serviceRecovery, "--engine", "postgres", "--out", "out"], in: folder,
      environment: environment)
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix("postgres: error: cannot connect to PostgreSQL at host 127.0.0.1, port 1, "),
      "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    let json = try playloop(
      ["run", Repository.serviceRecovery, "--engine", "postgres", "--out", "out", "--format", "json"], in: folder,
      environment: environment)
    #expect(json.status == 2)
    #expect(json.stdout.contains(#""code": "load_database_unreachable""#), "\(json.stdout)")
  }

  @Test func theJSONSummarySaysWhichEngineRan() throws {
    let environment = try PostgresCluster.database()
    let folder = try ScratchFolder("pg-engine-json")
    for engine in ["memory", "postgres"] {
      let run = try playloop(
        ["run", Repository.serviceRecovery, "--engine", engine, "--dry-run", "--format", "json"], in: folder,
        environment: environment)
      #expect(run.status == 0, "\(run.stderr)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      #expect(json["engine"] as? String == engine)
    }
    let memory = try playloop(
      ["run", Repository.serviceRecovery, "--dry-run", "--format", "json"], in: folder, environment: [:])
    #expect(memory.stdout.contains(#""engine": "memory""#), "memory is the default")
  }
}
