/// The snapshot's header and table description as bytes: little-endian integers, and
/// texts as a 32-bit length and their UTF-8 bytes.
struct SnapshotBytesWriter {
  private(set) var bytes: [UInt8] = []

  mutating func u8(_ value: UInt8) { bytes.append(value) }
  mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
  mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
  mutating func int(_ value: Int) { i64(Int64(value)) }

  mutating func text(_ value: String) {
    let utf8 = Array(value.utf8)
    u32(UInt32(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  /// A flag byte, then the text when there is one.
  mutating func text(_ value: String?) {
    u8(value == nil ? 0 : 1)
    if let value { text(value) }
  }

  mutating func int(_ value: Int?) {
    u8(value == nil ? 0 : 1)
    if let value { int(value) }
  }

  /// A row set aside: table, file, line, reason, hint and customer.
  mutating func row(_ row: SetAsideRow) {
    text(row.table)
    text(row.file)
    int(row.line)
    text(row.reason)
    text(row.hint)
    text(row.customer)
  }

  /// Pads with zeros to a multiple of `alignment` bytes.
  mutating func pad(to alignment: Int) {
    while bytes.count % alignment != 0 { bytes.append(0) }
  }

  /// Overwrites the 32-bit value at `offset` (a length or checksum known only later).
  mutating func patch(_ value: UInt32, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
  }
}

/// A snapshot that cannot be trusted: shorter than it says, or a value out of range.
/// Never shown: the snapshot is rebuilt from the data file.
struct SnapshotDamage: Error {}

/// Reads what `SnapshotBytesWriter` wrote, refusing to read past the end.
struct SnapshotBytesReader {
  let bytes: UnsafeRawBufferPointer
  var offset = 0

  init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  private mutating func take(_ count: Int) throws(SnapshotDamage) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - offset else { throw SnapshotDamage() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  mutating func u8() throws(SnapshotDamage) -> UInt8 { try take(1)[0] }
  mutating func u32() throws(SnapshotDamage) -> UInt32 {
    UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self))
  }
  mutating func u64() throws(SnapshotDamage) -> UInt64 {
    UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
  }
  mutating func i64() throws(SnapshotDamage) -> Int64 { Int64(bitPattern: try u64()) }
  mutating func int() throws(SnapshotDamage) -> Int { Int(try i64()) }

  /// A count of things that follow: never more than the bytes left could hold.
  mutating func count() throws(SnapshotDamage) -> Int {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw SnapshotDamage() }
    return count
  }

  mutating func text() throws(SnapshotDamage) -> String {
    let count = Int(try u32())
    return String(decoding: try take(count), as: UTF8.self)
  }

  /// A row set aside, as `SnapshotBytesWriter.row` wrote it.
  mutating func row() throws(SnapshotDamage) -> SetAsideRow {
    SetAsideRow(
      table: try text(), file: try text(), line: try int(), reason: try text(), hint: try optionalText(),
      customer: try optionalText())
  }

  mutating func optionalText() throws(SnapshotDamage) -> String? {
    try flag() ? try text() : nil
  }

  mutating func optionalInt() throws(SnapshotDamage) -> Int? {
    try flag() ? try int() : nil
  }

  private mutating func flag() throws(SnapshotDamage) -> Bool {
    switch try u8() {
    case 0: false
    case 1: true
    default: throw SnapshotDamage()
    }
  }
}
