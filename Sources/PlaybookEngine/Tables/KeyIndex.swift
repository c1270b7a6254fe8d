/// Customer key bytes → customer number, as an open-addressing hash table. Each slot
/// holds a key's first 16 bytes and length beside its row, so linking an event row
/// usually touches one slot and never builds a `String`; longer keys are confirmed
/// against the key column. Keys numbered densely (`DenseKeys`: most exports' ids) need
/// no table: their numbers place them.
struct KeyIndex: Sendable {
  /// A key's row (-1 for an empty slot), its length and its first 16 bytes.
  struct Slot {
    var row: Int32 = -1
    var length: Int32 = 0
    var head: (UInt64, UInt64) = (0, 0)
  }

  let keys: TextColumn
  /// A power of two of them, at least one and a half per key (kept in a snapshot's `.keys`
  /// file); none when the keys are dense, which then answer every lookup.
  let slots: ColumnArray<Slot>
  private var mask: Int { slots.count - 1 }
  /// The keys numbered densely, when they are (`build`): every lookup reads them. An
  /// index with slots has keys that are not (only those are hashed and kept in a file).
  let dense: DenseKeys?

  /// The index of `keys` over `slots` as `build` made them (read back from a snapshot);
  /// nil when they cannot be: not a power of two, or a row that is not one of `keys`.
  init?(keys: TextColumn, slots: ColumnArray<Slot>) {
    guard slots.count >= 16, slots.count & (slots.count - 1) == 0,
      slots.allSatisfy({ $0.row >= -1 && Int($0.row) < keys.count })
    else { return nil }
    self.keys = keys
    self.slots = slots
    dense = nil
  }

  private init(builtFrom keys: TextColumn, slots: [Slot]) {
    self.keys = keys
    self.slots = ColumnArray(slots)
    dense = nil
  }

  private init(keys: TextColumn, dense: DenseKeys) {
    self.keys = keys
    self.slots = ColumnArray()
    self.dense = dense
  }

  /// Whether the index is its keys' dense numbering alone, with no hash table (`slots`).
  var isDenseOnly: Bool { slots.isEmpty }

  /// The index of `keys`, each key at its first row, and every later row whose key
  /// repeats an earlier one (with that first row), in row order. Dense keys are numbered
  /// (one pass, reading each key once) instead of hashed: at a million customers the
  /// table's build was 90 ms of one core, waiting on 48 MB of slots at random, with
  /// `hashed` a hash table always (for tests to hold the numbering against).
  static func build(_ keys: TextColumn, hashed: Bool = false) -> (index: KeyIndex, duplicates: [Duplicate]) {
    if !hashed, let (dense, duplicates) = DenseKeys.numbering(keys) {
      return (KeyIndex(keys: keys, dense: dense), duplicates)
    }
    var capacity = 16
    while capacity < keys.count + keys.count / 2 { capacity <<= 1 }
    let mask = capacity - 1
    var slots = [Slot](repeating: Slot(), count: capacity)
    // Keys go in a batch at a time, in the passes `numbers` makes; a slot read empty is
    // taken at once if no key of the batch took it since.
    let batch = 32
    var duplicates: [Duplicate] = []
    slots.withUnsafeMutableBufferPointer { slots in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: batch) { places in
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: batch) { firsts in
          var start = 0
          while start < keys.count {
            let end = min(start + batch, keys.count)
            for row in start..<end { places[row - start] = keys.withUTF8(row) { Self.hash($0) } & mask }
            for i in 0..<(end - start) { firsts[i] = slots[places[i]] }
            for row in start..<end {
              let earlier: Int32 = keys.withUTF8(row) { key in
                let slot = places[row - start]
                let found =
                  firsts[row - start].row < 0 && slots[slot].row < 0
                  ? (row: -1, slot: slot) : Self.find(key, from: slot, in: UnsafeBufferPointer(slots), keys: keys)
                if found.row >= 0 { return found.row }
                slots[found.slot] = Slot(row: Int32(row), length: Int32(key.count), head: Self.head(key))
                return -1
              }
              if earlier >= 0 { duplicates.append(Duplicate(row: row, earlierRow: Int(earlier))) }
            }
            start = end
          }
        }
      }
    }
    return (KeyIndex(builtFrom: keys, slots: slots), duplicates)
  }

  /// A row whose key repeats the one of `earlierRow`, the first row with that key.
  struct Duplicate: Equatable {
    var row: Int
    var earlierRow: Int
  }

  /// The customer number of `key`, or -1.
  func number(of key: UnsafeBufferPointer<UInt8>) -> Int32 { find(key).row }

  /// The customer number of the key in each of `rows` of `column` (-1 for none, and for
  /// an empty key), written into `numbers` (one element per row, uninitialized or not).
  /// With dense keys, each key's number is its place. Otherwise keys are looked up a
  /// batch at a time in three passes: hash them all, then read
  /// their first slots in a loop that does nothing else, then compare. A large index
  /// lives in main memory; with the hashing out of the way, the batch's reads wait for
  /// it side by side instead of one after another (the hashing between them had filled
  /// the processor's window of work it can run ahead).
  func numbers(of column: TextColumn, rows: Range<Int>, into numbers: UnsafeMutableBufferPointer<Int32>) {
    if let dense {
      let text = TextColumn.Pointers(column)
      withExtendedLifetime(column) { dense.rows(of: text, rows: rows, into: numbers) }
      return
    }
    let batch = 32
    numbers.initialize(repeating: -1)
    column.bytes.withUnsafeBufferPointer { all in
      slots.withUnsafeBufferPointer { slots in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: batch) { places in
          withUnsafeTemporaryAllocation(of: Slot.self, capacity: batch) { firsts in
            var start = rows.lowerBound
            while start < rows.upperBound {
              let end = min(start + batch, rows.upperBound)
              for row in start..<end {
                places[row - start] =
                  Self.hash(UnsafeBufferPointer(rebasing: all[column.start(row)..<column.end(row)])) & mask
              }
              for i in 0..<(end - start) { firsts[i] = slots[places[i]] }
              for row in start..<end {
                let key = UnsafeBufferPointer(rebasing: all[column.start(row)..<column.end(row)])
                guard !key.isEmpty else { continue }
                let first = firsts[row - start]
                numbers[row - rows.lowerBound] =
                  Self.holds(first, key, Self.head(key), keys) ? first.row : find(key, from: places[row - start]).row
              }
              start = end
            }
          }
        }
      }
    }
  }

  /// The row holding `key` (or -1) and the slot where the search stopped.
  @inline(__always)
  private func find(_ key: UnsafeBufferPointer<UInt8>) -> (row: Int32, slot: Int) {
    if isDenseOnly, let dense { return (dense.row(of: key), -1) }
    return find(key, from: Self.hash(key) & mask)
  }

  /// `find`, probing from `slot` on.
  @inline(__always)
  private func find(_ key: UnsafeBufferPointer<UInt8>, from slot: Int) -> (row: Int32, slot: Int) {
    slots.withUnsafeBufferPointer { Self.find(key, from: slot, in: $0, keys: keys) }
  }

  /// `find` in `slots` (of `keys`), while they are being built too.
  @inline(__always)
  private static func find(
    _ key: UnsafeBufferPointer<UInt8>, from slot: Int, in slots: UnsafeBufferPointer<Slot>, keys: TextColumn
  ) -> (row: Int32, slot: Int) {
    let head = Self.head(key)
    let mask = slots.count - 1
    var slot = slot
    while true {
      let s = slots[slot]
      if s.row < 0 { return (-1, slot) }
      if Self.holds(s, key, head, keys) { return (s.row, slot) }
      slot = (slot + 1) & mask
    }
  }

  /// Whether slot `s` holds `key` (whose first 16 bytes are `head`).
  @inline(__always)
  private static func holds(_ s: Slot, _ key: UnsafeBufferPointer<UInt8>, _ head: (UInt64, UInt64), _ keys: TextColumn)
    -> Bool
  {
    s.row >= 0 && s.length == key.count && s.head == head
      && (key.count <= 16 || keys.withUTF8(Int(s.row)) { $0.elementsEqual(key) })
  }

  /// The first 16 bytes, zero-padded, as two words.
  @inline(__always)
  private static func head(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { out in
      out.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(key).prefix(16)))
    }
    return words
  }

  /// FNV-1a, 64-bit, folded so the table's low bits see every byte.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    let h = FNV1a.hash(key)
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }
}
