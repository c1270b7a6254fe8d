import Dispatch
import Foundation
import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive lock a run holds on its ledger from before recovery to after its last
/// write: `flock` on `LEDGER.lock` beside the ledger, so two runs' reads of history and
/// writes never interleave. The kernel drops the lock when its holder dies, so a killed
/// run never leaves the ledger locked. The lock file itself stays (removing it would let
/// two runs lock different files); while held it names its holder, for the message of a
/// run it refuses.
final class LedgerLock {
  private let fd: Int32
  /// Whether this process holds the lock (a refused run only read the file).
  private var held = false

  private init(fd: Int32) { self.fd = fd }

  /// Takes the lock. When another run holds it, calls `waiting` and waits up to `wait`
  /// seconds for it, then refuses with `ledger_locked` naming the holder: a run never
  /// hangs behind another unasked (a cron retry, the shell beside a nightly run). Creates
  /// the ledger's folder if need be, as an export creates its own.
  static func acquire(ledger path: String, wait: Int, waiting: () -> Void) throws(Diagnostic) -> LedgerLock {
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
    if try lock.tryLock(lockPath) { return lock.holding() }
    if wait > 0 {
      waiting()
      let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(wait) * 1_000_000_000
      while DispatchTime.now().uptimeNanoseconds < deadline {
        usleep(50_000)
        if try lock.tryLock(lockPath) { return lock.holding() }
      }
    }
    throw Diagnostic(.ledgerLocked(path, holder: lock.holder(), waited: wait), file: path)
  }

  /// One attempt at the lock, without blocking.
  private func tryLock(_ lockPath: String) throws(Diagnostic) -> Bool {
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EWOULDBLOCK { return false }
      guard errno == EINTR else {
        throw LedgerFormat.failure(lockPath, "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
      }
    }
    return true
  }

  /// Writes `pid N on HOST since TIME` into the lock file. The time is the wall clock's,
  /// for a person reading a refusal; no decision depends on it.
  private func holding() -> LedgerLock {
    var host = [CChar](repeating: 0, count: 256)
    let hostName =
      gethostname(&host, host.count - 1) == 0
      ? String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    let since = Timestamp.format(Int64(Date().timeIntervalSince1970))
    let record = Array("pid \(getpid()) on \(hostName) since \(since)".utf8)
    held = true
    ftruncate(fd, 0)
    _ = record.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    return self
  }

  /// What the holder wrote into the lock file; nil when it wrote nothing yet.
  private func holder() -> String? {
    var bytes = [UInt8](repeating: 0, count: 200)
    let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return String(decoding: bytes[..<count], as: UTF8.self)
  }

  deinit {
    // Empty while no one holds it, so a refusal never names a run that has finished.
    if held { ftruncate(fd, 0) }
    close(fd)
  }
}
