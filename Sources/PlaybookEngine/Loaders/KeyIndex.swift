/// Customer key bytes → customer number, as an open-addressing hash table over the key
/// column's own bytes: linking millions of event rows hashes bytes, not `String`s.
struct KeyIndex: Sendable {
  let keys: TextColumn
  private var slots: [Int32]
  private let mask: Int

  /// The index of `keys`, or the first row whose key repeats an earlier one (and that
  /// earlier row).
  static func build(_ keys: TextColumn) -> Result<KeyIndex, Duplicate> {
    var capacity = 16
    while capacity < keys.count * 2 { capacity <<= 1 }
    var index = KeyIndex(keys: keys, slots: Array(repeating: -1, count: capacity), mask: capacity - 1)
    for row in 0..<keys.count {
      let earlier: Int? = keys.withUTF8(row) { key in
        var slot = Self.hash(key) & index.mask
        while index.slots[slot] >= 0 {
          let other = Int(index.slots[slot])
          if keys.withUTF8(other, { $0.elementsEqual(key) }) { return other }
          slot = (slot + 1) & index.mask
        }
        index.slots[slot] = Int32(row)
        return nil
      }
      if let earlier { return .failure(Duplicate(row: row, earlierRow: earlier)) }
    }
    return .success(index)
  }

  struct Duplicate: Error {
    var row: Int
    var earlierRow: Int
  }

  private init(keys: TextColumn, slots: [Int32], mask: Int) {
    self.keys = keys
    self.slots = slots
    self.mask = mask
  }

  /// The customer number of `key`, or -1.
  func number(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
    var slot = Self.hash(key) & mask
    while true {
      let row = slots[slot]
      if row < 0 || keys.withUTF8(Int(row), { $0.elementsEqual(key) }) { return row }
      slot = (slot + 1) & mask
    }
  }

  /// FNV-1a, 64-bit.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }
}
