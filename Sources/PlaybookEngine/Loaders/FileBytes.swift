#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file's bytes in memory: the readers work on bytes.
///
/// A file is mapped read-only rather than copied: its pages come straight from the
/// page cache, with no copy and no fresh memory to fault in (at 1M customers the loader
/// reads 1.1 GB), and the readers let each chunk's pages go once they are done with it
/// (`release`), so a large file is never resident all at once. A file replaced while it
/// is read (a new file renamed over it) leaves the mapping reading the old one;
/// truncating or rewriting a file in place while it is loaded is not supported.
/// Unchecked: a pointer to memory that is only read (and let go) after `read` returns.
final class FileBytes: @unchecked Sendable {
  let buffer: UnsafeBufferPointer<UInt8>
  /// Whether `buffer` is a mapping of the file (else an allocated copy).
  private let isMapped: Bool

  var count: Int { buffer.count }

  /// A copy of `bytes` (tests and callers holding bytes already).
  init(copying bytes: [UInt8]) {
    // One spare byte keeps the base address non-nil for an empty file.
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + 1)
    _ = storage.initialize(from: bytes)
    buffer = UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
    isMapped = false
  }

  private init(mapped base: UnsafeRawPointer, count: Int) {
    buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    isMapped = true
  }

  deinit {
    if isMapped {
      munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress!), buffer.count)
    } else {
      buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
    }
  }

  /// Lets the memory behind `range` go: the readers are done with it. A mapped file's
  /// pages leave the process (reading them again maps them again from the file); a
  /// copy is kept whole.
  func release(_ range: Range<Int>) {
    guard isMapped, let base = buffer.baseAddress else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let lower = (range.lowerBound + page - 1) / page * page
    let upper = range.upperBound / page * page
    guard lower < upper else { return }
    madvise(UnsafeMutableRawPointer(mutating: base + lower), upper - lower, Int32(MADV_DONTNEED))
  }

  func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    try body(buffer)
  }

  /// Where the UTF-8 text of a file starts: after a byte-order mark, if any. (Other
  /// encodings are transcoded before the readers see the file: `TextDecoding`.)
  func textStart(file: String) throws(LoadError) -> Int {
    buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// The bytes of the regular file at `path`; a `.gz` file's inflated contents.
  static func read(_ path: String) throws(LoadError) -> FileBytes {
    let file = try mapped(path)
    guard TableFormat.isGzip(path) else { return file }
    return try GzipFile.inflate(file.buffer, file: path)
  }

  /// The bytes of the regular file at `path`, as they are.
  private static func mapped(_ path: String) throws(LoadError) -> FileBytes {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
      throw LoadError(.unreadableFile, "cannot read the file: \(reason)", file: path)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw LoadError(.unreadableFile, "cannot read the file: it is not a regular file", file: path)
    }
    let size = Int(info.st_size)
    guard size < FieldSpan.maxFileSize else {
      throw LoadError(.badFormat, "the file is larger than 64 GB, which Playloop cannot load", file: path)
    }
    guard size > 0 else { return FileBytes(copying: []) }
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
      throw LoadError(.unreadableFile, "cannot read the file: \(String(cString: strerror(errno)))", file: path)
    }
    return FileBytes(mapped: UnsafeRawPointer(base), count: size)
  }
}
