public import PlaybookLanguage

/// Why a table or dataset could not be loaded: what, in which data file, and on which
/// line for a problem with a row. `diagnostic(loadedAt:_:)` is the one way it reaches a
/// person, as a `Diagnostic` at the data file's line with a note at the playbook's `load`.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for the diagnostic's code.
  public enum Kind: Sendable, Equatable {
    /// The file does not exist or cannot be read.
    case unreadableFile
    /// The file is not CSV / JSON Lines we can read (bytes not in its encoding, no
    /// header, too big).
    case badFormat
    /// The header lacks a column the `load` statement names (`key`, `link`, `with`).
    case unknownColumn
    /// Two customers share a key, or a customer's key is empty.
    case badKey
    /// A row was set aside while loading with `strict` on.
    case badRow
    /// Every row of a table was set aside.
    case allSetAside
    /// A warning, not an error: header names that are empty or repeated, so those
    /// columns were named by position (`column_7`).
    case renamedColumns
    /// A load's `timezone` names no zone the system's time zone database holds.
    case unknownZone
    /// The progress sink asked the load to stop (Ctrl-C in the shell).
    case interrupted
    /// A database load's table does not exist, or its query cannot run.
    case badDatabase
    /// A database server cannot be reached or refuses the connection.
    case unreachableDatabase
  }

  /// What went wrong.
  public var kind: Kind
  /// What is wrong, without the file's name (the diagnostic's location gives it).
  public var message: String
  /// The data file.
  public var file: String
  /// The 1-based line in `file`, when the problem is one row.
  public var line: Int?
  /// The fix, e.g. `did you mean 'id'?`.
  public var hint: String?
  /// The table of a database load that failed (several loads may read one database
  /// file); nil for a data file, whose path says which load it is.
  public var table: String?

  /// A load error in `file`, at `line` for a problem with one row.
  public init(_ kind: Kind, _ message: String, file: String, line: Int? = nil, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
    self.hint = hint
  }

  /// `file:line: message`, as the diagnostic renders without colour.
  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
  }

  /// The catalogue's code for each kind.
  public var code: DiagnosticCode {
    switch kind {
    case .unreadableFile: .loadUnreadable
    case .badFormat: .loadBadFormat
    case .unknownColumn: .loadUnknownColumn
    case .badKey: .loadBadKey
    case .badRow: .loadBadRow
    case .allSetAside: .loadAllSetAside
    case .renamedColumns: .loadRenamedColumns
    case .unknownZone: .loadUnknownZone
    case .interrupted: .loadInterrupted
    case .badDatabase: .loadBadDatabase
    case .unreachableDatabase: .loadDatabaseUnreachable
    }
  }

  /// Where in `load` the note points: a database's table or query for an error of
  /// them, else the path (the database kind when it has none).
  func statementRange(of load: Load) -> SourceRange {
    let rows = kind == .badDatabase ? (load.database?.table ?? load.database?.query) : nil
    return rows?.range ?? load.sourceRange
  }

  /// Reading `file` stopped because the progress sink asked (`ProgressSink.stopRequested`).
  static func interrupted(file: String) -> LoadError {
    LoadError(.interrupted, "loading stopped by Ctrl-C; the session keeps what it had", file: file)
  }

  /// The error as a diagnostic at the data file (and line), with a note pointing at the
  /// `load` statement in `playbook` that read it, when known.
  public func diagnostic(loadedAt playbook: String, _ statement: SourceRange?) -> Diagnostic {
    Diagnostic(
      .dataFile(code, message, hint: hint), file: file, range: line.map(SourceRange.line),
      notes: statement.map { [Diagnostic.Note("loaded here", file: playbook, range: $0)] } ?? [])
  }
}
