import Foundation
import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive lock a run holds on its ledger from before recovery to after its last
/// write: `flock` on `LEDGER.lock` beside the ledger. A second run waits for the first
/// to finish, so their reads of history and writes never interleave. The kernel drops the
/// lock when its holder dies, so a killed run never leaves the ledger locked. The lock
/// file itself stays (removing it would let two runs lock different files).
final class LedgerLock {
  private let fd: Int32

  private init(fd: Int32) { self.fd = fd }

  /// Takes the lock, calling `waiting` once if another run holds it, then blocking; with
  /// `wait` false (the shell, which must not hang behind a nightly run) another run's
  /// lock is a `ledger_locked` refusal instead. Creates the ledger's folder if need be,
  /// as an export creates its own.
  static func acquire(ledger path: String, wait: Bool = true, waiting: () -> Void) throws(Diagnostic) -> LedgerLock {
    let lockPath = path + ".lock"
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      let folder = String(path[..<slash])
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw LedgerFormat.failure(path, "cannot create the ledger's folder \(folder): \(error.localizedDescription)")
      }
    }
    let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw LedgerFormat.failure(path, "cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))")
    }
    let lock = LedgerLock(fd: fd)
    if flock(fd, LOCK_EX | LOCK_NB) == 0 { return lock }
    guard wait else { throw Diagnostic(.ledgerLocked(path), file: path) }
    waiting()
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw LedgerFormat.failure(path, "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
      }
    }
    return lock
  }

  deinit { close(fd) }
}
