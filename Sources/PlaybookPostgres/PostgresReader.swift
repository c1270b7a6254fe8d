public import PlaybookEngine

/// Reads a load's rows from PostgreSQL (`from postgres table "t"` or `query "select …"`)
/// through libpq. The server comes from the environment, never the playbook
/// (`PostgresConnection`). A run's loads read on one connection, inside one
/// `REPEATABLE READ READ ONLY` transaction, so the run sees one snapshot; rows come
/// through `COPY … TO STDOUT`, and each column's type is the one the database gives it
/// (`PostgresColumnType`).
public struct PostgresReader: DatabaseReader {
  private let shared: PostgresSession?

  /// A reader; register it with `DatabaseReaders.register(_:for:)`.
  public init() { shared = nil }

  /// A reader whose loads read through `session` (`PostgresSession.shared()`), which
  /// outlives them.
  public init(sharing session: PostgresSession) { shared = session }

  /// A session that connects when its first load reads.
  public func openSession() -> any DatabaseSession { shared ?? PostgresSession() }
}
