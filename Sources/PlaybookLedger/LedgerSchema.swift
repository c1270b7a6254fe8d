import GRDB
import PlaybookEngine

/// The ledger's tables (format 2) and how rows map to `LedgerRun` and `LedgerSend`.
enum LedgerSchema {
  /// Creates the tables and stamps the header, in the caller's transaction, so a ledger
  /// file is either empty or complete.
  static func create(_ db: Database, playbook: String) throws {
    try db.execute(
      sql: """
        CREATE TABLE ledger_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE runs (
          seq INTEGER PRIMARY KEY,
          run_id TEXT NOT NULL UNIQUE,
          clock INTEGER NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending', 'committed')),
          playbook_hash TEXT NOT NULL,
          export_directory TEXT NOT NULL,
          export_fingerprint TEXT NOT NULL
        );
        CREATE TABLE sends (
          run_seq INTEGER NOT NULL REFERENCES runs(seq),
          rule TEXT NOT NULL,
          offer TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          trigger_id TEXT,
          channel TEXT NOT NULL,
          send_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        );
        \(sendsOnce)
        CREATE INDEX sends_by_run ON sends (run_seq);
        CREATE INDEX sends_by_customer ON sends (customer_id, send_at);
        PRAGMA application_id = \(LedgerFormat.applicationID);
        PRAGMA user_version = \(LedgerFormat.version);
        """)
    try db.execute(sql: "INSERT INTO ledger_info (key, value) VALUES ('playbook', ?)", arguments: [playbook])
  }

  /// Never the same offer twice: one row per rule and trigger, or, for a customer-only
  /// rule, per customer, offer and `send_at` (a rule with `every D` sends again later;
  /// the decider keeps other customer-only rules to one send).
  static let sendsOnce = """
    CREATE UNIQUE INDEX sends_once ON sends
      (rule, customer_id, offer, ifnull(trigger_id, ''), CASE WHEN trigger_id IS NULL THEN send_at ELSE 0 END);
    """

  /// Brings a format-1 ledger (`sends_once` without the send time, so a rule's `every D`
  /// could not record its second send) to format 2, in the caller's transaction; a
  /// ledger of format 2 is left as it is.
  static func upgrade(_ db: Database) throws {
    guard try Int.fetchOne(db, sql: "PRAGMA user_version") == 1 else { return }
    try db.execute(sql: "DROP INDEX sends_once")
    try db.execute(sql: sendsOnce)
    try db.execute(sql: "PRAGMA user_version = \(LedgerFormat.version)")
  }

  /// Records the control group's percent and seed in `ledger_info`.
  static func setHoldout(_ holdout: Holdout, _ db: Database) throws {
    for (key, value) in [("holdout_percent", holdout.percentText), ("holdout_seed", holdout.seed)] {
      try db.execute(
        sql: "INSERT INTO ledger_info (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        arguments: [key, value])
    }
  }

  /// The recorded control group; nil when the ledger recorded none (made by an older Playloop).
  static func holdout(_ db: Database) throws -> Holdout? {
    let rows = try Row.fetchAll(
      db, sql: "SELECT key, value FROM ledger_info WHERE key IN ('holdout_percent', 'holdout_seed')")
    var values: [String: String] = [:]
    for row in rows { values[row["key"]] = row["value"] }
    guard let percent = values["holdout_percent"].flatMap(Double.init), let seed = values["holdout_seed"] else {
      return nil
    }
    return Holdout(seed: seed, percent: percent)
  }

  /// The first row that runs did not write as it stands: a send of no recorded run, or a
  /// value of the wrong type. Reads every row once (about as long as `quick_check`).
  static func firstDamagedRow(_ db: Database) throws -> (place: String, problem: String)? {
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT rowid, run_id FROM runs
        WHERE typeof(seq) != 'integer' OR typeof(run_id) != 'text' OR typeof(clock) != 'integer'
          OR typeof(export_directory) != 'text' OR typeof(export_fingerprint) != 'text'
        LIMIT 1
        """)
    {
      let rowid: Int64 = row[0]
      return ("runs row \(rowid)", "a value is not of the type runs write")
    }
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT rowid,
          CASE WHEN run_seq NOT IN (SELECT seq FROM runs) THEN 'it belongs to run ' || quote(run_seq) || ', which is not in the ledger'
               ELSE 'a value is not of the type runs write' END
        FROM sends
        WHERE run_seq NOT IN (SELECT seq FROM runs)
          OR typeof(rule) != 'text' OR typeof(offer) != 'text' OR typeof(customer_id) != 'text'
          OR typeof(trigger_id) NOT IN ('text', 'null') OR typeof(channel) != 'text'
          OR typeof(send_at) != 'integer' OR typeof(expires_at) != 'integer'
        LIMIT 1
        """)
    {
      let rowid: Int64 = row[0]
      let problem: String = row[1]
      return ("sends row \(rowid)", problem)
    }
    return nil
  }

  static func insert(_ run: LedgerRun, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO runs (seq, run_id, clock, state, playbook_hash, export_directory, export_fingerprint)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        run.seq, run.runID, run.clock, run.state.rawValue, run.playbookHash, run.exportDirectory,
        run.exportFingerprint,
      ])
  }

  static let insertSend = """
    INSERT INTO sends (run_seq, rule, offer, customer_id, trigger_id, channel, send_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    """

  static func arguments(_ send: LedgerSend, runSeq: Int64) -> StatementArguments {
    [runSeq, send.rule, send.offer, send.customerID, send.triggerID, send.channel, send.sendAt, send.expiresAt]
  }

  static func run(_ row: Row) -> LedgerRun {
    LedgerRun(
      runID: row["run_id"], seq: row["seq"], clock: row["clock"],
      state: LedgerRun.State(rawValue: row["state"]) ?? .pending,
      exportDirectory: row["export_directory"], sendCount: row["send_count"],
      playbookHash: row["playbook_hash"], exportFingerprint: row["export_fingerprint"])
  }

  /// The columns `send(_:)` reads, in its order (by position: no name lookups per row).
  static let sendColumns = """
    runs.run_id, runs.clock, sends.rule, sends.offer, sends.customer_id, sends.trigger_id, sends.channel,
    sends.send_at, sends.expires_at, sends.run_seq
    """

  /// A row of `sendColumns`.
  static func send(_ row: Row) -> LedgerSend {
    LedgerSend(
      runID: row[0], clock: row[1], rule: row[2], offer: row[3], customerID: row[4], triggerID: row[5],
      channel: row[6], sendAt: row[7], expiresAt: row[8], runSeq: row[9])
  }
}
