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

  /// The most digits read as a number: 18 always fit 63 bits.
  static let mostDigits = 18

  /// The dense form of `keys`, or nil when they are not all one prefix and a number of
  /// one width, or their numbers spread over more than twice as many values as there are keys.
  init?(_ keys: TextColumn) {
    guard keys.count > 0 else { return nil }
    let first = keys.withUTF8(0) { Array($0) }
    let digitsStart = first.firstIndex(where: isDigit) ?? first.count
    let length = first.count
    let prefix = Array(first[..<digitsStart])
    guard length > digitsStart, length - digitsStart <= Self.mostDigits else { return nil }
    var lowest = Int.max
    var highest = Int.min
    var numbers = [Int](repeating: 0, count: keys.count)
    for row in 0..<keys.count {
      let number: Int? = keys.withUTF8(row) { key in
        guard key.count == length, key.starts(with: prefix) else { return nil }
        return Self.number(UnsafeBufferPointer(rebasing: key[digitsStart...]))
      }
      guard let number else { return nil }
      numbers[row] = number
      lowest = min(lowest, number)
      highest = max(highest, number)
    }
    guard highest - lowest < 2 * keys.count + 16 else { return nil }
    var rows = [Int32](repeating: -1, count: highest - lowest + 1)
    // Each number at its first row, as the hash table keeps a key.
    for (row, number) in numbers.enumerated().reversed() { rows[number - lowest] = Int32(row) }
    self.prefix = prefix
    self.length = length
    self.lowest = lowest
    self.rows = ColumnArray(rows)
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
    guard text.count == length, text.starts(with: prefix),
      let number = Self.number(UnsafeBufferPointer(rebasing: text[prefix.count...]))
    else { return -1 }
    let at = number - lowest
    return at >= 0 && at < rows.count ? at : -1
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
