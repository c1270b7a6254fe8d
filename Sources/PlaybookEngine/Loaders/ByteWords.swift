/// Tests on eight bytes at once, so the readers skip runs of ordinary text a word at a
/// time (the classic "has a zero byte" bit trick: exact, no false answers for "any").
enum ByteWords {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether any byte of `w` is zero.
  @inline(__always) static func hasZero(_ w: UInt64) -> Bool {
    (w &- ones) & ~w & highs != 0
  }

  /// Whether any byte of `w` equals `byte`.
  @inline(__always) static func has(_ w: UInt64, _ byte: UInt8) -> Bool {
    hasZero(w ^ (ones &* UInt64(byte)))
  }

  /// Whether any byte of `w` is below `limit` (at most 128).
  @inline(__always) static func hasBelow(_ w: UInt64, _ limit: UInt8) -> Bool {
    (w &- ones &* UInt64(limit)) & ~w & highs != 0
  }

  /// Whether any byte has its high bit set (is not ASCII).
  @inline(__always) static func hasHigh(_ w: UInt64) -> Bool { w & highs != 0 }

  /// The eight bytes at `i`, which must all be in bounds.
  @inline(__always) static func load(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
    UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
  }
}
