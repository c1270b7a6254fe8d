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
struct TextDictionary {
  /// Where each kept value ends in the caller's buffer.
  private(set) var ends: [UInt32] = []
  /// Open addressing over the kept values: 0 is an empty slot, else a value's number + 1.
  private var slots: [UInt32] = Array(repeating: 0, count: 1024)

  /// The number of distinct values kept.
  var count: Int { ends.count }

  /// The rows a chunk must have for its text to be kept as a dictionary: fewer cannot
  /// tell a column of few values from one of many.
  static let minimumRows = 1024

  /// The number of the value at `text[at..<at + length]`, written just past the kept
  /// values: an equal kept value's, or a new number, the value then kept (the caller
  /// moves its next write past it).
  mutating func number(ofValueAt at: Int, length: Int, in text: UnsafePointer<UInt8>) -> (number: UInt32, isNew: Bool) {
    let mask = slots.count - 1
    var slot = Self.hash(text + at, length) & mask
    while true {
      let s = slots[slot]
      if s == 0 {
        let number = UInt32(ends.count)
        slots[slot] = number + 1
        ends.append(UInt32(at + length))
        if ends.count * 2 > slots.count { grow(text) }
        return (number, true)
      }
      let v = Int(s - 1)
      let lower = v == 0 ? 0 : Int(ends[v - 1])
      if Int(ends[v]) - lower == length, length == 0 || memcmp(text + lower, text + at, length) == 0 {
        return (UInt32(v), false)
      }
      slot = (slot + 1) & mask
    }
  }

  /// Twice the slots, every kept value placed again.
  private mutating func grow(_ text: UnsafePointer<UInt8>) {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    var lower = 0
    for (v, end) in ends.enumerated() {
      var slot = Self.hash(text + lower, Int(end) - lower) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(v + 1)
      lower = Int(end)
    }
  }

  /// A hash of the bytes a word at a time (the slots' order only: the numbers do not
  /// depend on it, so it need not be stable across versions).
  @inline(__always)
  private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
    let raw = UnsafeRawPointer(bytes)
    var h = UInt64(length) &* 0x9E37_79B9_7F4A_7C15
    var i = 0
    while i + 8 <= length {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    if i < length {
      var word: UInt64 = 0
      for j in i..<length { word |= UInt64(bytes[j]) << UInt64((j - i) * 8) }
      h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
    }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// Whether keeping `count` distinct values of `kept` bytes in all saves at least a
  /// quarter of `total` bytes of text: a value's end costs what its row's number does
  /// (4 bytes), so a column of distinct keys or e-mail addresses does not pay, and one of
  /// long texts repeated (call transcripts, a third of them distinct) does.
  private static func pays(kept: Int, count: Int, of total: Int) -> Bool {
    (kept + 4 * count) * 4 <= total * 3
  }

  /// The text of `spans` (escapes undone) as a column keeping each distinct value once,
  /// or nil when that does not pay (`pays`): checked as rows are read (at every power of
  /// two from `minimumRows`), and at the end. `capacity` bounds the text (the spans'
  /// lengths).
  static func column<Spans: Collection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, capacity: Int
  ) -> TextColumn? {
    guard spans.count >= minimumRows, capacity > 0 else { return nil }
    var dictionary = TextDictionary()
    var codes = [UInt32](repeating: 0, count: spans.count)
    var total = 0
    var tooMany = false
    let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
      let base = out.baseAddress!
      var at = 0
      codes.withUnsafeMutableBufferPointer { codes in
        for (row, span) in spans.enumerated() {
          let length = span.isNull ? 0 : FieldText.write(span, from: bytes, to: base + at)
          total += length
          let (number, isNew) = dictionary.number(ofValueAt: at, length: length, in: base)
          if isNew { at += length }
          codes[row] = number
          let seen = row + 1
          if seen >= minimumRows, seen & (seen - 1) == 0, !pays(kept: at, count: dictionary.count, of: total) {
            tooMany = true
            break
          }
        }
      }
      count = at
    }
    guard !tooMany, pays(kept: text.count, count: dictionary.count, of: total) else { return nil }
    return TextColumn(bytes: exactly(text), ends: ColumnArray(dictionary.ends), codes: ColumnArray(codes))
  }

  /// The pieces (each keeping its values once) as one column keeping each distinct value
  /// once, numbered in the order first met; nil past `limit` bytes of values.
  static func joined(_ pieces: [TextColumn], limit: Int) -> TextColumn? {
    let capacity = pieces.reduce(0) { $0 + $1.bytes.count }
    var dictionary = TextDictionary()
    var numbers: [[UInt32]] = []
    var overLimit = false
    let text = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { out, count in
      let base = out.baseAddress!
      var at = 0
      for piece in pieces where !overLimit {
        var map = [UInt32](repeating: 0, count: piece.ends.count)
        piece.bytes.withUnsafeBufferPointer { all in
          var lower = 0
          for v in 0..<piece.ends.count {
            let length = Int(piece.ends[v]) - lower
            guard at + length <= limit else {
              overLimit = true
              return
            }
            if length > 0 { (base + at).update(from: all.baseAddress! + lower, count: length) }
            let (number, isNew) = dictionary.number(ofValueAt: at, length: length, in: base)
            if isNew { at += length }
            map[v] = number
            lower = Int(piece.ends[v])
          }
        }
        numbers.append(map)
      }
      count = at
    }
    guard !overLimit else { return nil }
    var offsets = [0]
    for piece in pieces { offsets.append(offsets.last! + piece.count) }
    let codes = ColumnArray<UInt32>(count: offsets.last!) { out, count in
      if let base = out.baseAddress {
        let shared = SharedBuffer(base)
        _ = Parallel.map(pieces.count) { k in
          numbers[k].withUnsafeBufferPointer { map in
            for (row, code) in pieces[k].codes!.enumerated() { shared.base[offsets[k] + row] = map[Int(code)] }
          }
          return true
        }
      }
      count = offsets.last!
    }
    return TextColumn(bytes: exactly(text), ends: ColumnArray(dictionary.ends), codes: codes)
  }

  /// A copy of the kept values alone: `text` was made with room for every row's.
  private static func exactly(_ text: [UInt8]) -> ColumnArray<UInt8> {
    ColumnArray(count: text.count) { out, count in
      text.withUnsafeBufferPointer {
        if let from = $0.baseAddress { out.baseAddress!.initialize(from: from, count: $0.count) }
      }
      count = text.count
    }
  }
}
