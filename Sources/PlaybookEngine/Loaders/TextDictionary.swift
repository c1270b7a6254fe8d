#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Distinct text values, each kept once and numbered in the order first met: how a
/// loaded text column of few distinct values is stored (`TextColumn.codes`). The values'
/// bytes lie end to end in a buffer the caller owns and writes: each candidate value is
/// written just past the kept ones and either kept (a new value) or written over by the
/// next (an equal value was kept before), so a value is copied once either way.
final class TextDictionary {
  /// Where each kept value ends in the caller's buffer: `count` of `endCapacity`.
  private var endsBuffer: UnsafeMutablePointer<UInt32>
  private var endCapacity = 1024
  /// The number of distinct values kept.
  private(set) var count = 0
  /// Open addressing over the kept values: 0 is an empty slot, else a value's number + 1
  /// in the low 32 bits and its hash above, so a probe compares bytes only when the
  /// hashes agree, and growing never hashes a value again. (Pointers, not arrays: this
  /// is the loader's innermost loop, once per text value.)
  private var slots: UnsafeMutablePointer<UInt64>
  private var mask = 2047
  /// The number + 1 of the value last found or kept with each first byte and length
  /// (mixed into 256 places; 0 where none): a column worth a dictionary mostly repeats
  /// a few short values (kinds, tiers, channels), and one of up to 16 bytes found here
  /// is compared once, a word or two at a time, not hashed first.
  private let recent: UnsafeMutablePointer<UInt32>

  init() {
    endsBuffer = .allocate(capacity: endCapacity)
    slots = .allocate(capacity: mask + 1)
    slots.initialize(repeating: 0, count: mask + 1)
    recent = .allocate(capacity: 256)
    recent.initialize(repeating: 0, count: 256)
  }

  deinit {
    endsBuffer.deallocate()
    slots.deallocate()
    recent.deallocate()
  }

  /// Where each kept value ends.
  var ends: [UInt32] { Array(UnsafeBufferPointer(start: endsBuffer, count: count)) }

  /// The rows a chunk must have for its text to be kept as a dictionary: fewer cannot
  /// tell a column of few values from one of many.
  static let minimumRows = 1024

  /// The number of the `length` bytes at `value`, read where they lie: an equal kept
  /// value's, or a new number, the value then copied to `text + at`, just past the kept
  /// values (the caller moves its next write past it). A repeated value, the usual case
  /// in a column worth a dictionary, is never copied.
  @inline(__always)
  func number(
    of value: UnsafePointer<UInt8>, length: Int, keepingAt at: Int, in text: UnsafeMutablePointer<UInt8>
  ) -> (number: UInt32, isNew: Bool) {
    let place = length == 0 ? 0 : Int(truncatingIfNeeded: (UInt(value[0]) &* 31 &+ UInt(bitPattern: length)) & 255)
    let hint = Int(recent[place]) &- 1
    if hint >= 0, length <= 16 {
      let (lower, upper) = bounds(hint)
      if upper &- lower == length, Self.same(text + lower, value, length) { return (UInt32(hint), false) }
    }
    let hash = Self.hash(value, length)
    var slot = Int(hash) & mask
    while true {
      let s = slots[slot]
      if s == 0 { break }
      if UInt32(truncatingIfNeeded: s >> 32) == hash {
        let v = Int(UInt32(truncatingIfNeeded: s)) &- 1
        let (lower, upper) = bounds(v)
        if upper &- lower == length, Self.same(text + lower, value, length) {
          recent[place] = UInt32(v + 1)
          return (UInt32(v), false)
        }
      }
      slot = (slot &+ 1) & mask
    }
    // The value may already be there (written out with its escapes undone).
    if value != text + at { (text + at).update(from: value, count: length) }
    let number = UInt32(count)
    if count == endCapacity { growEnds() }
    endsBuffer[count] = UInt32(at + length)
    count += 1
    slots[slot] = UInt64(hash) << 32 | UInt64(number + 1)
    recent[place] = number + 1
    if count * 2 > mask { growSlots() }
    return (number, true)
  }

  /// Whether the `length` bytes at `a` and `b` are the same. Values up to 16 bytes (most
  /// of a dictionary's: kinds, channels, tiers) are compared a word or two at a time,
  /// overlapping, without a call.
  @inline(__always)
  static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    if length > 16 { return memcmp(x, y, length) == 0 }
    if length >= 8 {
      return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
        && x.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
          == y.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
    }
    if length >= 4 {
      return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
        && x.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
          == y.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
    }
    // Bytes 0, length / 2 and length - 1 are every byte of a value under 4 bytes.
    return length == 0 || (a[0] == b[0] && a[length >> 1] == b[length >> 1] && a[length &- 1] == b[length &- 1])
  }

  private func growEnds() {
    let wider = UnsafeMutablePointer<UInt32>.allocate(capacity: endCapacity * 2)
    wider.moveInitialize(from: endsBuffer, count: count)
    endsBuffer.deallocate()
    endsBuffer = wider
    endCapacity *= 2
  }

  /// Twice the slots, every kept value placed again by its stored hash.
  private func growSlots() {
    let old = slots
    let oldCount = mask + 1
    mask = oldCount * 2 - 1
    slots = .allocate(capacity: mask + 1)
    slots.initialize(repeating: 0, count: mask + 1)
    for k in 0..<oldCount where old[k] != 0 {
      var slot = Int(UInt32(truncatingIfNeeded: old[k] >> 32)) & mask
      while slots[slot] != 0 { slot = (slot &+ 1) & mask }
      slots[slot] = old[k]
    }
    old.deallocate()
  }

  /// A hash of the bytes a word at a time, the last word overlapping the one before (the
  /// slots' order only: the numbers do not depend on it, so it need not be stable).
  @inline(__always)
  private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
    let raw = UnsafeRawPointer(bytes)
    var h = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
    @inline(__always) func mix(_ word: UInt64) {
      h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
    }
    if length >= 8 {
      var i = 0
      while i &+ 8 < length {
        mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i &+= 8
      }
      mix(raw.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self))
    } else if length >= 4 {
      let first = UInt64(raw.loadUnaligned(as: UInt32.self))
      mix(first << 32 | UInt64(raw.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)))
    } else if length > 0 {
      mix(UInt64(bytes[0]) << 16 | UInt64(bytes[length >> 1]) << 8 | UInt64(bytes[length &- 1]))
    }
    return UInt32(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// Whether keeping `count` distinct values of `kept` bytes in all saves at least a
  /// quarter of `total` bytes of text: a value's end costs what its row's number does
  /// (4 bytes), so a column of distinct keys or e-mail addresses does not pay, and one of
  /// long texts repeated (call transcripts, a third of them distinct) does.
  static func pays(kept: Int, count: Int, of total: Int) -> Bool {
    (kept + 4 * count) * 4 <= total * 3
  }

  /// Where kept value `v` lies in the caller's buffer.
  @inline(__always) func bounds(_ v: Int) -> (lower: Int, upper: Int) {
    (v == 0 ? 0 : Int(endsBuffer[v - 1]), Int(endsBuffer[v]))
  }

  /// The pieces (each keeping its values once) as one column keeping each distinct value
  /// once, numbered in the order first met; nil past `limit` bytes of values.
  ///
  /// Merged on all cores: the values are split by hash into parts, and each part finds,
  /// for each of its values, the first one with the same bytes, taking the pieces and
  /// their values in order. The values that are their own first, numbered in that order,
  /// are the values in the order first met. (Merged in one pass on one core, the
  /// tickets' subjects and the calls' transcripts at 1M customers kept one core busy
  /// for about 0.25 s while the other waited.)
  static func joined(_ pieces: [TextColumn], limit: Int) -> TextColumn? {
    let values = Values(pieces)
    // Piece k's value v is value `before[k] + v` of them all.
    let before = values.before
    let all = before.last!
    let hashes = [UInt32](unsafeUninitializedCapacity: all) { out, count in
      let out = SharedBuffer(out.baseAddress!)
      _ = Parallel.map(pieces.count) { k in
        for v in 0..<(before[k + 1] - before[k]) { out.base[before[k] + v] = Self.hash(values.value(k, v)) }
        return true
      }
      count = all
    }
    // Each value's first: the earliest value with its bytes (itself, for a first).
    let firsts = [Int32](unsafeUninitializedCapacity: all) { out, count in
      let out = SharedBuffer(out.baseAddress!)
      let parts = Parallel.coreCount * 4
      _ = Parallel.map(parts) { part in
        Self.findFirsts(part: part, of: parts, hashes: hashes, values: values, into: out.base)
        return true
      }
      count = all
    }
    // Numbers in the order first met, and where each distinct value ends.
    var numbers = [UInt32](repeating: 0, count: all)
    var ends: [UInt32] = []
    var at = 0
    for k in pieces.indices {
      for v in 0..<(before[k + 1] - before[k]) {
        let g = before[k] + v
        guard firsts[g] == Int32(truncatingIfNeeded: g) else {
          numbers[g] = numbers[Int(firsts[g])]
          continue
        }
        at += values.value(k, v).count
        guard at <= limit else { return nil }
        numbers[g] = UInt32(ends.count)
        ends.append(UInt32(at))
      }
    }
    let bytes = ColumnArray<UInt8>(count: at) { out, count in
      if let base = out.baseAddress {
        let text = SharedBuffer(base)
        _ = Parallel.map(pieces.count) { k in
          for v in 0..<(before[k + 1] - before[k]) {
            let g = before[k] + v
            guard firsts[g] == Int32(truncatingIfNeeded: g) else { continue }
            let number = Int(numbers[g])
            let value = values.value(k, v)
            if let from = value.baseAddress {
              (text.base + (number == 0 ? 0 : Int(ends[number - 1]))).initialize(from: from, count: value.count)
            }
          }
          return true
        }
      }
      count = at
    }
    var offsets = [0]
    for piece in pieces { offsets.append(offsets.last! + piece.count) }
    let codes = TextCodes(count: offsets.last!, values: ends.count) { out in
      _ = Parallel.map(pieces.count) { k in
        let codes = pieces[k].codes!
        numbers.withUnsafeBufferPointer { numbers in
          let map = UnsafeBufferPointer(rebasing: numbers[before[k]..<before[k + 1]])
          for row in 0..<codes.count { out.set(offsets[k] + row, map[codes[row]]) }
        }
        return true
      }
    }
    return TextColumn(bytes: bytes, ends: ColumnArray(ends), codes: codes)
  }

  /// The distinct values of the pieces being joined, read where they lie.
  private struct Values: @unchecked Sendable {
    // Unchecked: pointers into the pieces, which the caller keeps alive and no one writes.
    let texts: [ColumnArray<UInt8>.Pointer]
    let ends: [ColumnArray<UInt32>.Pointer]
    /// Piece k's value v is value `before[k] + v` of them all; the last is their count.
    let before: [Int]

    init(_ pieces: [TextColumn]) {
      texts = pieces.map(\.bytes.pointer)
      ends = pieces.map(\.ends.pointer)
      var before = [0]
      for piece in pieces { before.append(before.last! + piece.ends.count) }
      self.before = before
    }

    /// Piece `k`'s value `v`.
    @inline(__always) func value(_ k: Int, _ v: Int) -> UnsafeBufferPointer<UInt8> {
      let start = v == 0 ? 0 : Int(ends[k][v - 1])
      return UnsafeBufferPointer(start: texts[k].base.map { $0 + start }, count: Int(ends[k][v]) - start)
    }

    /// Value `g` of them all.
    func value(_ g: Int) -> UnsafeBufferPointer<UInt8> {
      // The last piece starting at or before `g`.
      var low = 0
      var high = before.count - 1
      while high - low > 1 {
        let middle = (low + high) / 2
        if before[middle] <= g { low = middle } else { high = middle }
      }
      return value(low, g - before[low])
    }
  }

  /// For each value whose hash falls in `part` (of `parts`), the first value with its
  /// bytes, found taking the values in order, written to `firsts` at its place.
  private static func findFirsts(
    part: Int, of parts: Int, hashes: [UInt32], values: Values, into firsts: UnsafeMutablePointer<Int32>
  ) {
    let before = values.before
    // Open addressing over the part's firsts: 0 is empty, else a value's place + 1. The
    // part is picked by the hash's high bits and the slot by its low ones.
    var mask = 1023
    var slots = [Int32](repeating: 0, count: mask + 1)
    var kept = 0
    for k in 0..<(before.count - 1) {
      for v in 0..<(before[k + 1] - before[k]) {
        let g = before[k] + v
        let hash = hashes[g]
        guard Int((UInt64(hash) &* UInt64(parts)) >> 32) == part else { continue }
        let value = values.value(k, v)
        var slot = Int(hash) & mask
        var first = g
        while slots[slot] != 0 {
          let other = Int(slots[slot]) - 1
          if hashes[other] == hash, Self.same(value, values.value(other)) {
            first = other
            break
          }
          slot = (slot + 1) & mask
        }
        firsts[g] = Int32(truncatingIfNeeded: first)
        guard first == g else { continue }
        slots[slot] = Int32(truncatingIfNeeded: g + 1)
        kept += 1
        if kept * 2 > mask {
          mask = mask * 2 + 1
          var wider = [Int32](repeating: 0, count: mask + 1)
          for s in slots where s != 0 {
            var slot = Int(hashes[Int(s) - 1]) & mask
            while wider[slot] != 0 { slot = (slot + 1) & mask }
            wider[slot] = s
          }
          slots = wider
        }
      }
    }
  }

  private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count == b.count && (a.count == 0 || same(a.baseAddress!, b.baseAddress!, a.count))
  }

  private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard let base = value.baseAddress, value.count > 0 else { return 0 }
    return hash(base, value.count)
  }
}
