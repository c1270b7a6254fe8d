import Foundation
public import PlaybookLanguage

/// Reads a load's rows out of a database file, with each column's type as the database
/// states it. The engine links no database library: a program that does (the `playloop`
/// executable, through `PlaybookSQLite`) registers its reader in `DatabaseReaders`, and
/// the loader turns the rows into a table as it does a data file's, with the same keys,
/// links and rows set aside.
public protocol DatabaseReader: Sendable {
  /// `selection`'s rows from the database at `path`. Throws `LoadError` at `path`: kind
  /// `.unreadableFile` when the file cannot be opened as a database, `.badDatabase`
  /// for a missing table or a query that cannot run.
  func read(_ selection: DatabaseSelection, path: String) throws(LoadError) -> DatabaseRows
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

  /// The reader of `kind` databases; throws at `path` when this program has none.
  static func reader(for kind: DatabaseKind, path: String) throws(LoadError) -> any DatabaseReader {
    guard let reader = lock.withLock({ readers[kind] }) else {
      throw LoadError(.unreadableFile, "this program cannot read \(kind.rawValue) databases", file: path)
    }
    return reader
  }
}
