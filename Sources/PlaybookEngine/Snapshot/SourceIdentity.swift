#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which bytes a data file held when its snapshot was written: enough to tell the same
/// file from a changed, replaced or appended-to one without reading it whole. The size,
/// modification time and inode catch ordinary edits and a file renamed over the old one;
/// the checksums of the first and last blocks catch a rewrite that kept size and time
/// (`touch -r`, a copy with `cp -p`), and prove an append left the old bytes alone.
struct SourceIdentity: Equatable, Sendable {
  var size: UInt64
  var modifiedSeconds: Int64
  var modifiedNanoseconds: Int64
  var inode: UInt64
  var device: UInt64
  /// The checksum of the first `block` bytes (the whole file when smaller).
  var headChecksum: UInt64
  /// The checksum of the last `block` bytes before `size` (the whole file when smaller).
  var tailChecksum: UInt64

  /// The bytes hashed at each end: one read each, whatever the file's size.
  static let block = 64 * 1024

  /// How a file now stands against the identity a snapshot recorded.
  enum Match: Equatable {
    /// The same file, unchanged: the snapshot holds what reading it would give.
    case same
    /// The same file with bytes added at the end, the old ones unchanged as far as
    /// the checksums show (the nightly file of yesterday plus today's rows).
    case appended
    /// Another file, or the same one changed.
    case changed
  }

  /// The identity of the regular file at `path` now; nil when it cannot be read (the
  /// load then reports why).
  static func of(_ path: String) -> SourceIdentity? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = UInt64(info.st_size)
    guard let head = checksum(fd, at: 0, size: size), let tail = checksum(fd, endingAt: size) else { return nil }
    #if canImport(Darwin)
      let modified = info.st_mtimespec
    #else
      let modified = info.st_mtim
    #endif
    return SourceIdentity(
      size: size, modifiedSeconds: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec),
      inode: UInt64(info.st_ino), device: UInt64(info.st_dev), headChecksum: head, tailChecksum: tail)
  }

  /// How the file at `path`, whose identity is now `current`, stands against this one.
  func match(_ current: SourceIdentity, path: String) -> Match {
    if current == self { return .same }
    guard current.size > size, current.inode == inode, current.device == device else { return .changed }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return .changed }
    defer { close(fd) }
    let oldHead = Self.checksum(fd, at: 0, size: size)
    let oldTail = Self.checksum(fd, endingAt: size)
    return oldHead == headChecksum && oldTail == tailChecksum ? .appended : .changed
  }

  /// The checksum of the first `block` bytes of a file of `size` bytes (fewer when smaller).
  private static func checksum(_ fd: Int32, at offset: UInt64, size: UInt64) -> UInt64? {
    read(fd, from: offset, count: Int(min(size, UInt64(block))))
  }

  /// The checksum of the `block` bytes (fewer in a smaller file) ending at `end`.
  private static func checksum(_ fd: Int32, endingAt end: UInt64) -> UInt64? {
    let count = min(end, UInt64(block))
    return read(fd, from: end - count, count: Int(count))
  }

  private static func read(_ fd: Int32, from offset: UInt64, count: Int) -> UInt64? {
    var bytes = [UInt8](repeating: 0, count: count)
    let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
    guard got == count else { return nil }
    return bytes.withUnsafeBufferPointer { SnapshotChecksum.of(UnsafeRawBufferPointer($0)) }
  }
}
