/// The messages about files a command reads or writes: playbooks, data, exports, ledgers.
extension DiagnosticMessage {
  public static func unreadableFile(_ path: String) -> Self {
    Self(.unreadableFile, "cannot read \(path)")
  }

  public static func writeFailed(_ path: String, reason: String? = nil) -> Self {
    Self(.writeFailed, "cannot write \(path)" + (reason.map { ": \($0)" } ?? ""))
  }

  // MARK: Data files

  /// What a loader found wrong with a data file, under one of the `load_…` codes.
  public static func dataFile(_ code: DiagnosticCode, _ text: String, hint: String? = nil) -> Self {
    precondition(code.rawValue.hasPrefix("load_"), "\(code) is not a data file's code")
    return Self(code, text, hint: hint)
  }

  public static func rowSetAside(_ reason: String) -> Self {
    Self(.rowSetAside, "row set aside: \(reason)")
  }

  // MARK: Exports

  public static func exportNotAFolder(_ directory: String) -> Self {
    Self(.exportFailed, "cannot export to \(directory): it is not a folder")
  }

  public static func exportFolderInUse(_ directory: String) -> Self {
    Self(
      .exportFailed, "cannot export to \(directory): it holds other files and no previous export",
      hint: "an export replaces its whole folder; choose a new or empty one")
  }

  public static func exportFolderUnnamed(_ directory: String) -> Self {
    Self(
      .exportFailed, "cannot export to \(directory): name a folder of its own",
      hint: "e.g. out/campaigns; the whole folder is replaced on each run")
  }

  public static func exportOfferName(_ offer: String, directory: String) -> Self {
    Self(
      .exportFailed, "cannot export offer '\(offer)' to \(directory): its name cannot be a file of its own",
      hint: "offer codes must differ from each other (ignoring case) and from 'decisions' and 'summary'")
  }

  /// `cannot create out/x: Permission denied`.
  public static func exportFileFailed(_ what: String, _ path: String, reason: String) -> Self {
    Self(.exportFailed, "\(what) \(path): \(reason)")
  }

  // MARK: Ledgers

  public static func ledgerMissing(_ path: String) -> Self {
    Self(.ledgerMissing, "there is no ledger at \(path)")
  }

  public static func ledgerNotSQLite(_ path: String) -> Self {
    Self(
      .ledgerUnreadable, "\(path) is not a ledger: it is not a SQLite database (damaged?)",
      hint: "the file was left as it is; restore it from a backup or name another ledger")
  }

  public static func ledgerNamesNoPlaybook(_ path: String) -> Self {
    Self(.ledgerUnreadable, "\(path) is a damaged ledger: it names no playbook", hint: "the file was left as it is")
  }

  public static func ledgerDamaged(_ path: String, problems: String) -> Self {
    Self(
      .ledgerUnreadable, "\(path) is a damaged ledger: \(problems)",
      hint: "the file was left as it is; restore it from a backup")
  }

  public static func ledgerForeign(_ path: String) -> Self {
    Self(
      .ledgerForeign, "\(path) is a SQLite database but not a Playloop ledger",
      hint: "the file was left as it is; name a new file for the ledger")
  }

  public static func ledgerNewer(_ path: String, format: UInt32, reads: UInt32) -> Self {
    Self(
      .ledgerNewer, "\(path) is a ledger of format \(format), written by a newer Playloop; this one reads format \(reads)",
      hint: "upgrade playloop; the file was left as it is")
  }

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

  /// Any other failure to use the ledger, e.g. `cannot lock x.ledger.lock: …`.
  public static func ledgerFailed(_ text: String) -> Self {
    Self(.ledgerFailed, text)
  }
}
