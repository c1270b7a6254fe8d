/// The messages about files a command reads or writes: playbooks, data, exports, ledgers.
extension DiagnosticMessage {
  /// `cannot read PATH` (unreadableFile).
  public static func unreadableFile(_ path: String) -> Self {
    Self(.unreadableFile, "cannot read \(path)")
  }

  /// `cannot write PATH` (writeFailed).
  public static func writeFailed(_ path: String, reason: String? = nil) -> Self {
    Self(.writeFailed, "cannot write \(path)" + (reason.map { ": \($0)" } ?? ""))
  }

  // MARK: Data files

  /// What a loader found wrong with a data file, under one of the `load_…` codes.
  public static func dataFile(_ code: DiagnosticCode, _ text: String, hint: String? = nil) -> Self {
    precondition(code.rawValue.hasPrefix("load_"), "\(code) is not a data file's code")
    return Self(code, text, hint: hint)
  }

  /// `row set aside: REASON` (rowSetAside), with the fix when the row was set aside wrongly.
  public static func rowSetAside(_ reason: String, hint: String? = nil) -> Self {
    Self(.rowSetAside, "row set aside: \(reason)", hint: hint)
  }

  /// `7 of 40 rows (17.5%) set aside, more than the 5% allowed` (setAsideShare).
  public static func setAsideShare(_ setAside: Int, of rows: Int, limit: Double) -> Self {
    Self(
      .setAsideShare,
      "\(setAside) of \(rows) rows (\(percent(Double(setAside) / Double(rows)))) set aside, more than the "
        + "\(percent(limit)) allowed",
      hint: "fix the rows below, or allow more with --max-set-aside; --strict stops at the first")
  }

  /// A share as a percent with at most one decimal: `5%`, `17.5%`.
  private static func percent(_ share: Double) -> String {
    let tenths = (share * 1000).rounded()
    if tenths == 0, share > 0 { return "under 0.1%" }
    return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
  }

  // MARK: Exports

  /// `cannot export to DIRECTORY: it is not a folder` (exportFailed).
  public static func exportNotAFolder(_ directory: String) -> Self {
    Self(.exportFailed, "cannot export to \(directory): it is not a folder")
  }

  /// `cannot export to DIRECTORY: it holds other files and no previous export` (exportFailed).
  public static func exportFolderInUse(_ directory: String) -> Self {
    Self(
      .exportFailed, "cannot export to \(directory): it holds other files and no previous export",
      hint: "an export replaces its whole folder; choose a new or empty one")
  }

  /// `cannot export to DIRECTORY: name a folder of its own` (exportFailed).
  public static func exportFolderUnnamed(_ directory: String) -> Self {
    Self(
      .exportFailed, "cannot export to \(directory): name a folder of its own",
      hint: "e.g. out/campaigns; the whole folder is replaced on each run")
  }

  /// `cannot export offer 'OFFER' to DIRECTORY: its name cannot be a file of its own` (exportFailed).
  public static func exportOfferName(_ offer: String, directory: String) -> Self {
    Self(
      .exportFailed, "cannot export offer '\(offer)' to \(directory): its name cannot be a file of its own",
      hint: "offer codes must differ from each other (ignoring case) and from 'decisions' and 'summary'")
  }

  /// `out holds the ledgered export of run 3-… of "P"; only a ledgered run of "P" replaces it` (exportLedgered).
  public static func exportLedgered(_ directory: String, runID: String, playbook: String) -> Self {
    Self(
      .exportLedgered,
      "\(directory) holds the ledgered export of run \(runID) of \"\(playbook)\"; "
        + "only a ledgered run of that playbook may replace it",
      hint: "export somewhere else, or use :export --preview to look without sending")
  }

  /// `cannot remove the previous export .out.old-12 left by an earlier run: …` (exportFailed).
  public static func exportLeftover(_ path: String, reason: String) -> Self {
    Self(
      .exportFailed, "cannot remove \(path), the previous export an earlier run moved aside: \(reason)",
      hint: "remove it by hand (rm -rf \(path)) and run again")
  }

  /// `cannot create out/x: Permission denied`.
  public static func exportFileFailed(_ what: String, _ path: String, reason: String) -> Self {
    Self(.exportFailed, "\(what) \(path): \(reason)")
  }

  // MARK: Ledgers

  /// `there is no ledger at PATH` (ledgerMissing).
  public static func ledgerMissing(_ path: String) -> Self {
    Self(.ledgerMissing, "there is no ledger at \(path)")
  }

  /// `PATH is not a ledger: it is not a SQLite database (damaged?)` (ledgerUnreadable).
  public static func ledgerNotSQLite(_ path: String) -> Self {
    Self(
      .ledgerUnreadable, "\(path) is not a ledger: it is not a SQLite database (damaged?)",
      hint: "the file was left as it is; restore it from a backup or name another ledger")
  }

  /// `PATH is not a ledger: the file is empty` (ledgerUnreadable): only a missing file
  /// starts a new ledger, so an emptied ledger never re-sends what it recorded.
  public static func ledgerEmpty(_ path: String) -> Self {
    Self(
      .ledgerUnreadable, "\(path) is not a ledger: the file is empty",
      hint: "an emptied ledger would send everything again; restore it from a backup, "
        + "or remove the file (or pass --new-ledger) to start a new ledger")
  }

  /// `ledger damaged at sends row 12 of PATH: …` (ledgerUnreadable).
  public static func ledgerDamagedAt(_ path: String, _ place: String, _ problem: String) -> Self {
    Self(
      .ledgerUnreadable, "ledger damaged at \(place) of \(path): \(problem)",
      hint: "the file was left as it is; restore it from a backup")
  }

  /// `--new-ledger: PATH already holds a ledger` (ledgerExists).
  public static func ledgerExists(_ path: String, isLedger: Bool) -> Self {
    Self(
      .ledgerExists,
      "--new-ledger: \(path) " + (isLedger ? "already holds a ledger" : "exists and is not an empty file"),
      hint: isLedger
        ? "a new ledger would send again what this one recorded; drop --new-ledger to keep using it"
        : "the file was left as it is; move it away to start a new ledger there")
  }

  /// `PATH is held by another run (pid 41 on db1 since 2026-12-04T02:00:00Z); nothing was
  /// exported` (ledgerLocked); `waited`: the seconds this run waited for it.
  public static func ledgerLocked(_ path: String, holder: String?, waited: Int) -> Self {
    Self(
      .ledgerLocked,
      "\(path) is held by another run" + (holder.map { " (\($0))" } ?? "")
        + (waited > 0 ? ", still after waiting \(waited)s" : "") + "; nothing was exported",
      hint: "try again when it has finished: `run --wait SECONDS` waits for it; "
        + "in the shell, :export --preview looks without sending")
  }

  /// `the playbook's holdout 10% seed "b" differs from holdout 5% seed "a" recorded in
  /// PATH` (ledgerHoldoutChanged).
  public static func ledgerHoldoutChanged(_ path: String, now: String, recorded: String) -> Self {
    Self(
      .ledgerHoldoutChanged, "the playbook's \(now) differs from \(recorded) recorded in \(path)",
      hint: "changing it would reshuffle the control group mid-experiment; "
        + "restore the holdout line, or pass --new-holdout to start a new experiment")
  }

  /// `the clock is pinned by `as of` on line N: run RUN replayed that night` (ledgerReplay).
  public static func ledgerReplay(line: Int, runID: String?) -> Self {
    Self(
      .ledgerReplay,
      "the clock is pinned by `as of` on line \(line)"
        + (runID.map { ": run \($0) was a replay of that night, nothing new was sent" }
          ?? ": every run decides as of that night"),
      hint: "for nightly runs remove the `as of` line, or pass --as-of now")
  }

  /// `PATH is a damaged ledger: it names no playbook` (ledgerUnreadable).
  public static func ledgerNamesNoPlaybook(_ path: String) -> Self {
    Self(.ledgerUnreadable, "\(path) is a damaged ledger: it names no playbook", hint: "the file was left as it is")
  }

  /// `PATH is a damaged ledger: PROBLEMS` (ledgerUnreadable).
  public static func ledgerDamaged(_ path: String, problems: String) -> Self {
    Self(
      .ledgerUnreadable, "\(path) is a damaged ledger: \(problems)",
      hint: "the file was left as it is; restore it from a backup")
  }

  /// `PATH is a SQLite database but not a Playloop ledger` (ledgerForeign).
  public static func ledgerForeign(_ path: String) -> Self {
    Self(
      .ledgerForeign, "\(path) is a SQLite database but not a Playloop ledger",
      hint: "the file was left as it is; name a new file for the ledger")
  }

  /// `PATH is a ledger of format FORMAT, written by a newer Playloop; this one reads format READS` (ledgerNewer).
  public static func ledgerNewer(_ path: String, format: UInt32, reads: UInt32) -> Self {
    Self(
      .ledgerNewer,
      "\(path) is a ledger of format \(format), written by a newer Playloop; this one reads format \(reads)",
      hint: "upgrade playloop; the file was left as it is")
  }

  /// `PATH is the ledger of playbook "HOLDS", not "WANTED"` (ledgerOtherPlaybook).
  public static func ledgerOtherPlaybook(_ path: String, holds: String, wanted: String) -> Self {
    Self(
      .ledgerOtherPlaybook, "\(path) is the ledger of playbook \"\(holds)\", not \"\(wanted)\"",
      hint: "each playbook keeps its own ledger; name another file")
  }

  /// A database error: `cannot read the runs in x.ledger: …`; damaged when SQLite says so.
  public static func ledgerDatabase(_ what: String, _ path: String, reason: String, damaged: Bool) -> Self {
    Self(
      damaged ? .ledgerUnreadable : .ledgerFailed, "cannot \(what) in \(path): \(reason)",
      hint: damaged ? "the ledger is damaged; restore it from a backup" : nil)
  }

  /// `waiting up to 30s for another run to release PATH…` (ledgerBusy).
  public static func ledgerBusy(_ path: String, seconds: Int) -> Self {
    Self(.ledgerBusy, "waiting up to \(seconds)s for another run to release \(path)…")
  }

  /// `run RUN was interrupted; its export was in place, so its sends are now recorded`,
  /// or `…; it was discarded` (ledgerRecovered).
  public static func ledgerRecovered(runID: String, committed: Bool) -> Self {
    Self(
      .ledgerRecovered,
      "run \(runID) was interrupted; "
        + (committed ? "its export was in place, so its sends are now recorded" : "it was discarded"))
  }

  /// Any other failure to use the ledger, e.g. `cannot lock x.ledger.lock: …`.
  public static func ledgerFailed(_ text: String) -> Self {
    Self(.ledgerFailed, text)
  }
}
