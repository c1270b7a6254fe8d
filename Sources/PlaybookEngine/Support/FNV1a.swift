/// FNV-1a, 64-bit: the one stable hash Playloop documents and stores (holdout buckets,
/// the ledger's fingerprints) and the key index's hash. Stable across runs, platforms
/// and Swift versions, unlike `Hasher`, which is seeded per process.
public struct FNV1a: Sendable {
  @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The hash so far: the offset basis before any byte.
  public var value: UInt64 { state }

  /// A hash of no bytes yet.
  public init() {}

  /// Adds one byte to the hash.
  @inlinable @inline(__always)
  public mutating func combine(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// Adds bytes to the hash, in order.
  @inlinable @inline(__always)
  public mutating func combine(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { combine(byte) }
  }

  /// The hash of `bytes`.
  @inlinable
  public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = FNV1a()
    hash.combine(bytes)
    return hash.value
  }
}
