#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one order of text wherever an order decides something (trigger ids, offer codes,
/// rule names, customer ids, channels; docs/LANGUAGE.md, "Evaluation in detail"): UTF-8
/// byte order, which is code point order. Never `String`'s `<` or `==`: they compare by
/// canonical equivalence, so `é` as one code point and `e` with a combining accent would
/// be one text, and a database sorting bytes (`COLLATE "C"`) would order them otherwise.
public enum ByteOrder {
  /// Negative, zero or positive as `a` precedes, equals or follows `b` byte by byte.
  @inline(__always)
  public static func sign(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    // Keys of one width (`T-0000001`, checked for order row after row, and customer ids
    // sorted for the export) are compared as two big-endian words, overlapping, without
    // a call: when the first words are equal, the first byte that differs lies in the last.
    if a.count == b.count, common >= 8, common <= 16 {
      let (x, y) = (UnsafeRawPointer(a.baseAddress!), UnsafeRawPointer(b.baseAddress!))
      let (p, q) = (x.loadUnaligned(as: UInt64.self).bigEndian, y.loadUnaligned(as: UInt64.self).bigEndian)
      if p != q { return p < q ? -1 : 1 }
      let (r, s) = (
        x.loadUnaligned(fromByteOffset: common &- 8, as: UInt64.self).bigEndian,
        y.loadUnaligned(fromByteOffset: common &- 8, as: UInt64.self).bigEndian
      )
      return r == s ? 0 : r < s ? -1 : 1
    }
    let sign = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
    return sign != 0 ? Int(sign) : a.count - b.count
  }

  /// nil when the bytes of `a` and `b` are equal, else whether `a` precedes `b`.
  public static func compare(_ a: String, _ b: String) -> Bool? {
    var a = a
    var b = b
    let order = a.withUTF8 { x in b.withUTF8 { y in sign(x, y) } }
    return order == 0 ? nil : order < 0
  }

  /// Whether `a` precedes `b` byte by byte.
  public static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) ?? false }

  /// Whether `a` and `b` have the same UTF-8 bytes. `==` (quick for the same or plainly
  /// different strings) rules out most pairs first.
  public static func same(_ a: String, _ b: String) -> Bool {
    a == b && compare(a, b) == nil
  }
}
