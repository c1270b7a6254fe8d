import Foundation
import PlayloopTestSupport
import Testing

/// `load … from sqlite` with the real binary, over SQLite files made here with python3's
/// sqlite3: the flagship's decisions are the CSV run's bytes, values that are not of
/// their column's type are rows set aside by key (`--strict` stops on them), and a
/// missing table or column is a diagnostic pointing at the playbook.
@Suite struct SQLiteLoadCLITests {
  /// Runs python3 `script` (with `csv` and `sqlite3` imported) in `folder`.
  func python(_ script: String, in folder: ScratchFolder) throws {
    let child = try ChildProcess.run(
      "/usr/bin/env", ["python3", "-c", "import csv, sqlite3\n" + script], in: folder.path)
    try #require(child.status == 0, "\(child.stderr)")
  }

  func playloop(_ arguments: [String], in folder: ScratchFolder) throws -> ChildProcess {
    try ChildProcess.playloop(arguments, in: folder.path, environment: ["NO_COLOR": "1"])
  }

  /// Copies a CSV file of Examples/data into table `name` of `app.db`, each column
  /// declared as `types` says (TEXT otherwise); booleans stored as 0/1, numbers as numbers.
  static func copy(_ name: String, types: [String: String]) -> String {
    let declared = types.map { "'\($0.key)': '\($0.value)'" }.joined(separator: ", ")
    return """
      types = {\(declared)}
      rows = list(csv.DictReader(open('\(Repository.path("Examples/data/\(name).csv"))', encoding='utf-8')))
      cols = list(rows[0].keys())
      def value(c, v):
          t = types.get(c, 'TEXT')
          if v == '': return None
          if t == 'BOOLEAN': return 1 if v == 'true' else 0
          if t == 'INTEGER': return int(v)
          if t == 'REAL': return float(v)
          return v
      db = sqlite3.connect('app.db')
      db.execute('create table \(name) (' + ', '.join(c + ' ' + types.get(c, 'TEXT') for c in cols) + ')')
      db.executemany('insert into \(name) values (' + ','.join('?' * len(cols)) + ')', [[value(c, r[c]) for c in cols] for r in rows])
      db.commit()

      """
  }

  @Test func theFlagshipFromSQLiteDecidesTheCSVRunsBytes() throws {
    let folder = try ScratchFolder("sqlite")
    try python(
      Self.copy(
        "customers",
        types: ["email_opt_in": "BOOLEAN", "sms_opt_in": "BOOLEAN", "lifetime_value": "REAL", "created_at": "DATETIME"])
        + Self.copy(
          "tickets",
          types: [
            "opened_at": "DATETIME", "first_response_at": "DATETIME", "resolved_at": "DATETIME", "csat": "INTEGER",
          ]),
      in: folder)
    let flagship = try String(contentsOfFile: Repository.path("Playbooks/service-recovery.playbook"), encoding: .utf8)
    let fromSQLite =
      flagship
      .replacingOccurrences(
        of: #"load customers from "../Examples/data/customers.csv""#,
        with: #"load customers from sqlite "app.db" table "customers""#
      )
      .replacingOccurrences(
        of: #"load tickets from "../Examples/data/tickets.csv""#,
        with: #"load tickets from sqlite "app.db" query "select * from tickets order by id""#
      )
      .replacingOccurrences(of: "\"../Examples/data/", with: "\"\(Repository.path("Examples/data"))/")
    #expect(fromSQLite.components(separatedBy: "from sqlite").count == 3)
    _ = try folder.write(fromSQLite, to: "p.playbook")

    let csv = try ChildProcess.playloop(["run", "Playbooks/service-recovery.playbook", "--out", folder.path + "/csv"])
    let sqlite = try playloop(["run", "p.playbook", "--out", "sqlite"], in: folder)
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(sqlite.status == 0, "\(sqlite.stderr)")
    let decisions = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/csv/decisions.csv"))
    #expect(decisions.count > 1000)
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/sqlite/decisions.csv")) == decisions)
    for file in ["THANKS10.csv", "SORRY25.csv", "REFER20.csv", "STAY15.csv"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: folder.path + "/sqlite/" + file))
          == Data(contentsOf: URL(fileURLWithPath: folder.path + "/csv/" + file)), "\(file)")
    }

    let describe = try playloop(["describe", "p.playbook"], in: folder)
    #expect(describe.status == 0)
    #expect(describe.stdout.contains("customers: app.db, 200 rows loaded, 0 set aside"))
    #expect(describe.stdout.contains("tickets: app.db, 916 rows loaded, 0 set aside"))
    #expect(describe.stdout.contains("created_at      timestamp  the database's column type"))
    #expect(describe.stdout.contains("lifetime_value  decimal    the database's column type"))
  }

  /// `people`: score declared INTEGER, joined DATETIME; P-2 and P-3 hold values of neither.
  static let people = """
    db = sqlite3.connect('app.db')
    db.execute('create table people (id TEXT, email TEXT, score INTEGER, joined DATETIME, note)')
    db.executemany('insert into people values (?, ?, ?, ?, ?)', [
        ('P-1', 'one@example.com', 3, '2026-01-01T00:00:00Z', 1),
        ('P-2', 'two@example.com', 'lots', '2026-01-02T00:00:00Z', 2.5),
        ('P-3', 'three@example.com', 5, 'yesterday', None),
        ('P-4', 'four@example.com', None, None, 7)])
    db.commit()

    """

  static func playbook(_ load: String) -> String {
    """
    playbook "People"
    as of 2026-11-01T00:00:00Z
    \(load)
    channel email address customer.email
    offer HI "Hi"
    rule high
      when customer.score > 2
      send HI via email

    """
  }

  @Test func aValueNotOfItsColumnsTypeSetsItsRowAsideByKey() throws {
    let folder = try ScratchFolder(
      "sqlite", files: ["p.playbook": Self.playbook(#"load customers from sqlite "app.db" table "people""#)])
    try python(Self.people, in: folder)
    let run = try playloop(["run", "p.playbook", "--dry-run", "--max-set-aside", "1"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        #"app.db:2: warning: row set aside: customer "P-2": value "lots" in column score is not an integer"#))
    #expect(
      run.stderr.contains(
        #"app.db:3: warning: row set aside: customer "P-3": value "yesterday" in column joined is not a timestamp"#))
    #expect(run.stdout.contains("HI"))
    let strict = try playloop(["run", "p.playbook", "--dry-run", "--strict"], in: folder)
    #expect(strict.status == 2)
    #expect(
      strict.stderr.contains(
        #"app.db:2: error: customer "P-2": value "lots" in column score is not an integer (and 1 more rows set aside)"#)
    )
    let describe = try playloop(["describe", "p.playbook"], in: folder)
    #expect(describe.stdout.contains("score   integer    the database's column type"))
    // Undeclared: the values' storage classes (integer and real) make it decimal.
    #expect(describe.stdout.contains("note    decimal    the database's column type"))
  }

  @Test func aMissingTableOrColumnIsADiagnosticAtTheLoad() throws {
    let folder = try ScratchFolder(
      "sqlite", files: ["p.playbook": Self.playbook(#"load customers from sqlite "app.db" table "peopel""#)])
    try python(Self.people, in: folder)
    let table = try playloop(["check", "p.playbook"], in: folder)
    #expect(table.status == 2)
    #expect(
      table.stderr == """
        app.db: error: the database has no table 'peopel'
          hint: did you mean 'people'?
        p.playbook:3:43: note: loaded here

        """)
    _ = try folder.write(
      Self.playbook(#"load customers from sqlite "app.db" query "select id, scor from people""#), to: "p.playbook")
    let query = try playloop(["check", "p.playbook"], in: folder)
    #expect(query.status == 2)
    #expect(query.stderr.hasPrefix("app.db: error: the query cannot be read: no such column: scor\n"))
    _ = try folder.write(
      Self.playbook(#"load customers from sqlite "app.db" table "people" key ident"#), to: "p.playbook")
    let key = try playloop(["check", "p.playbook"], in: folder)
    #expect(key.status == 2)
    #expect(key.stderr.hasPrefix("app.db: error: the rows have no column 'ident' (the key column)\n"))
    _ = try folder.write(Self.playbook(#"load customers from sqlite "none.db" table "people""#), to: "p.playbook")
    let file = try playloop(["check", "p.playbook"], in: folder)
    #expect(file.status == 2)
    #expect(file.stderr.hasPrefix("none.db: error: cannot read the file: no such file\n"))
  }

  @Test func integerKeysLinkByTheirTextAndAQuerysExpressionsTakeTheirStorageType() throws {
    let folder = try ScratchFolder(
      "sqlite",
      files: [
        "p.playbook": """
        playbook "Integer keys"
        as of 2026-11-01T00:00:00Z
        load customers from sqlite "int.db" table "users"
        load tickets from sqlite "int.db" query "select id, user_id, created, closed, julianday(closed) - julianday(created) as days from tickets where not spam" link user_id
          with opened = created, resolved = closed
        channel email address customer.email
        offer HI "Hi"
        rule quick
          when ticket resolved within 2h and customer.vip
          send HI via email

        """
      ])
    try python(
      """
      db = sqlite3.connect('int.db')
      db.execute('create table users (id INTEGER PRIMARY KEY, email TEXT, vip BOOLEAN)')
      db.execute('create table tickets (id INTEGER PRIMARY KEY, user_id INTEGER, created DATETIME, closed DATETIME, spam BOOLEAN)')
      db.executemany('insert into users values (?, ?, ?)', [(1, 'a@x.com', 1), (2, 'b@x.com', 0), (3, 'c@x.com', 1)])
      t = ('2026-10-30T10:00:00Z', '2026-10-30T11:00:00Z')
      db.executemany('insert into tickets values (?, ?, ?, ?, ?)', [(10, 1) + t + (0,), (11, 2) + t + (0,), (12, 9) + t + (0,), (13, 3) + t + (1,)])
      db.commit()

      """, in: folder)
    let run = try playloop(["run", "p.playbook", "--out", "out", "--max-set-aside", "1"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains(#"int.db:3: warning: row set aside: customer "9" does not exist"#))
    let audience = try String(contentsOfFile: folder.path + "/out/HI.csv", encoding: .utf8)
    #expect(audience.split(whereSeparator: \.isNewline).count == 2)
    #expect(audience.contains("a@x.com"))
    let describe = try playloop(["describe", "p.playbook"], in: folder)
    #expect(describe.stdout.contains("vip     boolean  the database's column type"))
    #expect(describe.stdout.contains("days               decimal    the database's column type"))
    // Two loads read int.db: the note points at the one whose table is missing.
    let misspelt = try String(contentsOfFile: folder.path + "/p.playbook", encoding: .utf8)
      .replacingOccurrences(of: "from tickets where", with: "from tikets where")
    _ = try folder.write(misspelt, to: "p.playbook")
    let table = try playloop(["check", "p.playbook"], in: folder)
    #expect(table.status == 2)
    #expect(
      table.stderr.hasPrefix(
        "int.db: error: the query cannot be read: no such table: tikets\np.playbook:4:41: note: loaded here\n"))
    _ = try folder.write("not a database\n", to: "int.db")
    let notADatabase = try playloop(["check", "p.playbook"], in: folder)
    #expect(notADatabase.status == 2)
    #expect(
      notADatabase.stderr.hasPrefix(
        "int.db: error: cannot read the file as a SQLite database: file is not a database\n"))
  }

  @Test func checkRefusesAFileClauseOnADatabase() throws {
    let folder = try ScratchFolder(
      "sqlite",
      files: ["p.playbook": Self.playbook(#"load customers from sqlite "app.db" table "people" delimiter ";""#)])
    let check = try playloop(["check", "p.playbook"], in: folder)
    #expect(check.status == 1)
    #expect(
      check.stderr.hasPrefix(
        """
        p.playbook:3:62: error: a database has no 'delimiter': its values are read as sqlite stores them
          3 | load customers from sqlite "app.db" table "people" delimiter ";"
            |                                                              ^~~ remove 'delimiter' from this load
        """))
  }

  @Test func rowsAndRepeatedKeysDoNotDependOnTheFilesRowOrder() throws {
    let folder = try ScratchFolder("sqlite")
    // T-1 three times: P-1's complaint (csat 1) is the first by its other columns' bytes.
    try python(
      Self.people
        + """
        rows = [('T-%d' % n, 'P-%d' % (n % 4 + 1), 'complaint' if n % 3 == 0 else 'question', '2026-10-20T%02d:00:00Z' % (n % 24), n % 4 + 2) for n in range(2, 60)]
        rows += [('T-1', 'P-1', 'question', '2026-10-30T10:00:00Z', 5), ('T-1', 'P-2', 'complaint', '2026-10-29T10:00:00Z', 0), ('T-1', 'P-1', 'complaint', '2026-10-30T11:00:00Z', 1)]
        for name, ordered in [('forward', sorted(rows)), ('backward', sorted(rows, reverse=True)), ('shuffled', sorted(rows, key=lambda r: (r[0][::-1], r[2], r[1])))]:
            db.execute('create table ' + name + ' (id TEXT, customer_id TEXT, kind TEXT, opened_at DATETIME, csat INTEGER)')
            db.executemany('insert into ' + name + ' values (?, ?, ?, ?, ?)', ordered)
        db.commit()

        """, in: folder)
    var outputs: [String] = []
    for table in ["forward", "backward", "shuffled"] {
      _ = try folder.write(
        Self.playbook(
          """
          load customers from sqlite "app.db" table "people"
          load tickets from sqlite "app.db" query "select * from \(table)" link customer_id
          """
        ).replacingOccurrences(of: "when customer.score > 2", with: "when ticket.csat == 1"), to: "p.playbook")
      let run = try playloop(["run", "p.playbook", "--out", table, "--max-set-aside", "100%"], in: folder)
      #expect(run.status == 0, "\(run.stderr)")
      let decisions = try String(contentsOfFile: folder.path(table + "/decisions.csv"), encoding: .utf8)
      outputs.append(run.stderr + decisions)
      #expect(decisions.split(whereSeparator: \.isNewline).count == 2, "\(decisions)")
      #expect(decisions.contains("P-1,high,HI,T-1,2026-10-30T11:00:00Z"), "\(decisions)")
      #expect(
        run.stderr.contains(#"app.db:2: warning: row set aside: ticket "T-1" is already on row 1"#), "\(run.stderr)")
      #expect(
        run.stderr.contains(#"app.db:3: warning: row set aside: ticket "T-1" is already on row 1"#), "\(run.stderr)")
    }
    #expect(outputs[1] == outputs[0])
    #expect(outputs[2] == outputs[0])
  }
}
