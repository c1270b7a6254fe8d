import CZlib

/// The checksum snapshots use, for their sections and header and for the blocks that
/// identify a data file: zlib's CRC-32, which runs at several gigabytes a second and
/// catches every burst of damage up to 32 bits.
enum SnapshotChecksum {
  /// The CRC-32 of `bytes`.
  static func of(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
    var crc = UInt(crc)
    var rest = bytes
    // zlib takes a 32-bit length.
    while !rest.isEmpty {
      let count = min(rest.count, 1 << 30)
      crc = crc32(crc, rest.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(count))
      rest = UnsafeRawBufferPointer(rebasing: rest[count...])
    }
    return UInt32(truncatingIfNeeded: crc)
  }
}
