import CLibPQ
import Foundation
import PlaybookEngine

/// One libpq connection, set up so that the text of every value is the same whatever
/// the server's or the user's defaults: UTC, ISO dates, UTF-8, floats in their shortest
/// exact form.
final class PostgresConnection {
  private let connection: OpaquePointer

  /// The settings libpq reads from the environment, which the playbook never holds.
  static let settingsHint =
    "the connection comes from PLAYLOOP_POSTGRES_URL (a libpq connection string or URI) when set, "
    + "else from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSERVICE"

  /// Connects with `PLAYLOOP_POSTGRES_URL` when set (libpq's variables fill in what it
  /// leaves out), else with libpq's variables alone. Throws at `source` naming the host,
  /// port, database and user tried, never the password.
  init(source: String) throws(LoadError) {
    let settings = ProcessInfo.processInfo.environment["PLAYLOOP_POSTGRES_URL"] ?? ""
    guard let connection = PQconnectdb(settings) else {
      throw LoadError(.unreachableDatabase, "cannot connect to PostgreSQL: out of memory", file: source)
    }
    guard PQstatus(connection) == CONNECTION_OK else {
      let failure = Self.describeFailure(connection, settings: settings)
      PQfinish(connection)
      throw LoadError(.unreachableDatabase, failure, file: source, hint: Self.settingsHint)
    }
    self.connection = connection
    // A run stopped mid-query (Ctrl-C, a job's timeout) closes the connection; from
    // PostgreSQL 14 the server checks for that every second and cancels the query, which
    // would otherwise run to its end for nobody.
    let watch = PQserverVersion(connection) >= 140_000 ? "; SET client_connection_check_interval = 1000" : ""
    do {
      try execute(
        "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; "
          + "SET client_encoding = 'UTF8'; SET extra_float_digits = 1" + watch, source: source)
    } catch {
      PQfinish(connection)
      throw error
    }
  }

  deinit { PQfinish(connection) }

  /// `cannot connect to PostgreSQL at host H, port P, database D, user U: why`, with the
  /// password blotted out: libpq's message may quote a connection string it could not
  /// read, password and all.
  private static func describeFailure(_ connection: OpaquePointer, settings: String) -> String {
    func setting(_ value: UnsafeMutablePointer<CChar>?) -> String {
      value.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(default)"
    }
    var why = String(cString: PQerrorMessage(connection))
      .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    let passwords = [PQpass(connection).map { String(cString: $0) }] + passwords(in: settings)
    for password in passwords.compactMap({ $0 }) where !password.isEmpty {
      why = why.replacingOccurrences(of: password, with: "…")
    }
    return "cannot connect to PostgreSQL at host \(setting(PQhost(connection))), port \(setting(PQport(connection))), "
      + "database \(setting(PQdb(connection))), user \(setting(PQuser(connection))): \(why)"
  }

  /// The passwords a connection string holds, even one libpq cannot read: a URI's
  /// (`postgresql://user:PASSWORD@host`) and a `password=` setting's.
  static func passwords(in settings: String) -> [String] {
    let patterns = [#"://[^:/@?]*:([^@/?]*)@"#, #"password\s*=\s*'((?:[^'\\]|\\.)*)'"#, #"password\s*=\s*([^\s']\S*)"#]
    return patterns.flatMap { pattern -> [String] in
      guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
      let whole = NSRange(settings.startIndex..., in: settings)
      return expression.matches(in: settings, range: whole).compactMap { match in
        Range(match.range(at: 1), in: settings).map { String(settings[$0]) }
      }
    }
  }

  /// Runs `sql` (one or more commands that return no rows).
  func execute(_ sql: String, source: String, what: String = "the session") throws(LoadError) {
    let result = PQexec(connection, sql)
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw failure(result, what: what, source) }
  }

  /// The first column of each row `sql` returns (its text; nil for null), `parameters`
  /// sent apart from the SQL.
  func column(_ sql: String, _ parameters: [String] = [], source: String) throws(LoadError) -> [String?] {
    var copies = parameters.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    let result = copies.withUnsafeMutableBufferPointer { values in
      values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { pointers in
        PQexecParams(connection, sql, Int32(parameters.count), nil, pointers.baseAddress, nil, nil, 0)
      }
    }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(result, what: "the catalogue", source) }
    return (0..<PQntuples(result)).map { row in
      PQgetisnull(result, row, 0) == 1 ? nil : String(cString: PQgetvalue(result, row, 0))
    }
  }

  /// Every row `sql` returns, each value's text (nil for null), `what` naming it in errors.
  func rows(_ sql: String, what: String, source: String) throws(LoadError) -> [[String?]] {
    let result = PQexec(connection, sql)
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw failure(result, what: what, source) }
    let width = PQnfields(result)
    return (0..<PQntuples(result)).map { row in
      (0..<width).map { c in PQgetisnull(result, row, c) == 1 ? nil : String(cString: PQgetvalue(result, row, c)) }
    }
  }

  /// Runs `COPY … FROM STDIN` (`sql`) with `data` (rows in COPY's text format) as its input.
  func copyIn(_ sql: String, data: [UInt8], what: String, source: String) throws(LoadError) {
    let started = PQexec(connection, sql)
    guard PQresultStatus(started) == PGRES_COPY_IN else {
      defer { PQclear(started) }
      throw failure(started, what: what, source)
    }
    PQclear(started)
    // In pieces: libpq buffers what it is given, and a piece's length is a 32-bit count.
    let piece = 1 << 20
    var sent = true
    data.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        var start = 0
        while sent, start < chars.count {
          let count = min(piece, chars.count - start)
          sent = PQputCopyData(connection, chars.baseAddress! + start, Int32(count)) == 1
          start += count
        }
      }
    }
    let ended = PQputCopyEnd(connection, sent ? nil : "the rows could not be sent") == 1
    var error: LoadError?
    while let result = PQgetResult(connection) {
      if error == nil, PQresultStatus(result) != PGRES_COMMAND_OK { error = failure(result, what: what, source) }
      PQclear(result)
    }
    if let error { throw error }
    guard sent, ended else {
      throw LoadError(
        .badDatabase, "\(what) cannot be written: \(String(cString: PQerrorMessage(connection)))", file: source)
    }
  }

  /// The names and type ids of the columns `sql` returns, without running it.
  func describe(_ sql: String, what: String, source: String) throws(LoadError) -> [(name: String, type: UInt32)] {
    let prepared = PQprepare(connection, "", sql, 0, nil)
    defer { PQclear(prepared) }
    guard PQresultStatus(prepared) == PGRES_COMMAND_OK else { throw failure(prepared, what: what, source) }
    let described = PQdescribePrepared(connection, "")
    defer { PQclear(described) }
    guard PQresultStatus(described) == PGRES_COMMAND_OK else { throw failure(described, what: what, source) }
    return (0..<PQnfields(described)).map { c in
      (String(cString: PQfname(described, c)), UInt32(PQftype(described, c)))
    }
  }

  /// Runs `COPY (sql) TO STDOUT` (with `options`, such as `FORMAT csv`) and hands each
  /// row's bytes (in COPY's text format unless the options say otherwise) to `row`.
  func copy(
    _ sql: String, options: String = "", what: String, source: String, row: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(LoadError) {
    let started = PQexec(connection, "COPY (\(sql)) TO STDOUT" + (options.isEmpty ? "" : " WITH (\(options))"))
    let status = PQresultStatus(started)
    guard status == PGRES_COPY_OUT else {
      defer { PQclear(started) }
      throw failure(started, what: what, source)
    }
    PQclear(started)
    var buffer: UnsafeMutablePointer<CChar>?
    while true {
      let count = PQgetCopyData(connection, &buffer, 0)
      guard count > 0, let bytes = buffer else { break }
      bytes.withMemoryRebound(to: UInt8.self, capacity: Int(count)) {
        row(UnsafeBufferPointer(start: $0, count: Int(count)))
      }
      PQfreemem(bytes)
      buffer = nil
    }
    // The COPY's own result follows its rows: an error part way through shows there.
    var error: LoadError?
    while let result = PQgetResult(connection) {
      if error == nil, PQresultStatus(result) != PGRES_COMMAND_OK { error = failure(result, what: what, source) }
      PQclear(result)
    }
    if let error { throw error }
  }

  /// The server's message for a failed `result`: its primary text as the message and
  /// its hint, when it gives one, as the hint.
  private func failure(_ result: OpaquePointer?, what: String, _ source: String) -> LoadError {
    // libpq's field codes are ASCII letters: 'M' the primary message, 'H' the hint.
    func field(_ code: Character) -> String? {
      PQresultErrorField(result, Int32(code.asciiValue ?? 0)).map { String(cString: $0) }
    }
    let message =
      field("M")
      ?? String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
    return LoadError(.badDatabase, "\(what) cannot be read: \(message)", file: source, hint: field("H"))
  }
}
