import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a ledger file is, read from its SQLite header without opening it, so a file
/// that is not ours is refused before SQLite could write to it.
///
/// A ledger is a SQLite database whose header carries `application_id` 0x504C4C44
/// ("PLLD") and `user_version` = the format version. Both are set in the transaction
/// that creates the tables, in a file beside the ledger renamed into place when complete,
/// so a file at a ledger's path is a complete ledger or not ours.
enum LedgerFormat {
  static let applicationID: UInt32 = 0x504C_4C44
  /// The format this build writes; it reads format 1 too, and upgrades a format-1 ledger
  /// a run opens (`LedgerSchema.upgrade`).
  static let version: UInt32 = 2

  enum Kind: Equatable {
    /// No file: a new ledger may be created there.
    case missing
    /// An empty file: refused (an emptied ledger would send everything again) unless
    /// `--new-ledger` says to start a new one there.
    case empty
    case ledger
  }

  /// Reads the first 100 bytes (the SQLite header) and refuses anything but a ledger of
  /// a format this build knows.
  static func inspect(_ path: String) throws(Diagnostic) -> Kind {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return .missing }
      throw failure(path, "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var header = [UInt8](repeating: 0, count: 100)
    var count = 0
    while count < header.count {
      let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, 100 - count) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { break }
      count += n
    }
    if count == 0 { return .empty }
    guard count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
      throw Diagnostic(.ledgerNotSQLite(path), file: path)
    }
    let userVersion = bigEndian(header, at: 60)
    let application = bigEndian(header, at: 68)
    guard application == applicationID else {
      throw Diagnostic(.ledgerForeign(path), file: path)
    }
    guard userVersion <= version else {
      throw Diagnostic(.ledgerNewer(path, format: userVersion, reads: version), file: path)
    }
    return .ledger
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }

  static func failure(_ path: String, _ message: String) -> Diagnostic {
    Diagnostic(.ledgerFailed(message), file: path)
  }
}
