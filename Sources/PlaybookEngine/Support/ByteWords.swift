/// Tests on eight bytes at once, so the readers skip runs of ordinary text a word at a
/// time. Masks have the high bit of each byte that matches set, exactly (no false
/// positives), so the first match is at `mask.trailingZeroBitCount / 8`.
enum ByteWords {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The bytes of `w` that are zero.
  @inline(__always) static func zeros(_ w: UInt64) -> UInt64 {
    ~(((w & lows) &+ lows) | w | lows)
  }

  /// The bytes of `w` equal to `byte`.
  @inline(__always) static func matches(_ w: UInt64, _ byte: UInt8) -> UInt64 {
    zeros(w ^ (ones &* UInt64(byte)))
  }

  /// The bytes of `w` below `limit` (at most 128).
  @inline(__always) static func below(_ w: UInt64, _ limit: UInt8) -> UInt64 {
    // Bytes with the high bit set are not below; for the rest, adding 128 − limit sets
    // the high bit exactly when the byte is at least `limit`.
    ~(((w & lows) &+ ones &* UInt64(128 &- limit)) | w) & highs
  }

  /// Whether any byte has its high bit set (is not ASCII).
  @inline(__always) static func hasHigh(_ w: UInt64) -> Bool { w & highs != 0 }

  /// The bytes of `w` before byte `count` (0–8), the rest zeroed.
  @inline(__always) static func prefix(_ w: UInt64, _ count: Int) -> UInt64 {
    count >= 8 ? w : w & ((1 &<< UInt64(count &* 8)) &- 1)
  }

  /// The eight bytes at `i`, which must all be in bounds.
  @inline(__always) static func load(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
    UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
  }

  /// The sixteen bytes at `i`, which must all be in bounds.
  @inline(__always) static func vector(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> SIMD16<UInt8> {
    UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: SIMD16<UInt8>.self)
  }

  /// The high bits of `v`'s 16 bytes as 16 bits, byte 0 lowest. (The standard library
  /// has no vector-to-bits operation: each half's high bits are gathered by one
  /// multiply, which lands the high bit of byte i at bit 56 + i.)
  @inline(__always) static func highBits(_ v: SIMD16<UInt8>) -> UInt64 {
    let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
    @inline(__always) func gather(_ w: UInt64) -> UInt64 { ((w & highs) &* 0x0002_0408_1020_4081) &>> 56 }
    return gather(words[0]) | gather(words[1]) &<< 8
  }

  /// The bytes where `mask` holds, as 16 bits, byte 0 lowest.
  @inline(__always) static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt64 {
    highBits(unsafeBitCast(mask, to: SIMD16<UInt8>.self))
  }
}
