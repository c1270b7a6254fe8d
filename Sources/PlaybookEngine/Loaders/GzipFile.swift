import CZlib

/// A `.gz` file's contents, inflated in memory by zlib. Concatenated gzip members (as
/// `cat a.gz b.gz` makes) read as one file, as `gunzip` reads them.
enum GzipFile {
  /// Most bytes a file may inflate to: spans address a file with 36 bits.
  static let maxInflated = FieldSpan.maxFileSize - 1

  /// The inflated bytes of `compressed`, the contents of `file`.
  static func inflate(_ compressed: UnsafeBufferPointer<UInt8>, file: String) throws(LoadError) -> FileBytes {
    var stream = z_stream()
    guard cz_inflate_init(&stream) == Z_OK else {
      throw LoadError(.unreadableFile, "cannot read the file: zlib could not start", file: file)
    }
    defer { inflateEnd(&stream) }
    guard let base = compressed.baseAddress, !compressed.isEmpty else {
      throw LoadError(.badFormat, "the gzip file is empty", file: file)
    }
    stream.next_in = UnsafeMutablePointer(mutating: base)
    stream.avail_in = UInt32(compressed.count)
    var out: [UInt8] = []
    out.reserveCapacity(min(compressed.count * 4, maxInflated))
    let step = 1 << 18
    while true {
      let before = out.count
      out.append(contentsOf: repeatElement(0, count: step))
      let status = out.withUnsafeMutableBufferPointer { buffer in
        stream.next_out = buffer.baseAddress! + before
        stream.avail_out = UInt32(step)
        return CZlib.inflate(&stream, Z_NO_FLUSH)
      }
      out.removeLast(Int(stream.avail_out))
      guard out.count <= maxInflated else {
        throw LoadError(.badFormat, "the file inflates to more than 64 GB, which Playloop cannot load", file: file)
      }
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        // Another member may follow; zero bytes after the last (padding) are ignored.
        let rest = UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
        guard rest.contains(where: { $0 != 0 }) else { return FileBytes(copying: out) }
        inflateReset(&stream)
      case Z_BUF_ERROR:
        throw LoadError(.badFormat, "the gzip file is cut short (truncated?)", file: file)
      default:
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw LoadError(.badFormat, "the file is not valid gzip: \(reason)", file: file)
      }
    }
  }
}
