#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory: the readers work on bytes.
enum FileBytes {
  /// Where the UTF-8 text of a file starts: after a byte-order mark, if any. A UTF-16
  /// file (by its mark) is refused: both readers read UTF-8 only.
  static func textStart(_ bytes: [UInt8], file: String) throws(LoadError) -> Int {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw LoadError(.badFormat, "\(file) is UTF-16; save it as UTF-8 to load it", file: file)
    }
    return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  static func read(_ path: String) throws(LoadError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
      throw LoadError(.unreadableFile, "cannot read \(path): \(reason)", file: path)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw LoadError(.unreadableFile, "cannot read \(path): not a regular file", file: path)
    }
    let size = Int(info.st_size)
    guard size < Int(UInt32.max) else {
      throw LoadError(.badFormat, "\(path) is larger than 4 GB, which Playloop cannot load", file: path)
    }
    // Two halves read at once: copying a large file out of the page cache is itself
    // worth both cores.
    let parts = size < 1 << 24 ? 1 : 2
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      guard let start = buffer.baseAddress else { count = 0; return }
      let base = SharedBuffer(start)
      let errors = Parallel.map(parts) { k in
        let range = (size * k / parts)..<(size * (k + 1) / parts)
        var done = range.lowerBound
        while done < range.upperBound {
          let got = pread(fd, base.base + done, range.upperBound - done, off_t(done))
          if got < 0 && errno == EINTR { continue }
          if got < 0 { return errno }
          if got == 0 { return EIO }  // the file shrank while we read it
          done += got
        }
        return Int32(0)
      }
      failure = errors.first { $0 != 0 } ?? 0
      count = failure == 0 ? size : 0
    }
    if failure != 0 {
      throw LoadError(.unreadableFile, "cannot read \(path): \(String(cString: strerror(failure)))", file: path)
    }
    return bytes
  }
}

