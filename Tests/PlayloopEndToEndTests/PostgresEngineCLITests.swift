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

  /// The flagship with A/B splits: the SQL names each split's line by its first offer and
  /// the run picks each customer's variant by the hash the memory engine uses, so the files
  /// are the same, both variants among them. `compile` alone still refuses a split.
  @Test func aSplitIsComputedAsItsLineAndItsVariantPickedAsInMemory() throws {
    let environment = try PostgresCluster.database()
    let folder = try ScratchFolder("pg-engine-split")
    _ = try folder.write(try Self.flagshipWithSplits(), to: "p.playbook")
    try expectSameRun("p.playbook", in: folder, environment: environment)
    let decisions = try String(contentsOfFile: folder.path("out/decisions.csv"), encoding: .utf8)
    for offer in ["SORRY25", "STAY15", "THANKS10"] {
      #expect(decisions.contains(",\(offer),"), "\(offer) among the decisions")
    }
    let compile = try playloop(["compile", "p.playbook", "--to", "postgres"], in: folder, environment: environment)
    #expect(compile.status == 1)
    #expect(compile.stderr.contains("a split picks its variant by a hash of the customer id"), "\(compile.stderr)")
  }

  /// The flagship, its data beside the repository's examples, with two split lines: one
  /// whose later variant is another line's first offer.
  static func flagshipWithSplits() throws -> String {
    let text = try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      .replacingOccurrences(
        of: "  send SORRY25 via email, sms after 2h", with: "  send SORRY25 50% or STAY15 50% via email, sms after 2h"
      )
      .replacingOccurrences(
        of: "  send THANKS10 via email after 1d",
        with: "  send THANKS10 via email after 1d\n  send STAY15 30% or THANKS10 70% via email"
      )
      .replacingOccurrences(of: "\"../Examples/data/", with: "\"\(Repository.exampleData)/")
    #expect(text.components(separatedBy: "% or ").count == 3)
    return text
  }

  /// The flagship with its tables in PostgreSQL: tickets and orders left where they are
  /// (with a ledger too, recorded then replayed); then with rows the engine sets aside (a
  /// repeated key, a customer nobody has, a time before its opening) and a null, so that
  /// table is read whole and copied; and with a header holding a space.
  @Test func tablesInPostgresAreReadWhereTheyAreOrCopied() throws {
    let environment = try PostgresCluster.database(PostgresLoadCLITests.exampleTables)
    let folder = try ScratchFolder("pg-engine-tables")
    let flagship = try PostgresLoadCLITests.flagshipFromPostgres()
    _ = try folder.write(flagship, to: "p.playbook")
    try expectSameRun("p.playbook", in: folder, environment: environment)
    #expect(try copied("p.playbook", in: folder, environment: environment) == ["calls"])
    #expect(try left("p.playbook", in: folder, environment: environment) == ["tickets", "orders"])
    // On a terminal, the rows loaded are every row, as a memory run counts them.
    let rows = try loadedRows("p.playbook", in: folder, environment: environment, engine: "memory")
    #expect(try loadedRows("p.playbook", in: folder, environment: environment, engine: "postgres") == rows)
    try expectSameRun("p.playbook", in: folder, environment: environment, ledger: true)
    // The ledgers start again for the changed tables below.
    for engine in ["memory", "postgres"] { try FileManager.default.removeItem(atPath: folder.path("\(engine).db")) }

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
    #expect(try left("p.playbook", in: folder, environment: environment) == ["orders"])
    // Tickets read whole after the survey, orders left: still every row.
    let changedRows = try loadedRows("p.playbook", in: folder, environment: environment, engine: "memory")
    #expect(changedRows != rows)
    #expect(try loadedRows("p.playbook", in: folder, environment: environment, engine: "postgres") == changedRows)
    try expectSameRun("p.playbook", in: folder, environment: environment)
    try expectSameRun("p.playbook", in: folder, environment: environment, ledger: true)
  }

  /// Rows of a table the run could leave in the database, each beside a plain row: a value
  /// at or past what the loader reads as its column's type (numbers, times and dates at
  /// their limits), a repeated key, a link to no customer or none, a resolution before its
  /// opening. The survey in SQL must find exactly the rows a memory run sets aside: then
  /// the table is read whole and copied; otherwise it is left there and only its trigger
  /// rows are read. Either way the files are the memory run's.
  @Test func theSurveyFindsExactlyTheRowsTheLoaderSetsAside() throws {
    // name → customer_id, f8, f4, n, opened_at, resolved_at, tsn (timestamp), d (date)
    let cases: [(String, String)] = [
      ("plain", "'C1', 2, 2, 2, NULL, NULL, NULL, NULL"),
      ("f8-nan", "'C1', 'NaN', 1, 1, NULL, NULL, NULL, NULL"),
      ("f8-inf", "'C1', '-Infinity', 1, 1, NULL, NULL, NULL, NULL"),
      ("f8-max", "'C1', 1.7976931348623157e308, 1, 1, NULL, NULL, NULL, NULL"),
      ("f4-nan", "'C1', 1, 'NaN', 1, NULL, NULL, NULL, NULL"),
      ("f4-big", "'C1', 1, 3.4e38, 1, NULL, NULL, NULL, NULL"),
      ("n-nan", "'C1', 1, 1, 'NaN', NULL, NULL, NULL, NULL"),
      ("n-inf", "'C1', 1, 1, 'Infinity', NULL, NULL, NULL, NULL"),
      ("n-int-max", "'C1', 1, 1, 9223372036854775807, NULL, NULL, NULL, NULL"),
      ("n-int-over", "'C1', 1, 1, 9223372036854775808, NULL, NULL, NULL, NULL"),
      ("n-int-min", "'C1', 1, 1, -9223372036854775808, NULL, NULL, NULL, NULL"),
      ("n-int-under", "'C1', 1, 1, -9223372036854775809, NULL, NULL, NULL, NULL"),
      ("n-1e308", "'C1', 1, 1, 1e308, NULL, NULL, NULL, NULL"),
      ("n-scaled", "'C1', 1, 1, 12345678901234567890.5, NULL, NULL, NULL, NULL"),
      ("n-tiny", "'C1', 1, 1, 1e-400, NULL, NULL, NULL, NULL"),
      ("n-zero-scaled", "'C1', 1, 1, 0.000, NULL, NULL, NULL, NULL"),
      ("ts-inf", "'C1', 1, 1, 1, 'infinity', NULL, NULL, NULL"),
      ("ts-minus-inf", "'C1', 1, 1, 1, '-infinity', NULL, NULL, NULL"),
      ("ts-bc", "'C1', 1, 1, 1, '0001-12-31 23:59:59+00 BC', NULL, NULL, NULL"),
      ("ts-year-1", "'C1', 1, 1, 1, '0001-01-01 00:00:00+00', NULL, NULL, NULL"),
      ("ts-year-9999", "'C1', 1, 1, 1, '9999-12-31 23:59:59.999999+00', NULL, NULL, NULL"),
      ("ts-year-10000", "'C1', 1, 1, 1, '10000-01-01 00:00:00+00', NULL, NULL, NULL"),
      ("ts-before-1970", "'C1', 1, 1, 1, '1969-12-31 23:59:59.5+00', NULL, NULL, NULL"),
      ("tsn-inf", "'C1', 1, 1, 1, NULL, NULL, 'infinity', NULL"),
      ("tsn-year-12000", "'C1', 1, 1, 1, NULL, NULL, '12000-01-01', NULL"),
      ("tsn-year-1", "'C1', 1, 1, 1, NULL, NULL, '0001-01-01 00:00:00', NULL"),
      ("d-inf", "'C1', 1, 1, 1, NULL, NULL, NULL, 'infinity'"),
      ("d-bc", "'C1', 1, 1, 1, NULL, NULL, NULL, '0010-01-01 BC'"),
      ("d-year-20000", "'C1', 1, 1, 1, NULL, NULL, NULL, '20000-01-01'"),
      ("d-year-1", "'C1', 1, 1, 1, NULL, NULL, NULL, '0001-01-01'"),
      ("backwards", "'C1', 1, 1, 1, '2026-10-02 10:00:00+00', '2026-10-02 09:59:59+00', NULL, NULL"),
      ("same-second", "'C1', 1, 1, 1, '2026-10-02 10:00:00.7+00', '2026-10-02 10:00:00.2+00', NULL, NULL"),
      ("resolved-alone", "'C1', 1, 1, 1, NULL, '2026-10-02 09:59:59+00', NULL, NULL"),
      ("no-customer", "'C9', 1, 1, 1, NULL, NULL, NULL, NULL"),
      ("null-link", "NULL, 1, 1, 1, NULL, NULL, NULL, NULL"),
      ("empty-link", "'', 1, 1, 1, NULL, NULL, NULL, NULL"),
      ("repeated-key", "'C1', 1, 1, 1, NULL, NULL, NULL, NULL"),
    ]
    let environment = try PostgresCluster.database(
      """
      CREATE TABLE c (id text, name text);
      INSERT INTO c VALUES ('C1', 'a'), ('C2', 'b');
      CREATE TABLE edge (id text, customer_id text, f8 float8, f4 float4, n numeric, opened_at timestamptz,
        resolved_at timestamptz, tsn timestamp, d date, i int8);
      INSERT INTO edge VALUES ('OK', 'C2', 1.5, 1, 2.5, '2026-10-01 10:00:00+00', '2026-10-01 11:00:00+00',
        '2026-10-01 10:00:00', '2026-10-01', 1);
      """
        + cases.map { "INSERT INTO edge VALUES ('\($0.0)', \($0.1), 2);\n" }.joined()
        // The repeated key's row differs in a value, so which one is kept is decided by the values.
        + "INSERT INTO edge SELECT id, customer_id, 7, f4, n, opened_at, resolved_at, tsn, d, i FROM edge "
        + "WHERE id = 'repeated-key';\n",
    )
    let folder = try ScratchFolder("pg-engine-survey")
    var setAside: [String] = []
    for (name, _) in cases {
      _ = try folder.write(
        """
        load customers from postgres table "c" key id
        load events from postgres query "select * from edge where id in ('OK', '\(name)')" key id link customer_id
        channel email address customer.name
        as of 2026-11-01T00:00:00Z
        rule r
          when event.i > 0
          send X via email
        offer X "x"
        export to "out"
        """, to: "p.playbook")
      let memory = try playloop(
        ["run", "p.playbook", "--dry-run", "--format", "json"], in: folder, environment: environment)
      let json = try #require(try JSONSerialization.jsonObject(with: Data(memory.stdout.utf8)) as? [String: Any])
      let count = try #require(json["set_aside"] as? Int, "\(name): \(memory.stdout) \(memory.stderr)")
      if count > 0 { setAside.append(name) }
      #expect(
        try copied("p.playbook", in: folder, environment: environment) == (count > 0 ? ["events"] : []), "\(name)")
      #expect(try left("p.playbook", in: folder, environment: environment) == (count > 0 ? [] : ["events"]), "\(name)")
      try expectSameRun("p.playbook", in: folder, environment: environment)
    }
    // What a memory run sets aside, by the loader's rules: the test is only as good as these cases.
    #expect(
      setAside.sorted() == [
        "backwards", "d-bc", "d-inf", "d-year-20000", "empty-link", "f4-nan", "f8-inf", "f8-nan", "n-1e308", "n-inf",
        "n-int-over", "n-int-under", "n-nan", "no-customer", "null-link", "repeated-key", "ts-bc", "ts-inf",
        "ts-minus-inf", "ts-year-10000", "tsn-inf", "tsn-year-12000",
      ])
  }

  /// The loads `--engine postgres` copied into temporary tables (`engine_copied`).
  /// The progress line's count of rows loaded (`loaded 4 tables (N rows, …`) of a dry
  /// run of `playbook` on `engine`, on a terminal.
  func loadedRows(_ playbook: String, in folder: ScratchFolder, environment: [String: String], engine: String)
    throws -> String
  {
    var environment = environment
    environment["PLAYLOOP_PROGRESS_AFTER_MS"] = "0"
    environment["NO_COLOR"] = "1"
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: ["run", folder.path(playbook), "--dry-run", "--engine", engine],
      environment: environment, columns: 200)
    try terminal.expect("loaded 4 tables (", within: 60)
    let rows = try terminal.expect(" rows,", within: 5).dropLast(" rows,".count)
    #expect(terminal.waitForExit(within: 60) == 0)
    return String(rows)
  }

  func copied(_ playbook: String, in folder: ScratchFolder, environment: [String: String]) throws -> [String]? {
    try engineJSON(playbook, in: folder, environment: environment)["engine_copied"] as? [String]
  }

  /// The loads `--engine postgres` (or `engine`) left in the database (`engine_left`).
  func left(_ playbook: String, in folder: ScratchFolder, environment: [String: String], engine: String = "postgres")
    throws -> [String]?
  {
    try engineJSON(playbook, in: folder, environment: environment, engine: engine)["engine_left"] as? [String]
  }

  /// The JSON summary of a dry run on PostgreSQL (or `engine`).
  func engineJSON(
    _ playbook: String, in folder: ScratchFolder, environment: [String: String], engine: String = "postgres"
  ) throws -> [String: Any] {
    let run = try playloop(
      ["run", playbook, "--engine", engine, "--dry-run", "--format", "json"], in: folder, environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  /// A run stopped while PostgreSQL works for it (Ctrl-C) leaves nothing running there:
  /// the server sees the connection gone and cancels the query within about a second,
  /// where it would otherwise sleep on for a minute.
  @Test func anInterruptedRunLeavesNoQueryRunningOnTheServer() throws {
    let environment = try PostgresCluster.database(PostgresLoadCLITests.exampleTables)
    let folder = try ScratchFolder("pg-engine-interrupted")
    let slow = try PostgresLoadCLITests.flagshipFromPostgres().replacingOccurrences(
      of: #"load orders from postgres query "select * from orders where status <> 'x';""#,
      with: #"load orders from postgres query "select orders.* from orders, pg_sleep(60)""#)
    #expect(slow.contains("pg_sleep(60)"))
    _ = try folder.write(slow, to: "p.playbook")
    let sleeping =
      "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(60)%' "
      + "AND pid <> pg_backend_pid()"
    func waitFor(_ count: String, seconds: Double) throws -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if try PostgresCluster.value(sleeping, environment: environment) == count { return true }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return false
    }
    var environmentWithoutColor = environment
    environmentWithoutColor["NO_COLOR"] = "1"
    let run = try ChildProcess(
      BuiltProduct.playloop, ["run", "p.playbook", "--engine", "postgres", "--dry-run"], in: folder.path,
      environment: environmentWithoutColor)
    #expect(try waitFor("1", seconds: 30), "the run's query is sleeping on the server")
    run.signal(SIGINT)
    _ = run.wait()
    #expect(run.status != 0)
    let stopped = Date()
    #expect(try waitFor("0", seconds: 15), "the query was cancelled once the run was gone")
    #expect(Date().timeIntervalSince(stopped) < 15)
  }

  /// Rows with an empty key (which names no row, so the loader keeps them all) give
  /// candidates whose trigger id says none of them: the run says so, rather than deciding
  /// one row's candidate as another's.
  @Test func aTriggerIdSeveralRowsHoldIsAnErrorNotAGuess() throws {
    let environment = try PostgresCluster.database(
      """
      CREATE TABLE c (id text, name text);
      INSERT INTO c VALUES ('C1', 'a'), ('C2', 'b');
      CREATE TABLE e (id text, customer_id text, i int8);
      INSERT INTO e VALUES ('', 'C1', 1), ('', 'C2', 1), ('E1', 'C1', 1);
      """)
    let folder = try ScratchFolder("pg-engine-empty-keys")
    _ = try folder.write(
      """
      load customers from postgres table "c" key id
      load events from postgres table "e" key id link customer_id
      channel email address customer.name
      as of 2026-11-01T00:00:00Z
      rule r
        when event.i > 0
        send X via email
      offer X "x"
      """, to: "p.playbook")
    let memory = try playloop(["run", "p.playbook", "--out", "out"], in: folder, environment: environment)
    #expect(memory.status == 0, "\(memory.stderr)")
    let postgres = try playloop(
      ["run", "p.playbook", "--out", "out", "--engine", "postgres"], in: folder, environment: environment)
    #expect(postgres.status == 2)
    #expect(
      postgres.stderr.contains("its trigger id '' is held by more than one row of 'events', so it names none of them"),
      "\(postgres.stderr)")
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
