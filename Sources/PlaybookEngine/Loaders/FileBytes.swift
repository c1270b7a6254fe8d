#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory with one `read` loop: the readers work on bytes.
enum FileBytes {
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
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var done = 0
      while done < size {
        let got = systemRead(fd, buffer.baseAddress! + done, size - done)
        if got <= 0 { if got < 0 && errno == EINTR { continue }; failed = got < 0; break }
        done += got
      }
      count = done
    }
    if failed {
      throw LoadError(.unreadableFile, "cannot read \(path): \(String(cString: strerror(errno)))", file: path)
    }
    return bytes
  }
}

#if canImport(Glibc)
  private let systemRead = Glibc.read
#else
  private let systemRead = Darwin.read
#endif
