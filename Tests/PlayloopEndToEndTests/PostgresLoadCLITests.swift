import Foundation
import PlayloopTestSupport
import Testing

/// `load … from postgres` with the real binary against the tests' private cluster
/// (`PostgresCluster`, a database per test): the flagship's decisions are the CSV run's
/// bytes, columns take the database's types, a run reads in one snapshot, rows and
/// repeated keys do not depend on how a table is stored, and a server that cannot be
/// reached is a diagnostic naming where it was looked for, never the password.
@Suite struct PostgresLoadCLITests {
  func playloop(_ arguments: [String], in folder: ScratchFolder, environment: [String: String]) throws
    -> ChildProcess
  {
    var environment = environment
    environment["NO_COLOR"] = "1"
    return try ChildProcess.playloop(arguments, in: folder.path, environment: environment)
  }

  /// Examples/data as PostgreSQL tables with real column types: customers and orders in
  /// the default schema, tickets in schema `support`.
  static let exampleTables = """
    CREATE TABLE customers (id text, name text, email text, phone text, email_opt_in boolean, sms_opt_in boolean,
      tier text, lifetime_value numeric(12, 2), country text, created_at timestamptz, first_name text, tz text);
    \\copy customers from '\(Repository.path("Examples/data/customers.csv"))' csv header
    CREATE SCHEMA support;
    CREATE TABLE support.tickets (id text, customer_id text, kind text, channel text, subject text,
      opened_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, csat integer);
    \\copy support.tickets from '\(Repository.path("Examples/data/tickets.csv"))' csv header
    CREATE TABLE orders (id varchar(10), customer_id text, total numeric, status text, ordered_at timestamptz);
    \\copy orders from '\(Repository.path("Examples/data/orders.csv"))' csv header

    """

  /// The flagship loading customers, tickets and orders from `exampleTables` (tickets
  /// from a table in another schema, orders through a query), calls from their file.
  static func flagshipFromPostgres() throws -> String {
    try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      .replacingOccurrences(
        of: #"load customers from "../Examples/data/customers.csv""#,
        with: #"load customers from postgres table "customers""#
      )
      .replacingOccurrences(
        of: #"load tickets from "../Examples/data/tickets.csv""#,
        with: #"load tickets from postgres table "support.tickets""#
      )
      .replacingOccurrences(
        of: #"load orders from "../Examples/data/orders.csv""#,
        with: #"load orders from postgres query "select * from orders where status <> 'x';""#
      )
      .replacingOccurrences(of: "\"../Examples/data/", with: "\"\(Repository.exampleData)/")
  }

  @Test func theFlagshipFromPostgresDecidesTheCSVRunsBytes() throws {
    let environment = try PostgresCluster.database(Self.exampleTables)
    let folder = try ScratchFolder("postgres")
    let fromPostgres = try Self.flagshipFromPostgres()
    #expect(fromPostgres.components(separatedBy: "from postgres").count == 4)
    _ = try folder.write(fromPostgres, to: "p.playbook")

    let csv = try ChildProcess.playloop(["run", "Playbooks/service-recovery.playbook", "--out", folder.path("csv")])
    let postgres = try playloop(["run", "p.playbook", "--out", "pg"], in: folder, environment: environment)
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(postgres.status == 0, "\(postgres.stderr)")
    #expect(postgres.stderr == csv.stderr)
    let decisions = try Data(contentsOf: URL(fileURLWithPath: folder.path("csv/decisions.csv")))
    #expect(decisions.count > 1000)
    for file in ["decisions.csv", "THANKS10.csv", "SORRY25.csv", "REFER20.csv", "STAY15.csv"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: folder.path("pg/" + file)))
          == Data(contentsOf: URL(fileURLWithPath: folder.path("csv/" + file))), "\(file)")
    }

    let describe = try playloop(["describe", "p.playbook"], in: folder, environment: environment)
    #expect(describe.status == 0, "\(describe.stderr)")
    #expect(describe.stdout.contains("customers: postgres:customers, 200 rows loaded, 0 set aside"))
    #expect(describe.stdout.contains("tickets: postgres:support.tickets, 916 rows loaded, 0 set aside"))
    #expect(describe.stdout.contains("orders: postgres:query(orders), 377 rows loaded, 0 set aside"))
    #expect(describe.stdout.contains("email_opt_in    boolean    the database's column type"))
    #expect(describe.stdout.contains("lifetime_value  decimal    the database's column type"))
    #expect(describe.stdout.contains("created_at      timestamp  the database's column type"))
    #expect(describe.stdout.contains("csat                           integer    the database's column type"))
  }

  /// `playloop compile` of loads from postgres reads each load's own table or query (the
  /// data already there), not a table named as the load: here the public `tickets` is
  /// empty and the rows are in `support.tickets`.
  @Test func compiledSQLReadsEachPostgresLoadsOwnTableOrQuery() throws {
    let environment = try PostgresCluster.database(
      Self.exampleTables + "CREATE TABLE tickets AS SELECT * FROM support.tickets WHERE false;\n")
    let folder = try ScratchFolder("postgres-compile")
    func candidates(_ ticketsLoad: String) throws -> [String] {
      _ = try folder.write(
        """
        playbook "Slow fixes"
        as of 2026-11-01T00:00:00Z
        load customers from postgres table "customers"
        \(ticketsLoad) link customer_id
        define complaint = ticket where ticket.kind == "complaint"
        channel email address customer.email requires customer.email_opt_in
        offer SORRY25 "25% off" valid 14d
        rule slow_fix_apology
          when complaint resolved after 72h or complaint open for 72h
          send SORRY25 via email

        """, to: "slow.playbook")
      let compiled = try playloop(
        ["compile", "slow.playbook", "--to", "postgres"], in: folder, environment: environment)
      #expect(compiled.status == 0, "\(compiled.stderr)")
      let psql = try ChildProcess.run(
        "/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"], environment: environment,
        input: compiled.stdout)
      #expect(psql.status == 0, "\(psql.stderr)")
      return psql.stdout.split(separator: "\n").map(String.init)
    }
    let fromTable = try candidates(#"load tickets from postgres table "support.tickets""#)
    let fromQuery = try candidates(#"load tickets from postgres query "select * from support.tickets;""#)
    #expect(fromTable.count > 10)
    #expect(fromTable.allSatisfy { $0.contains("|SORRY25|tickets|T-") }, "\(fromTable.prefix(3))")
    #expect(fromQuery == fromTable)
  }

  /// One column of each type PostgreSQL maps, a null in each, and types Playloop has
  /// none for; `stamp` is a timestamp without time zone.
  static let everyType = """
    CREATE TABLE customers (id text, email text, small int2, plain int4, big int8, price numeric(10, 4),
      ratio float4, score float8, vip bool, code varchar(5), letter char(3), label name, ref uuid,
      seen timestamptz, stamp timestamp, born date, extra jsonb, span interval);
    INSERT INTO customers VALUES
      ('C-1', 'one@example.com', 1, 2, 9007199254740993, 12.3400, 0.5, 1e20, true, 'ab', 'x', 'n1',
       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2026-10-01 12:00:00+02', '2026-10-01 12:00:00', '2026-01-31',
       '{"a": 1}', '1 day 02:00:00'),
      ('C-2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

    """

  static func playbook(_ loads: String, rule: String = "when customer.vip") -> String {
    """
    playbook "People"
    as of 2026-11-01T00:00:00Z
    \(loads)
    channel email address customer.email
    offer HI "Hi"
    rule hello
      \(rule)
      send HI via email

    """
  }

  @Test func columnsTakeTheDatabasesTypesAndSQLNullIsNull() throws {
    let environment = try PostgresCluster.database(Self.everyType)
    let folder = try ScratchFolder(
      "postgres",
      files: [
        "p.playbook": Self.playbook(
          #"load customers from postgres query "select * from customers" timezone "Europe/Rome""#)
      ])
    let describe = try playloop(["describe", "p.playbook"], in: folder, environment: environment)
    #expect(describe.status == 0, "\(describe.stderr)")
    let lines = describe.stdout.split(separator: "\n").map(String.init)
    func row(_ column: String) -> String { lines.first { $0.hasPrefix(column + " ") } ?? "" }
    for (column, type) in [
      ("small", "integer"), ("plain", "integer"), ("big", "integer"), ("price", "decimal"), ("ratio", "decimal"),
      ("score", "decimal"), ("vip", "boolean"), ("code", "text"), ("letter", "text"), ("label", "text"),
      ("ref", "text"), ("seen", "timestamp"), ("stamp", "timestamp"), ("born", "date"),
    ] {
      #expect(row(column).contains(" \(type) "), "\(row(column))")
      #expect(row(column).contains("the database's column type"), "\(row(column))")
      // C-2's value is SQL NULL in every column but the key.
      #expect(row(column).contains(" 1  "), "\(row(column))")
    }
    #expect(row("big").contains("'9007199254740993'"))
    #expect(row("price").contains("'12.34'"))
    #expect(row("score").contains("'1e+20'") || row("score").contains("'100000000000000000000'"), "\(row("score"))")
    #expect(row("letter").contains("'x  '"))
    #expect(row("ref").contains("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd3…'"))
    // timestamptz is its instant; timestamp without time zone is read in the load's zone.
    #expect(row("seen").contains("'2026-10-01T10:00:00Z'"))
    #expect(row("stamp").contains("'2026-10-01T10:00:00Z'"))
    #expect(row("born").contains("'2026-01-31'"))
    #expect(row("extra").contains("text       text: the database's type jsonb has no Playloop type"), "\(row("extra"))")
    #expect(row("extra").contains(#"'{"a": 1}'"#))
    #expect(row("span").contains("text: the database's type interval has no Playloop type"))
    #expect(row("span").contains("'1 day 02:00:00'"))

    let run = try playloop(["run", "p.playbook", "--out", "out"], in: folder, environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: folder.path("out/HI.csv"), encoding: .utf8).contains("one@example.com"))
  }

  /// `people` with a timestamp that is no time the language has (`infinity`) and a
  /// numeric that is not a number (`NaN`).
  static let people = """
    CREATE TABLE people (id text, email text, score numeric, joined timestamptz);
    INSERT INTO people VALUES
      ('P-1', 'one@example.com', 3, '2026-01-01 00:00:00+00'),
      ('P-2', 'two@example.com', 'NaN', '2026-01-02 00:00:00+00'),
      ('P-3', 'three@example.com', 5, 'infinity'),
      ('P-4', 'four@example.com', NULL, NULL);

    """

  @Test func aValueThePlaybookCannotReadSetsItsRowAsideByKey() throws {
    let environment = try PostgresCluster.database(Self.people)
    let folder = try ScratchFolder(
      "postgres",
      files: [
        "p.playbook": Self.playbook(#"load customers from postgres table "people""#, rule: "when customer.score > 2")
      ])
    let run = try playloop(
      ["run", "p.playbook", "--dry-run", "--max-set-aside", "100%"], in: folder, environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        #"postgres:people:2: warning: row set aside: customer "P-2": value "NaN" in column score is not a decimal"#),
      "\(run.stderr)")
    #expect(
      run.stderr.contains(
        #"postgres:people:3: warning: row set aside: customer "P-3": value "infinity" in column joined is not a timestamp"#
      ), "\(run.stderr)")
    #expect(run.stdout.contains("HI"))
    let strict = try playloop(["run", "p.playbook", "--dry-run", "--strict"], in: folder, environment: environment)
    #expect(strict.status == 2)
    #expect(
      strict.stderr.hasPrefix(
        #"postgres:people:2: error: customer "P-2": value "NaN" in column score is not a decimal (and 1 more rows set aside)"#
      ), "\(strict.stderr)")
  }

  @Test func aMissingTableOrColumnIsADiagnosticAtTheLoad() throws {
    let score = "when customer.score > 2"
    let environment = try PostgresCluster.database(
      Self.people + #"CREATE SCHEMA support; CREATE TABLE support."we""ird" (id text, email text, score int);"#)
    let folder = try ScratchFolder(
      "postgres", files: ["p.playbook": Self.playbook(#"load customers from postgres table "peopel""#, rule: score)])
    let table = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(table.status == 2)
    #expect(
      table.stderr == """
        postgres:peopel: error: the database has no table 'peopel'
          hint: did you mean 'people'?
        p.playbook:3:36: note: loaded here

        """)
    // A name is quoted as an identifier, whatever it holds.
    _ = try folder.write(
      Self.playbook(#"load customers from postgres table "support.we\"ird""#, rule: score), to: "p.playbook")
    let quoted = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(quoted.status == 0, "\(quoted.stderr)")
    _ = try folder.write(
      Self.playbook(#"load customers from postgres table "people; drop table people""#, rule: score), to: "p.playbook")
    let injected = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(injected.status == 2)
    #expect(injected.stderr.hasPrefix("postgres:people; drop table people: error: the database has no table"))
    _ = try folder.write(
      Self.playbook(#"load customers from postgres query "select id, email, scor from people""#, rule: score),
      to: "p.playbook")
    let query = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(query.status == 2)
    #expect(
      query.stderr.hasPrefix(
        """
        postgres:query(customers): error: the query cannot be read: column "scor" does not exist
          hint: Perhaps you meant to reference the column "people.score".
        p.playbook:3:36: note: loaded here
        """), "\(query.stderr)")
    // The query ran in a read-only transaction: the table is still there.
    _ = try folder.write(Self.playbook(#"load customers from postgres table "people""#, rule: score), to: "p.playbook")
    let after = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(after.status == 0, "\(after.stderr)")
  }

  @Test func aServerThatCannotBeReachedIsNamedWithoutItsPassword() throws {
    var environment = try PostgresCluster.database(Self.people)
    let folder = try ScratchFolder(
      "postgres",
      files: ["p.playbook": Self.playbook(#"load customers from postgres table "people""#)])
    environment["PGPORT"] = "1"
    environment["PGPASSWORD"] = "s3cret-word"
    let check = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(check.status == 2)
    #expect(
      check.stderr.hasPrefix(
        "postgres:people: error: cannot connect to PostgreSQL at host 127.0.0.1, port 1, database \(environment["PGDATABASE"] ?? ""), user postgres: "
      ), "\(check.stderr)")
    #expect(
      check.stderr.contains(
        "  hint: the connection comes from PLAYLOOP_POSTGRES_URL (a libpq connection string or URI) when set, else from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSERVICE\np.playbook:3:21: note: loaded here\n"
      ), "\(check.stderr)")
    #expect(!check.stderr.contains("s3cret"))
    // A connection string wins over the variables, and its password is not shown either.
    environment["PGPORT"] = PostgresCluster.port
    environment["PLAYLOOP_POSTGRES_URL"] = "postgresql://postgres:hunter2-pw@127.0.0.1:2/nowhere"
    let url = try playloop(["check", "p.playbook"], in: folder, environment: environment)
    #expect(url.status == 2)
    #expect(
      url.stderr.hasPrefix(
        "postgres:people: error: cannot connect to PostgreSQL at host 127.0.0.1, port 2, database nowhere, user postgres: "
      ), "\(url.stderr)")
    #expect(!url.stderr.contains("hunter2"))
    // libpq quotes a connection string it cannot read: the password is blotted out of it.
    for settings in [
      "postgresql://postgres:hunter2-pw@[127.0.0.1", "host=127.0.0.1 port=2 password='hunter2 pw' sslmode=nonsense",
      "host=127.0.0.1 password=hunter2-pw port=two",
    ] {
      environment["PLAYLOOP_POSTGRES_URL"] = settings
      let unreadable = try playloop(["check", "p.playbook"], in: folder, environment: environment)
      #expect(unreadable.status == 2)
      #expect(unreadable.stderr.hasPrefix("postgres:people: error: cannot connect to PostgreSQL at host "))
      #expect(!unreadable.stderr.contains("hunter2"), "\(unreadable.stderr)")
    }
  }

  @Test func everyLoadOfARunReadsInOneReadOnlyRepeatableReadTransaction() throws {
    let environment = try PostgresCluster.database(
      Self.people + "CREATE TABLE visits (id text, customer_id text, opened_at timestamptz);")
    let folder = try ScratchFolder(
      "postgres",
      files: [
        "p.playbook": Self.playbook(
          """
          load customers from postgres query "select *, pg_backend_pid()::text as pid, now()::text as began, current_setting('transaction_isolation') as isolation, current_setting('transaction_read_only') as read_only from people"
          load visits from postgres query "select *, pg_backend_pid()::text as pid, now()::text as began from visits union all select 'V-1', 'P-1', now(), pg_backend_pid()::text, now()::text"
          """)
      ])
    let describe = try playloop(["describe", "p.playbook", "--format", "json"], in: folder, environment: environment)
    #expect(describe.status == 0, "\(describe.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(describe.stdout.utf8)) as? [String: Any])
    let tables = try #require(json["tables"] as? [[String: Any]])
    func example(_ table: Int, _ column: String) -> String? {
      let columns = tables[table]["columns"] as? [[String: Any]]
      return (columns?.first { $0["column"] as? String == column }?["examples"] as? [String])?.first
    }
    #expect(example(0, "isolation") == "repeatable read")
    #expect(example(0, "read_only") == "on")
    // One connection (its backend's pid) and one transaction (now() is its start).
    #expect(example(0, "pid") != nil)
    #expect(example(0, "pid") == example(1, "pid"))
    #expect(example(0, "began") != nil)
    #expect(example(0, "began") == example(1, "began"))
  }

  /// Tickets with a repeated key: T-1 three times (for P-1 a complaint with csat 1 and a
  /// question with csat 5, for P-2 a complaint with csat 0), among others with csat 2 to 5.
  /// The same rows are stored in three physical orders.
  static let repeatedTickets = """
    CREATE TABLE source (id text, customer_id text, kind text, opened_at timestamptz, csat int);
    INSERT INTO source SELECT 'T-' || n, 'P-' || (n % 4 + 1), CASE WHEN n % 3 = 0 THEN 'complaint' ELSE 'question' END,
      timestamptz '2026-10-20 00:00:00+00' + n * interval '1 hour', n % 4 + 2 FROM generate_series(2, 80) n;
    INSERT INTO source VALUES ('T-1', 'P-1', 'question', '2026-10-30 10:00:00+00', 5),
      ('T-1', 'P-2', 'complaint', '2026-10-29 10:00:00+00', 0), ('T-1', 'P-1', 'complaint', '2026-10-30 11:00:00+00', 1);
    CREATE TABLE forward AS SELECT * FROM source ORDER BY id, customer_id, kind;
    CREATE TABLE backward AS SELECT * FROM source ORDER BY id DESC, customer_id DESC, kind DESC;
    CREATE TABLE shuffled AS SELECT * FROM source ORDER BY md5(id || customer_id || kind);

    """

  static func ticketsPlaybook(_ load: String) -> String {
    playbook(
      """
      load customers from \(load) "people"
      load tickets from \(load) "__TABLE__" link customer_id
      """, rule: "when ticket.csat == 1")
  }

  @Test func rowsAndRepeatedKeysDoNotDependOnHowATableIsStored() throws {
    let environment = try PostgresCluster.database(Self.people + Self.repeatedTickets)
    let folder = try ScratchFolder("postgres")
    var outputs: [String] = []
    for table in ["forward", "backward", "shuffled"] {
      let playbook = Self.ticketsPlaybook("postgres table").replacingOccurrences(
        of: #"postgres table "__TABLE__""#, with: #"postgres query "select * from \#(table)""#)
      _ = try folder.write(playbook, to: "p.playbook")
      let run = try playloop(
        ["run", "p.playbook", "--out", table, "--max-set-aside", "100%"], in: folder, environment: environment)
      #expect(run.status == 0, "\(run.stderr)")
      let decisions = try String(contentsOfFile: folder.path(table + "/decisions.csv"), encoding: .utf8)
      outputs.append(run.stderr + decisions)
      // The first T-1 by its other columns' bytes is P-1's complaint: kept, and decided.
      #expect(decisions.split(whereSeparator: \.isNewline).count == 2, "\(decisions)")
      #expect(decisions.contains("P-1,hello,HI,T-1,2026-10-30T11:00:00Z"), "\(decisions)")
      #expect(
        run.stderr.contains(
          #"postgres:query(tickets):2: warning: row set aside: ticket "T-1" is already on row 1"#), "\(run.stderr)")
      #expect(
        run.stderr.contains(
          #"postgres:query(tickets):3: warning: row set aside: ticket "T-1" is already on row 1"#), "\(run.stderr)")
    }
    #expect(outputs[1] == outputs[0])
    #expect(outputs[2] == outputs[0])
  }
}
