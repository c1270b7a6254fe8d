import Foundation
public import PlaybookLanguage

/// Reads a load's rows out of a database, with each column's type as the database
/// states it. The engine links no database library: a program that does (the `playloop`
/// executable, through `PlaybookSQLite` and `PlaybookPostgres`) registers its readers in
/// `DatabaseReaders`, and the loader turns the rows into a table as it does a data
/// file's, with the same keys, links and rows set aside.
public protocol DatabaseReader: Sendable {
  /// A session for one run's loads of this kind of database. The loader opens it when
  /// the run's first such load starts, reads each of them through it, in order, and
  /// closes it when the run's loads end, so that a session can read them all from one
  /// snapshot (one transaction on one connection).
  func openSession() -> any DatabaseSession
}

/// One run's reads from one kind of database (`DatabaseReader.openSession()`).
public protocol DatabaseSession: AnyObject {
  /// `selection`'s rows. `source` is what errors are thrown at: the database file
  /// (SQLite), or the load's label for a server (`postgres:tickets`). Throws `LoadError`:
  /// kind `.unreadableFile` when the file cannot be opened as a database,
  /// `.unreachableDatabase` when the server cannot be reached, `.badDatabase` for a
  /// missing table or a query that cannot run.
  func read(_ selection: DatabaseSelection, source: String) throws(LoadError) -> DatabaseRows

  /// Ends the session: its transactions and connections.
  func close()
}

/// The database readers this program has, by kind. Registered once at start, before
/// any playbook loads.
public enum DatabaseReaders {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var readers: [DatabaseKind: any DatabaseReader] = [:]

  /// Makes `reader` the one loads from a `kind` database go through.
  public static func register(_ reader: any DatabaseReader, for kind: DatabaseKind) {
    lock.withLock { readers[kind] = reader }
  }

  /// The reader of `kind` databases; throws at `source` when this program has none.
  static func reader(for kind: DatabaseKind, source: String) throws(LoadError) -> any DatabaseReader {
    guard let reader = lock.withLock({ readers[kind] }) else {
      throw LoadError(.unreadableFile, "this program cannot read \(kind.rawValue) databases", file: source)
    }
    return reader
  }
}

/// The database sessions of one run's loads, one per kind, each opened when a load
/// first needs it.
final class DatabaseSessions {
  private var open: [DatabaseKind: any DatabaseSession] = [:]

  /// The run's session with `kind` databases; throws at `source` when this program
  /// has no reader of them.
  func session(for kind: DatabaseKind, source: String) throws(LoadError) -> any DatabaseSession {
    if let session = open[kind] { return session }
    let session = try DatabaseReaders.reader(for: kind, source: source).openSession()
    open[kind] = session
    return session
  }

  /// Closes every session opened.
  func close() {
    for session in open.values { session.close() }
    open = [:]
  }
}
