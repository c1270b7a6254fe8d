import Foundation
import GRDB
import PlaybookEngine
public import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The send ledger: a SQLite file (through GRDB) holding every run that exported
/// campaigns and every decision it exported as `send`. See docs/LEDGER.md.
///
/// Tables: `ledger_info` (the playbook the ledger belongs to), `runs` (one row per run,
/// `pending` until its export is in place, then `committed`) and `sends`. Only committed
/// runs' sends are history.
public struct SendLedger: Sendable {
  /// The ledger file's path, as given.
  public let path: String
  /// The name of the playbook whose runs this ledger records.
  public let playbook: String
  let queue: DatabaseQueue

  /// Opens the ledger a run of `playbook` will write, creating it only when there is no
  /// file at `path` (or, with `newLedger`, an empty one). The caller holds the ledger's lock.
  ///
  /// - Throws: a `Diagnostic` when the file is empty or not a ledger, is damaged, has a
  ///   newer format or belongs to another playbook, or `newLedger` names a file that holds
  ///   something. The file is then left untouched.
  static func openForRun(
    path: String, playbook: String, holdout: Holdout, newLedger: Bool = false
  ) throws(Diagnostic) -> SendLedger {
    switch try LedgerFormat.inspect(path) {
    case .missing:
      try create(path: path, playbook: playbook, holdout: holdout)
    case .empty:
      guard newLedger else { throw Diagnostic(.ledgerEmpty(path), file: path) }
      try create(path: path, playbook: playbook, holdout: holdout)
    case .ledger:
      if newLedger { throw Diagnostic(.ledgerExists(path, isLedger: true), file: path) }
    }
    let queue = try database(path) {
      try DatabaseQueue(path: path, configuration: configuration(readonly: false))
    }
    let ledger = try opened(path: path, queue: queue)
    try ledger.checkIntegrity()
    try ledger.checkBelongs(to: playbook)
    try ledger.write("upgrade the ledger to format \(LedgerFormat.version)", LedgerSchema.upgrade)
    return ledger
  }

  /// Makes a complete ledger beside `path`, then renames it into place: a file at a
  /// ledger's path is never a ledger half made (a run killed meanwhile leaves the
  /// `.new` file, which the next creation replaces).
  private static func create(path: String, playbook: String, holdout: Holdout) throws(Diagnostic) {
    let building = path + ".new"
    for leftover in [building, building + "-journal"] { try? FileManager.default.removeItem(atPath: leftover) }
    try database(path, "create the ledger") {
      let queue = try DatabaseQueue(path: building, configuration: configuration(readonly: false))
      try queue.inTransaction(.exclusive) { db in
        try LedgerSchema.create(db, playbook: playbook)
        try LedgerSchema.setHoldout(holdout, db)
        return .commit
      }
      try queue.close()
    }
    guard rename(building, path) == 0 else {
      throw LedgerFormat.failure(path, "cannot create \(path): \(String(cString: strerror(errno)))")
    }
    let folder = (path as NSString).deletingLastPathComponent
    let fd = open(folder.isEmpty ? "." : folder, O_RDONLY)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }

  /// Opens an existing ledger to read it; nil when there is no file at `path`.
  ///
  /// - Throws: a `Diagnostic` when the file is empty, not a ledger, or damaged.
  public static func openForReading(path: String) throws(Diagnostic) -> SendLedger? {
    switch try LedgerFormat.inspect(path) {
    case .missing: return nil
    case .empty: throw Diagnostic(.ledgerEmpty(path), file: path)
    case .ledger: break
    }
    let queue = try database(path) {
      try DatabaseQueue(path: path, configuration: configuration(readonly: true))
    }
    let ledger = try opened(path: path, queue: queue)
    try ledger.checkIntegrity()
    return ledger
  }

  private static func opened(path: String, queue: DatabaseQueue) throws(Diagnostic) -> SendLedger {
    let tables = try database(path) {
      try queue.read { db in
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      }
    }
    guard Set(tables).isSuperset(of: ["ledger_info", "runs", "sends"]) else {
      throw Diagnostic(.ledgerDamaged(path, problems: "it holds no ledger tables"), file: path)
    }
    let playbook = try database(path) {
      try queue.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM ledger_info WHERE key = 'playbook'")
      }
    }
    guard let playbook else {
      throw Diagnostic(.ledgerNamesNoPlaybook(path), file: path)
    }
    return SendLedger(path: path, playbook: playbook, queue: queue)
  }

  private static func configuration(readonly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readonly
    // Readers (`playloop ledger`) wait out a run's short write transactions.
    configuration.busyMode = .timeout(10)
    return configuration
  }

  /// SQLite's own check, then the rows: a send whose run is gone, or a value of the wrong
  /// type (edited by hand, or damaged), is reported at its row rather than met later as
  /// a constraint failure or a wrong history.
  private func checkIntegrity() throws(Diagnostic) {
    let problems = try read("check the ledger") { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
    guard problems == ["ok"] else {
      throw Diagnostic(.ledgerDamaged(path, problems: problems.prefix(3).joined(separator: "; ")), file: path)
    }
    let damaged = try read("check the ledger") { db in try LedgerSchema.firstDamagedRow(db) }
    if let damaged {
      throw Diagnostic(.ledgerDamagedAt(path, damaged.place, damaged.problem), file: path)
    }
  }

  /// The holdout the ledger recorded; nil for a ledger made before holdouts were recorded.
  func recordedHoldout() throws(Diagnostic) -> Holdout? {
    try read("read the holdout") { db in try LedgerSchema.holdout(db) }
  }

  /// Keeps the ledger's experiment: a run whose holdout differs from the recorded one is
  /// refused unless `renew` (`--new-holdout`) starts a new one, which is then recorded.
  /// A ledger that recorded none records this one.
  func settleHoldout(_ holdout: Holdout, renew: Bool) throws(Diagnostic) {
    if try checkHoldout(holdout, renew: renew) {
      try write("record the holdout") { db in try LedgerSchema.setHoldout(holdout, db) }
    }
  }

  /// Refuses `holdout` when it differs from the recorded one, unless `renew`; the runs
  /// that only read (a dry run, `explain`, a preview) check it too, so none of them shows
  /// a control group the next run would refuse. Returns whether `holdout` is not the one
  /// recorded (none recorded, or renewed).
  func checkHoldout(_ holdout: Holdout, renew: Bool) throws(Diagnostic) -> Bool {
    guard let recorded = try recordedHoldout() else { return true }
    if recorded.sameGroup(as: holdout) { return false }
    guard renew else {
      throw Diagnostic(
        .ledgerHoldoutChanged(path, now: holdout.recordedDescription, recorded: recorded.recordedDescription),
        file: path)
    }
    return true
  }

  func checkBelongs(to playbook: String) throws(Diagnostic) {
    guard playbook == self.playbook else {
      throw Diagnostic(.ledgerOtherPlaybook(path, holds: self.playbook, wanted: playbook), file: path)
    }
  }

  // MARK: Reading

  /// Every run, in the order they were made.
  public func runs() throws(Diagnostic) -> [LedgerRun] {
    try read("read the runs") { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT runs.*, (SELECT count(*) FROM sends WHERE sends.run_seq = runs.seq) AS send_count
          FROM runs ORDER BY seq
          """
      ).map(LedgerSchema.run)
    }
  }

  /// Committed runs' sends, by run then customer, offer, rule and trigger; only those
  /// whose `send_at` is at or after `since` and to `customerID`, when given.
  public func sends(since: Int64? = nil, customerID: String? = nil) throws(Diagnostic) -> [LedgerSend] {
    var sends: [LedgerSend] = []
    try forEachSend(since: since, customerID: customerID) { sends.append($0) }
    return sends
  }

  /// The same sends, one at a time, streamed from the ledger without keeping them. The
  /// read holds the ledger's shared lock until the last: a run waits up to 10 seconds
  /// to commit meanwhile, so `body` must not wait on anything slow.
  public func forEachSend(
    since: Int64? = nil, customerID: String? = nil, _ body: (LedgerSend) -> Void
  ) throws(Diagnostic) {
    var conditions = ["runs.state = 'committed'"]
    var arguments: StatementArguments = []
    if let since {
      conditions.append("sends.send_at >= ?")
      arguments += [since]
    }
    if let customerID {
      conditions.append("sends.customer_id = ?")
      arguments += [customerID]
    }
    try selectSends(where: conditions.joined(separator: " AND "), arguments, body)
  }

  /// What the sends of committed runs (and of those in `alsoRuns`) say, streamed from
  /// the ledger without keeping the rows.
  ///
  /// - Parameters:
  ///   - excluding: a run whose sends are left out (the run being replayed).
  ///   - countedBefore: only runs before this one count towards limits (a replay's view).
  ///   - countedSince: only sends at or after this time count towards limits; nil when
  ///     the playbook has no `limit … per D`, so none are kept.
  ///   - sentQueries: what the playbook's `sent(…)` conditions ask (of the runs before
  ///     `countedBefore`, as limits do).
  ///   - everyRules: the playbook's rules with `every D`, whose latest sends are kept.
  func history(
    excluding: Int64? = nil, countedBefore: Int64? = nil, countedSince: Int64?, sentQueries: [SentQuery] = [],
    everyRules: Set<String> = [], alsoRuns: [Int64] = []
  ) throws(Diagnostic) -> LedgerHistory {
    let runs = alsoRuns.map(String.init).joined(separator: ", ")
    let states = runs.isEmpty ? "runs.state = 'committed'" : "(runs.state = 'committed' OR runs.seq IN (\(runs)))"
    return try read("read the sends") { db in
      var history = LedgerHistory(queries: sentQueries, everyRules: everyRules)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT sends.run_seq, sends.rule, sends.offer, sends.customer_id, sends.trigger_id, sends.send_at,
            sends.channel
          FROM sends JOIN runs ON runs.seq = sends.run_seq WHERE \(states) AND sends.run_seq IS NOT ?
          """, arguments: [excluding])
      while let row = try rows.next() {
        let seq: Int64 = row[0]
        let sendAt: Int64 = row[5]
        let earlier = countedBefore.map { seq < $0 } ?? true
        let counted = earlier && (countedSince.map { sendAt >= $0 } ?? false)
        history.add(
          rule: row[1], offer: row[2], customerID: row[3], triggerID: row[4], channel: row[6], sendAt: sendAt,
          run: seq, counted: counted, queried: earlier)
      }
      history.finish()
      return history
    }
  }

  /// The sends one run recorded (`LedgerRun.seq`).
  public func sends(ofRun seq: Int64) throws(Diagnostic) -> [LedgerSend] {
    var sends: [LedgerSend] = []
    try selectSends(where: "sends.run_seq = ?", [seq]) { sends.append($0) }
    return sends
  }

  private func selectSends(
    where condition: String, _ arguments: StatementArguments, _ body: (LedgerSend) -> Void
  ) throws(Diagnostic) {
    try read("read the sends") { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(LedgerSchema.sendColumns) FROM sends JOIN runs ON runs.seq = sends.run_seq
          WHERE \(condition)
          ORDER BY sends.run_seq, sends.customer_id, sends.offer, sends.rule, sends.trigger_id
          """, arguments: arguments)
      while let row = try rows.next() { body(LedgerSchema.send(row)) }
    }
  }

  // MARK: Writing

  /// Records a run as pending with its sends, in one transaction; `hook` is called
  /// inside it with `.pendingWrite`.
  func recordPending(_ run: LedgerRun, sends: [LedgerSend], hook: PhaseHook) throws(Diagnostic) {
    try write("record run \(run.runID)") { db in
      try LedgerSchema.insert(run, db)
      let insert = try db.makeStatement(sql: LedgerSchema.insertSend)
      for send in sends { try insert.execute(arguments: LedgerSchema.arguments(send, runSeq: run.seq)) }
      try hook(.pendingWrite)
    }
  }

  /// Marks a pending run committed; `hook` is called inside the transaction with `.commitWrite`.
  func markCommitted(_ seq: Int64, hook: PhaseHook = { _ in }) throws(Diagnostic) {
    try write("commit run \(seq)") { db in
      try db.execute(sql: "UPDATE runs SET state = 'committed' WHERE seq = ?", arguments: [seq])
      try hook(.commitWrite)
    }
  }

  /// Removes a pending run and its sends.
  func discard(_ seq: Int64) throws(Diagnostic) {
    try write("discard run \(seq)") { db in
      try db.execute(sql: "DELETE FROM sends WHERE run_seq = ?", arguments: [seq])
      try db.execute(sql: "DELETE FROM runs WHERE seq = ? AND state = 'pending'", arguments: [seq])
    }
  }

  // MARK: GRDB

  private func read<T>(_ what: String, _ body: (Database) throws -> T) throws(Diagnostic) -> T {
    try Self.database(path, what) { try queue.read(body) }
  }

  /// One exclusive write transaction; a `Diagnostic` thrown inside rolls it back and is rethrown.
  private func write(_ what: String, _ body: (Database) throws -> Void) throws(Diagnostic) {
    try Self.database(path, what) {
      try queue.inTransaction(.exclusive) { db in
        try body(db)
        return .commit
      }
    }
  }

  /// Runs a GRDB call, turning its errors into `Diagnostic`s that name the ledger.
  static func database<T>(
    _ path: String, _ what: String = "open the ledger", _ body: () throws -> T
  ) throws(Diagnostic) -> T {
    do {
      return try body()
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      // The schema's constraints only fail when the rows are not what runs wrote.
      throw Diagnostic(
        .ledgerDamagedAt(path, "the sends", "its rows break the ledger's rules, so it cannot \(what)"), file: path)
    } catch let error as DatabaseError {
      let damaged = [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
      throw Diagnostic(
        .ledgerDatabase(what, path, reason: error.message ?? "\(error.resultCode)", damaged: damaged), file: path)
    } catch {
      throw Diagnostic(.ledgerFailed("cannot \(what) in \(path): \(error)"), file: path)
    }
  }
}
