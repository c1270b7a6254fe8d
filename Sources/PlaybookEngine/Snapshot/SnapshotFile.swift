#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One table's snapshot file (docs/SNAPSHOT.md): a header that says which program wrote
/// it, for which `load` clauses and which bytes of which data file, then sections — the
/// table's description, then its arrays as they lie in memory — each with its length and
/// checksum in the header, and the header's own checksum over all of that.
enum SnapshotFile {
  /// The file's first 8 bytes.
  static let magic: [UInt8] = Array("PLAYSNAP".utf8)
  /// Changes whenever the layout does; a snapshot of another version is rebuilt.
  static let formatVersion: UInt32 = 4
  /// Written as a 32-bit value: read back on a machine of the other byte order, it differs.
  static let byteOrderMark: UInt32 = 0x0102_0304
  /// Sections start at multiples of this, so arrays sit aligned for any element type.
  static let alignment = 64
  /// Where the header's checksum lies; it covers the header but these 8 bytes.
  static let checksumOffset = 32

  /// What a snapshot header records besides its sections.
  struct Header: Sendable {
    var programVersion: String
    var clauses: String
    var sourcePath: String
    var source: SourceIdentity

    /// The snapshot's identity: a hash of the program, the clauses and the data file's
    /// path and identity, which decide every byte of the snapshot. What is built from a
    /// table (its links) names the table's snapshot by it.
    var identity: UInt64 {
      var hash = FNV1a()
      for text in [programVersion, clauses, sourcePath] {
        hash.combine(text.utf8)
        hash.combine(0)
      }
      for word in [
        source.size, UInt64(bitPattern: source.modifiedSeconds), UInt64(bitPattern: source.modifiedNanoseconds),
        source.inode, source.device, source.headChecksum, source.tailChecksum,
      ] {
        withUnsafeBytes(of: word.littleEndian) { hash.combine($0) }
      }
      return hash.value
    }
  }

  /// Why a snapshot was not used.
  enum Unusable: Error {
    case miss(SnapshotMiss)
  }

  // MARK: Writing

  /// Writes `description` and `arrays` as a snapshot at `path`: into a new file beside
  /// it, then renamed over it, so a reader sees the old snapshot or the new one, never
  /// half of one, and runs writing the same snapshot at once do not mix their bytes.
  /// Throws the reason (in words) when the folder cannot be made or written.
  static func store(
    _ header: Header, description: [UInt8], arrays: [SnapshotArray], to path: String
  ) throws(SnapshotWriteProblem) {
    // Each checksum covers its section's padding too, so that every byte of the file is checked.
    let zeros = [UInt8](repeating: 0, count: alignment)
    func checksum(_ bytes: UnsafeRawBufferPointer) -> (length: Int, checksum: UInt64) {
      var checksum = SnapshotChecksum()
      checksum.combine(bytes)
      zeros.withUnsafeBytes { checksum.combine(.init(rebasing: $0[0..<(roundUp(bytes.count) - bytes.count)])) }
      return (bytes.count, checksum.value)
    }
    var sections = [description.withUnsafeBytes(checksum)]
    for array in arrays {
      array.withBytes { sections.append(checksum($0)) }
    }
    var out = SnapshotBytesWriter()
    for byte in magic { out.u8(byte) }
    out.u32(formatVersion)
    out.u32(byteOrderMark)
    let lengthOffset = out.bytes.count
    out.u64(0)
    let headerLengthOffset = out.bytes.count
    out.u32(0)
    out.u32(UInt32(sections.count))
    out.u64(0)
    out.text(header.programVersion)
    out.text(header.clauses)
    out.text(header.sourcePath)
    let source = header.source
    out.u64(source.size)
    out.i64(source.modifiedSeconds)
    out.i64(source.modifiedNanoseconds)
    out.u64(source.inode)
    out.u64(source.device)
    out.u64(source.headChecksum)
    out.u64(source.tailChecksum)
    let tableOffset = out.bytes.count
    let tableEnd = tableOffset + sections.count * 24
    var offset = roundUp(tableEnd)
    for section in sections {
      out.u64(UInt64(offset))
      out.u64(UInt64(section.length))
      out.u64(section.checksum)
      offset = roundUp(offset + section.length)
    }
    out.pad(to: alignment)
    let headerLength = out.bytes.count
    var bytes = out.bytes
    withUnsafeBytes(of: UInt64(offset).littleEndian) {
      bytes.replaceSubrange(lengthOffset..<lengthOffset + 8, with: $0)
    }
    var patched = SnapshotBytesWriter()
    patched.u32(UInt32(headerLength))
    bytes.replaceSubrange(headerLengthOffset..<headerLengthOffset + 4, with: patched.bytes)
    let checksum = headerChecksum(bytes.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[0..<headerLength]) })
    withUnsafeBytes(of: checksum.littleEndian) {
      bytes.replaceSubrange(checksumOffset..<checksumOffset + 8, with: $0)
    }

    let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    try makeFolder(folder)
    let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw SnapshotWriteProblem(cannot: "write to", folder) }
    var written = true
    func put(_ chunk: UnsafeRawBufferPointer) {
      var rest = chunk
      while written, !rest.isEmpty {
        let count = write(fd, rest.baseAddress, rest.count)
        if count <= 0 { written = false } else { rest = UnsafeRawBufferPointer(rebasing: rest[count...]) }
      }
    }
    func padding(after length: Int) {
      zeros.withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[0..<(roundUp(length) - length)])) }
    }
    bytes.withUnsafeBytes { put($0) }
    description.withUnsafeBytes { put($0) }
    padding(after: description.count)
    for array in arrays {
      array.withBytes {
        put($0)
        padding(after: $0.count)
      }
    }
    let problem = written ? nil : String(cString: strerror(errno))
    close(fd)
    guard written, rename(temporary, path) == 0 else {
      let reason = problem ?? String(cString: strerror(errno))
      unlink(temporary)
      throw SnapshotWriteProblem(message: "cannot write \(path): \(reason)")
    }
  }

  /// Makes `folder` and the folders above it, as `mkdir -p` does.
  private static func makeFolder(_ folder: String) throws(SnapshotWriteProblem) {
    guard !folder.isEmpty else { return }
    var info = stat()
    if stat(folder, &info) == 0 { return }
    try makeFolder(String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]))
    guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw SnapshotWriteProblem(cannot: "make", folder) }
  }

  private static func roundUp(_ offset: Int) -> Int { (offset + alignment - 1) / alignment * alignment }

  /// The checksum of a header: every byte but the checksum's own eight.
  static func headerChecksum(_ header: UnsafeRawBufferPointer) -> UInt64 {
    var checksum = SnapshotChecksum()
    checksum.combine(UnsafeRawBufferPointer(rebasing: header[0..<checksumOffset]))
    checksum.combine(UnsafeRawBufferPointer(rebasing: header[(checksumOffset + 8)...]))
    return checksum.value
  }

  // MARK: Reading

  /// The snapshot at `path`, mapped, once its header proves it was written by
  /// `programVersion` for `clauses` from the bytes `source` now holds; throws why not.
  static func map(_ path: String, programVersion: String, clauses: String, source: SourceIdentity, sourcePath: String)
    throws(Unusable) -> MappedSnapshot
  {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .miss(.missing) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size >= 64 else { throw .miss(.damaged) }
    let size = Int(info.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
      throw .miss(.damaged)
    }
    let mapped = MappedSnapshot(base: UnsafeRawPointer(base), count: size)
    let header = try mapped.readHeader()
    guard header.programVersion == programVersion else { throw .miss(.otherVersion) }
    guard header.clauses == clauses, header.sourcePath == sourcePath else { throw .miss(.missing) }
    switch header.source.match(source, path: sourcePath) {
    case .same: return mapped
    case .appended: throw .miss(.appended)
    case .changed: throw .miss(.changed)
    }
  }
}

/// Why a snapshot could not be written, in words for a warning.
struct SnapshotWriteProblem: Error {
  var message: String

  init(message: String) { self.message = message }

  init(cannot verb: String, _ folder: String) {
    message = "cannot \(verb) the cache folder \(folder): \(String(cString: strerror(errno)))"
  }
}

/// A snapshot file mapped read-only, its sections checked and copied out on demand.
/// Unchecked: the mapping is only read, and let go when the last reference goes.
final class MappedSnapshot: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  /// Each section's place and checksum, from the header.
  private(set) var sections: [(range: Range<Int>, checksum: UInt64)] = []
  /// The snapshot's identity (`SnapshotFile.Header.identity`), once the header is read.
  private(set) var id: UInt64 = 0

  init(base: UnsafeRawPointer, count: Int) {
    bytes = UnsafeRawBufferPointer(start: base, count: count)
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress!), bytes.count) }

  /// The header, once its magic, version, byte order, length and checksum hold.
  fileprivate func readHeader() throws(SnapshotFile.Unusable) -> SnapshotFile.Header {
    do {
      var reader = SnapshotBytesReader(bytes)
      for byte in SnapshotFile.magic where try reader.u8() != byte { throw SnapshotFile.Unusable.miss(.damaged) }
      guard try reader.u32() == SnapshotFile.formatVersion else { throw SnapshotFile.Unusable.miss(.otherVersion) }
      guard try reader.u32() == SnapshotFile.byteOrderMark else { throw SnapshotFile.Unusable.miss(.otherVersion) }
      guard try reader.u64() == UInt64(bytes.count) else { throw SnapshotFile.Unusable.miss(.damaged) }
      let headerLength = Int(try reader.u32())
      let count = Int(try reader.u32())
      let checksum = try reader.u64()
      guard headerLength <= bytes.count, headerLength > SnapshotFile.checksumOffset + 8 else {
        throw SnapshotFile.Unusable.miss(.damaged)
      }
      let header = UnsafeRawBufferPointer(rebasing: bytes[0..<headerLength])
      guard SnapshotFile.headerChecksum(header) == checksum else { throw SnapshotFile.Unusable.miss(.damaged) }
      reader = SnapshotBytesReader(header, at: reader.offset)
      let programVersion = try reader.text()
      let clauses = try reader.text()
      let sourcePath = try reader.text()
      let source = SourceIdentity(
        size: try reader.u64(), modifiedSeconds: try reader.i64(), modifiedNanoseconds: try reader.i64(),
        inode: try reader.u64(), device: try reader.u64(), headChecksum: try reader.u64(),
        tailChecksum: try reader.u64())
      for _ in 0..<count {
        let offset = try reader.u64()
        let length = try reader.u64()
        let checksum = try reader.u64()
        guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else {
          throw SnapshotFile.Unusable.miss(.damaged)
        }
        sections.append((Int(offset)..<Int(offset + length), checksum))
      }
      let read = SnapshotFile.Header(
        programVersion: programVersion, clauses: clauses, sourcePath: sourcePath, source: source)
      id = read.identity
      return read
    } catch let error as SnapshotFile.Unusable {
      throw error
    } catch {
      throw .miss(.damaged)
    }
  }

  /// A section with the zeros after it, up to the next multiple of the alignment (or the end).
  private func padded(_ range: Range<Int>) -> UnsafeRawBufferPointer {
    let alignment = SnapshotFile.alignment
    let end = min((range.upperBound + alignment - 1) / alignment * alignment, bytes.count)
    return UnsafeRawBufferPointer(rebasing: bytes[range.lowerBound..<end])
  }

  /// Section `index`'s bytes, once its checksum holds (for the table's description).
  func section(_ index: Int) throws(SnapshotDamage) -> UnsafeRawBufferPointer {
    guard index < sections.count else { throw SnapshotDamage() }
    let (range, checksum) = sections[index]
    guard SnapshotChecksum.of(padded(range)) == checksum else { throw SnapshotDamage() }
    return UnsafeRawBufferPointer(rebasing: bytes[range])
  }

  /// Section `index` as an array of `T`, read in place: the mapping is the array's
  /// storage, kept while any column uses it. Its checksum is taken first, over every
  /// byte (a damaged section is never read); then the pages are let go, so that only
  /// those the run reads again are counted in the process's memory (they stay in the
  /// page cache, and reading them maps them again).
  func array<T: BitwiseCopyable>(_ index: Int, of type: T.Type) throws(SnapshotDamage) -> ColumnArray<T> {
    guard index < sections.count else { throw SnapshotDamage() }
    let (range, checksum) = sections[index]
    let stride = MemoryLayout<T>.stride
    let checked = padded(range)
    guard range.count % stride == 0, range.lowerBound % MemoryLayout<T>.alignment == 0,
      SnapshotChecksum.of(checked) == checksum
    else { throw SnapshotDamage() }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let first = range.lowerBound / page * page
    if let base = bytes.baseAddress, checked.count > 0 {
      // The mapping is private and never written: dropping its pages loses nothing.
      madvise(UnsafeMutableRawPointer(mutating: base + first), range.lowerBound + checked.count - first, MADV_DONTNEED)
    }
    let values = UnsafeRawBufferPointer(rebasing: bytes[range]).assumingMemoryBound(to: T.self)
    return ColumnArray(borrowing: values, from: self)
  }
}
