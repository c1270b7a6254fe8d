/// Why a table or dataset could not be loaded. `message` is a full sentence naming the
/// file (and the line, for a problem with a row); the caller points it at the playbook's
/// `load` statement.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The file does not exist or cannot be read.
    case unreadableFile
    /// The file is not UTF-8 CSV / JSON Lines we can read (UTF-16, no header, too big).
    case badFormat
    /// The header lacks a column the `load` statement names (`key`, `link`, `with`).
    case unknownColumn
    /// Two customers share a key, or a customer's key is empty.
    case badKey
    /// A row was set aside while loading with `strict` on.
    case badRow
  }

  public var kind: Kind
  public var message: String
  public var file: String
  /// The 1-based line in `file`, when the problem is one row.
  public var line: Int?

  public init(_ kind: Kind, _ message: String, file: String, line: Int? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
  }

  public var description: String { message }
}
