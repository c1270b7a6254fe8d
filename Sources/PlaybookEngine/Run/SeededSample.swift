/// A random but reproducible sample: each item is ranked by the FNV-1a hash of the seed
/// and its key (a customer id), and the lowest ranks are taken. The same seed picks the
/// same customers whatever order the data is in, and a customer picked from a larger set
/// is picked from any part of it that holds them.
public enum SeededSample {
  /// The seed `:sample` uses when none is given, so a sample is the same every time.
  public static let defaultSeed: UInt64 = 1

  /// The positions in `keys` of `count` items chosen by `seed`, in ascending order.
  static func positions(_ count: Int, of keys: [String], seed: UInt64) -> [Int] {
    guard count < keys.count else { return Array(keys.indices) }
    var seedHash = FNV1a()
    withUnsafeBytes(of: seed.littleEndian) { seedHash.combine($0) }
    let ranks = keys.map { key in
      var hash = seedHash
      hash.combine(key.utf8)
      return mixed(hash.value)
    }
    // Ranks are uniform, so the lowest `count` almost surely lie below about twice
    // their expected bound: sort only those (a million customers sort in a blink).
    let share = Double(2 * count + 32) / Double(keys.count)
    let bound = share >= 0.5 ? UInt64.max : UInt64(share * Double(UInt64.max))
    var candidates = keys.indices.filter { ranks[$0] <= bound }
    if candidates.count < count { candidates = Array(keys.indices) }
    return candidates.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.prefix(count).sorted()
  }

  /// MurmurHash3's finaliser: ids that differ in their last character (`C-0041`,
  /// `C-0042`) get ranks that differ in every bit, not just the low ones.
  private static func mixed(_ value: UInt64) -> UInt64 {
    var z = (value ^ (value >> 33)) &* 0xff51_afd7_ed55_8ccd
    z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
    return z ^ (z >> 33)
  }
}
