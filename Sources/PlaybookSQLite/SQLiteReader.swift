import Foundation
import GRDB
import GRDBSQLite
public import PlaybookEngine
import PlaybookLanguage

/// Reads a load's rows from a SQLite file (`from sqlite "app.db" table "t"` or
/// `query "select …"`), through GRDB. A run's loads of one file read in one read-only
/// transaction: the run sees one snapshot of the file. Each column's type is the one its
/// declaration states (`SQLiteColumnType`); a column declared with no usable type (a
/// query's expression, `BLOB`, none) takes the type its values are stored as.
public struct SQLiteReader: PlaybookEngine.DatabaseReader {
  /// A reader; register it with `DatabaseReaders.register(_:for:)`.
  public init() {}

  /// A session holding each file it reads open, in its transaction, until closed.
  public func openSession() -> any DatabaseSession { SQLiteSession() }
}

/// One run's SQLite reads: a read-only connection per file, each in one transaction.
final class SQLiteSession: DatabaseSession {
  private var open: [String: DatabaseQueue] = [:]

  /// The rows of `selection` in the SQLite file at `source`, each value's text as SQLite
  /// stores it (a real as the shortest text that reads back as the same double).
  func read(_ selection: DatabaseSelection, source path: String) throws(LoadError) -> DatabaseRows {
    do {
      return try queue(path).inDatabase { db in try rows(of: selection, in: db, path: path) }
    } catch let error as LoadError {
      throw error
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CANTOPEN {
        throw LoadError(
          .unreadableFile, "cannot read the file as a SQLite database: \(error.message ?? "")", file: path)
      }
      throw LoadError(.badDatabase, "the \(selection.noun) cannot be read: \(error.message ?? "\(error)")", file: path)
    } catch {
      throw LoadError(.badDatabase, "the \(selection.noun) cannot be read: \(error)", file: path)
    }
  }

  func close() {
    for queue in open.values { try? queue.inDatabase { db in try db.rollback() } }
    open = [:]
  }

  /// The file's connection, opened (and its transaction begun) on first use.
  private func queue(_ path: String) throws -> DatabaseQueue {
    if let queue = open[path] { return queue }
    guard FileManager.default.fileExists(atPath: path) else {
      throw LoadError(.unreadableFile, "cannot read the file: no such file", file: path)
    }
    var configuration = Configuration()
    configuration.readonly = true
    // The transaction stays open from one load's read to the next; `close` ends it.
    configuration.allowsUnsafeTransactions = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    // Deferred: the snapshot is the one the first read sees, and holds for every later one.
    try queue.inDatabase { db in try db.beginTransaction(.deferred) }
    open[path] = queue
    return queue
  }

  private func rows(of selection: DatabaseSelection, in db: Database, path: String) throws -> DatabaseRows {
    let sql: String
    switch selection.rows {
    case .table(let name):
      guard try db.tableExists(name) || db.viewExists(name) else {
        let tables = try String.fetchAll(
          db,
          sql:
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        throw LoadError(
          .badDatabase, "the database has no table '\(name)'", file: path,
          hint: NearNames.didYouMean(name, in: tables)
            ?? (tables.isEmpty ? "the database has no tables" : "its tables are \(tables.joined(separator: ", "))"))
      }
      sql = "SELECT * FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
    case .query(let query):
      sql = query
    }
    let statement = try db.makeStatement(sql: sql)
    let names = statement.columnNames
    let handle = statement.sqliteStatement
    let declared = names.indices.map { c in
      sqlite3_column_decltype(handle, Int32(c)).map { SQLiteColumnType.type(declared: String(cString: $0)) } ?? nil
    }
    var stored = Array(repeating: SQLiteColumnType.Stored(), count: names.count)
    var rows = DatabaseRows(names: names, types: declared.map { $0 ?? .text })
    let cursor = try Row.fetchCursor(statement)
    while try cursor.next() != nil {
      for c in names.indices {
        let column = Int32(c)
        let storage = sqlite3_column_type(handle, column)
        stored[c].note(storage)
        switch storage {
        case SQLITE_NULL: rows.appendNull()
        // The shortest text that reads back as the same double (SQLite's own text has 15 digits).
        case SQLITE_FLOAT: rows.append("\(sqlite3_column_double(handle, column))")
        default:
          let text = sqlite3_column_text(handle, column)
          let count = Int(sqlite3_column_bytes(handle, column))
          rows.append(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
        }
      }
    }
    for c in names.indices where declared[c] == nil {
      rows.types[c] = stored[c].type
    }
    return rows
  }
}

extension DatabaseSelection {
  /// `table 'customers'` or `query`, for messages.
  fileprivate var noun: String {
    switch rows {
    case .table(let name): "table '\(name)'"
    case .query: "query"
    }
  }
}
