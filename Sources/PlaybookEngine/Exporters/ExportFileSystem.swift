import CFileWriteback
import Foundation
import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations an export needs, each failing with a `Diagnostic` that names
/// the path: written files and directories are fsynced so a committed export survives a
/// power cut, not just a killed process.
enum ExportFileSystem {
  enum Kind { case missing, directory, other }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    return info.st_mode & S_IFMT == S_IFDIR ? .directory : .other
  }

  static func contents(_ directory: String) throws(Diagnostic) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw failure("cannot list", directory, error.localizedDescription)
    }
  }

  static func makeDirectory(_ path: String, withParents: Bool = false) throws(Diagnostic) {
    if withParents {
      do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw failure("cannot create", path, error.localizedDescription)
      }
    } else if mkdir(path, 0o755) != 0 {
      throw failure("cannot create", path)
    }
  }

  static func rename(_ from: String, to: String) throws(Diagnostic) {
    guard Foundation.rename(from, to) == 0 else { throw failure("cannot rename \(from) to", to) }
  }

  /// Removes a file or a whole directory tree. A tree someone made read-only (a previous
  /// export after `chmod -R a-w`) is made writable by its owner first, then removed.
  static func remove(_ path: String) throws(Diagnostic) {
    do {
      try FileManager.default.removeItem(atPath: path)
    } catch {
      guard kind(path) == .directory else { throw failure("cannot remove", path, error.localizedDescription) }
      makeWritable(path)
      do {
        try FileManager.default.removeItem(atPath: path)
      } catch {
        throw failure("cannot remove", path, error.localizedDescription)
      }
    }
  }

  /// Gives the owner write and search permission on every directory of a tree (entries
  /// are removed through their directory's permissions). Failures are left to the
  /// removal that follows to report.
  private static func makeWritable(_ directory: String) {
    var info = stat()
    guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
    _ = chmod(directory, (info.st_mode & 0o7777) | S_IRWXU)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for entry in entries { makeWritable(directory + "/" + entry) }
  }

  /// Flushes a directory's entries (new names, renames) to disk.
  static func syncDirectory(_ path: String) throws(Diagnostic) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw failure("cannot open", path) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw failure("cannot sync", path) }
  }

  /// True when a process with this id runs (possibly under another user).
  static func processIsAlive(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  static func failure(_ what: String, _ path: String, _ why: String? = nil) -> Diagnostic {
    let reason = why ?? String(cString: strerror(errno))
    return Diagnostic(.exportFileFailed(what, path, reason: reason), file: path)
  }
}

/// A new file being written: bytes are appended, then `close` fsyncs it. A file left
/// unclosed (after an error) is closed without syncing when released. One task uses it
/// at a time (an export hands it from the task that wrote its first rows to the one
/// that finishes it), hence unchecked.
///
/// Every `writebackStep` bytes written, the kernel is asked to start writing them to disk
/// (`playloop_start_writeback`), so the disk works while the export still encodes and
/// `close` waits only for the last of them: at a million customers (78 MB of files) the
/// fsyncs took 96 – 130 ms without and 82 ms with (docs/PERFORMANCE.md).
final class ExportFile: @unchecked Sendable {
  let path: String
  private var fd: Int32
  /// Whether written bytes are sent to disk early: not for a file whose bytes are
  /// appended to another and then removed (`append`).
  private let writesBack: Bool
  private var written: Int64 = 0
  private var sentToDisk: Int64 = 0
  private static let writebackStep: Int64 = 8 << 20

  /// Creates the file; it must not exist yet. A `temporary` file is not sent to disk
  /// early: its bytes will be another's.
  init(creating path: String, temporary: Bool = false) throws(Diagnostic) {
    self.path = path
    writesBack = !temporary
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ExportFileSystem.failure("cannot create", path) }
  }

  func write(_ bytes: [UInt8]) throws(Diagnostic) {
    try bytes.withUnsafeBufferPointer { (bytes) throws(Diagnostic) in try write(bytes) }
  }

  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(Diagnostic) {
    var written = 0
    while written < bytes.count {
      let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw ExportFileSystem.failure("cannot write", path) }
      written += n
    }
    self.written += Int64(bytes.count)
    if writesBack, self.written - sentToDisk >= Self.writebackStep {
      // Only a hint: a failure here shows again, and is reported, at `close`'s fsync.
      _ = playloop_start_writeback(fd, sentToDisk, self.written - sentToDisk)
      sentToDisk = self.written
    }
  }

  /// Appends what was written to `other` and removes it (unsynced: its bytes are now
  /// this file's, synced when this one is closed).
  func append(_ other: ExportFile) throws(Diagnostic) {
    let source = open(other.path, O_RDONLY | O_CLOEXEC)
    guard source >= 0 else { throw ExportFileSystem.failure("cannot open", other.path) }
    defer { _ = Foundation.close(source) }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4 << 20)
    defer { buffer.deallocate() }
    while true {
      let n = read(source, buffer.baseAddress!, buffer.count)
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else { throw ExportFileSystem.failure("cannot read", other.path) }
      if n == 0 { break }
      try write(UnsafeBufferPointer(rebasing: buffer[..<n]))
    }
    _ = Foundation.close(other.fd)
    other.fd = -1
    guard unlink(other.path) == 0 else { throw ExportFileSystem.failure("cannot remove", other.path) }
  }

  func close() throws(Diagnostic) {
    let synced = fsync(fd) == 0
    let closed = Foundation.close(fd) == 0
    fd = -1
    guard synced, closed else { throw ExportFileSystem.failure("cannot write", path) }
  }

  deinit { if fd >= 0 { _ = Foundation.close(fd) } }
}
