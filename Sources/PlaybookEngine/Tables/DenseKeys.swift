/// Customer keys that are all one prefix and a number of one width (`C-0000001`,
/// `000123`), as many exports' are, numbered nearly without gaps: a key's customer is
/// found at its number in `rows`, read nearly in order, where the hash table's slots
/// (`KeyIndex`) lie at random across tens of megabytes.
///
/// Every key has the shape, so a text of another shape is no key, and a number is one
/// key's only when its digits and the prefix are that key's bytes: the answer is the
/// hash table's, always.
struct DenseKeys: Sendable {
  /// The bytes before the digits, the same in every key.
  let prefix: [UInt8]
  /// Every key's length in bytes.
  let length: Int
  /// The smallest number.
  let lowest: Int
  /// The first row of each number from `lowest` on; -1 where no key has it.
  let rows: ColumnArray<Int32>
  /// For keys of 8 bytes or more with at most 8 prefix bytes and at most 8 digits
  /// (`C-0000001`): the key read as two words, its first 8 bytes and its last 8.
  let words: KeyWords?

  /// The most digits read as a number: 18 always fit 63 bits.
  static let mostDigits = 18

  /// The dense form of `keys`, or nil when they are not all one prefix and a number of
  /// one width, or their numbers spread over more than twice as many values as there are
  /// keys; and each row whose key repeats an earlier one, with the first row of its key, in row order: what `KeyIndex.build`
  /// reports, as one number is one key's bytes (one prefix, one width of digits).
  static func numbering(_ keys: TextColumn) -> (dense: DenseKeys, duplicates: [KeyIndex.Duplicate])? {
    guard keys.count > 0 else { return nil }
    let first = keys.withUTF8(0) { Array($0) }
    let digitsStart = first.firstIndex(where: isDigit) ?? first.count
    let length = first.count
    let prefix = Array(first[..<digitsStart])
    guard length > digitsStart, length - digitsStart <= Self.mostDigits else { return nil }
    let words = KeyWords(prefix: prefix, length: length)
    var lowest = Int.max
    var highest = Int.min
    var numbers = [Int](repeating: 0, count: keys.count)
    for row in 0..<keys.count {
      let number = keys.withUTF8(row) { Self.number(of: $0, prefix: prefix, length: length, words: words) }
      guard let number else { return nil }
      numbers[row] = number
      lowest = min(lowest, number)
      highest = max(highest, number)
    }
    guard highest - lowest < 2 * keys.count + 16 else { return nil }
    var rows = [Int32](repeating: -1, count: highest - lowest + 1)
    var duplicates: [KeyIndex.Duplicate] = []
    // Each number at its first row, as the hash table keeps a key.
    for (row, number) in numbers.enumerated() {
      let earlier = rows[number - lowest]
      if earlier < 0 {
        rows[number - lowest] = Int32(row)
      } else {
        duplicates.append(KeyIndex.Duplicate(row: row, earlierRow: Int(earlier)))
      }
    }
    return (
      DenseKeys(prefix: prefix, length: length, lowest: lowest, rows: ColumnArray(rows), words: words), duplicates
    )
  }

  private init(prefix: [UInt8], length: Int, lowest: Int, rows: ColumnArray<Int32>, words: KeyWords?) {
    self.prefix = prefix
    self.length = length
    self.lowest = lowest
    self.rows = rows
    self.words = words
  }

  /// The row of the key `text`, or -1 when no key is `text`.
  @inline(__always) func row(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
    let at = place(of: text)
    return at < 0 ? -1 : rows[at]
  }

  /// The row of the key of each of `rows` of `text`, or -1 where none is, written to
  /// `numbers` from its start.
  ///
  /// A batch of rows at a time: their places first, then the rows at those places. The
  /// places lie at random in `rows` (40 MB at 10M customers, beyond the cache), and
  /// reading them in a loop of their own lets the reads wait on memory side by side,
  /// where each key's digits, read between two of them, kept them apart.
  func rows(of text: TextColumn.Pointers, rows range: Range<Int>, into numbers: UnsafeMutableBufferPointer<Int32>) {
    let batch = 64
    let found = rows.pointer
    withUnsafeTemporaryAllocation(of: Int.self, capacity: batch) { places in
      var start = range.lowerBound
      while start < range.upperBound {
        let end = min(start + batch, range.upperBound)
        for row in start..<end { places[row - start] = place(of: text.utf8(row)) }
        for row in start..<end {
          let at = places[row - start]
          numbers[row - range.lowerBound] = at < 0 ? -1 : found[at]
        }
        start = end
      }
    }
  }

  /// The place in `rows` of the key `text`, or -1 when no key is `text`.
  @inline(__always) private func place(of text: UnsafeBufferPointer<UInt8>) -> Int {
    guard let number = Self.number(of: text, prefix: prefix, length: length, words: words) else { return -1 }
    let at = number - lowest
    return at >= 0 && at < rows.count ? at : -1
  }

  /// The number of `key` when it has the keys' shape: `length` bytes, `prefix`, then
  /// digits (read a word at a time with `words`, when the shape allows); nil otherwise.
  @inline(__always) private static func number(
    of key: UnsafeBufferPointer<UInt8>, prefix: [UInt8], length: Int, words: KeyWords?
  ) -> Int? {
    guard key.count == length else { return nil }
    if let words { return words.number(key) }
    return key.starts(with: prefix) ? number(UnsafeBufferPointer(rebasing: key[prefix.count...])) : nil
  }

  /// A key's prefix and digits checked, and its number read, a word at a time: the
  /// prefix in its first 8 bytes, the digits in its last 8 (the prefix's bytes among
  /// them read as zeros). Reading byte by byte cost about 150 instructions a key, and
  /// every event row's link is one.
  struct KeyWords: Sendable {
    /// The prefix's bytes of the first word, and which bytes they are.
    let prefix: UInt64
    let prefixMask: UInt64
    /// Which bytes of the last word are digits (the rest are set to `0` before reading).
    let digitMask: UInt64

    /// Nil unless the key is 8 bytes or more, with at most 8 prefix bytes and at most 8 digits.
    init?(prefix: [UInt8], length: Int) {
      let digits = length - prefix.count
      guard length >= 8, prefix.count <= 8, digits >= 1, digits <= 8 else { return nil }
      var word: UInt64 = 0
      for (i, byte) in prefix.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
      self.prefix = word
      prefixMask = prefix.count == 8 ? ~0 : (1 << (8 * UInt64(prefix.count))) - 1
      digitMask = ~0 << (8 * UInt64(8 - digits))
    }

    /// The number of `text` (the key's length), or nil when its prefix differs or a
    /// digit is not one.
    @inline(__always) func number(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
      let raw = UnsafeRawPointer(text.baseAddress!)
      let first = raw.loadUnaligned(as: UInt64.self)
      guard first & prefixMask == prefix else { return nil }
      let zeros: UInt64 = 0x3030_3030_3030_3030
      let last = raw.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self) & digitMask | zeros & ~digitMask
      // Every byte a digit: its high nibble 3, and adding 6 does not carry out of the low one.
      let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
      guard last & highNibbles == zeros, (last &+ 0x0606_0606_0606_0606) & highNibbles == zeros else { return nil }
      // Eight digits (the first byte the most significant) to a number: pairs, then
      // fours, then eight (Lemire's method).
      var v = last &- zeros
      v = v &* 10 &+ (v >> 8)
      v =
        ((v & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32))
          &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32))) >> 32
      return Int(truncatingIfNeeded: v)
    }
  }

  /// The number the digits spell; nil when any byte is not a digit (or there are none).
  @inline(__always) private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard isDigit(byte) else { return nil }
      value = value &* 10 &+ Int(byte &- 48)
    }
    return value
  }
}
