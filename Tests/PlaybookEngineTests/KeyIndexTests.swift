import Testing

@testable import PlaybookEngine

@Suite struct KeyIndexTests {
  static func column(_ keys: [String]) -> TextColumn {
    var column = TextColumn()
    for key in keys { column.append(utf8: Array(key.utf8)) }
    return column
  }

  /// Looking keys up a batch at a time finds what looking each up alone finds: keys
  /// longer than the 16 bytes a slot holds, keys sharing those 16 bytes, missing and
  /// empty keys, and ranges that do not start at row 0 or fill a whole batch.
  @Test func batchedLookupsAgreeWithSingleOnes() throws {
    let keys = (0..<5_000).map { $0 % 3 == 0 ? "customer-with-a-long-id-\($0)" : "C-\($0)" }
    let (index, duplicates) = KeyIndex.build(Self.column(keys))
    #expect(duplicates.isEmpty, "keys are distinct")
    let lookups = (0..<3_000).map { i in
      switch i % 5 {
      case 0: "C-\(i * 7)"
      case 1: "customer-with-a-long-id-\(i * 3)"
      case 2: "customer-with-a-long-id-x\(i)"
      case 3: ""
      default: "nobody-\(i)"
      }
    }
    let column = Self.column(lookups)
    for rows in [0..<3_000, 7..<23, 1_001..<2_999, 5..<5] {
      let batched = index.numbers(of: column, rows: rows)
      let single = rows.map { row in
        column.withUTF8(row) { $0.isEmpty ? -1 : index.number(of: $0) }
      }
      #expect(batched == single)
    }
    #expect(index.numbers(of: column, rows: 0..<7) == [-1, 3, -1, -1, -1, 35, 18])
  }

  /// Every key that repeats an earlier one is reported with the first row of its key,
  /// whether the two fall in one batch of inserts or in different ones.
  @Test(arguments: [(5, 6), (3, 20), (0, 4_999)])
  func reportsEveryRepeatedKey(_ earlier: Int, _ repeated: Int) {
    var keys = (0..<5_000).map { "K-\($0)" }
    keys[repeated] = keys[earlier]
    keys[4_998] = keys[1]
    keys[4_997] = keys[1]
    let (index, duplicates) = KeyIndex.build(Self.column(keys))
    let expected = [
      KeyIndex.Duplicate(row: repeated, earlierRow: earlier), KeyIndex.Duplicate(row: 4_997, earlierRow: 1),
      KeyIndex.Duplicate(row: 4_998, earlierRow: 1),
    ]
    #expect(duplicates == expected.sorted { $0.row < $1.row })
    #expect(keys[earlier].utf8.withContiguousStorageIfAvailable { index.number(of: $0) } == Int32(earlier))
  }
}

extension KeyIndex {
  /// `numbers(of:rows:into:)` into an array of its own.
  fileprivate func numbers(of column: TextColumn, rows: Range<Int>) -> [Int32] {
    [Int32](unsafeUninitializedCapacity: rows.count) { numbers, count in
      self.numbers(of: column, rows: rows, into: numbers)
      count = rows.count
    }
  }
}

/// Keys of one prefix and one width of digits are linked by their number
/// (`DenseKeys`): every lookup must find what the hash table finds, near misses included.
@Suite struct DenseKeysTests {
  /// `prefix` and `number` in `width` digits, zeros first.
  static func key(_ prefix: String, _ number: Int, width: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Lookups around `keys`: each key, and texts one step from one.
  static func probes(_ keys: [String]) -> [String] {
    var probes = ["", "C-", "C-9999999", "C-0000000", "C-00000001", "c-0000001", "C-+000001", "C--000001"]
    for key in keys {
      probes.append(key)
      probes.append(String(key.dropLast()))
      probes.append(key + "0")
      probes.append("X" + key.dropFirst())
      probes.append(String(key.dropLast()) + "x")
    }
    return probes
  }

  /// Key sets of one shape each (typed apart: one literal of them all is too much for
  /// the type checker).
  static let keySets: [[String]] = {
    var sets: [[String]] = []
    // Numbered from 1, as exports are; gaps; the same number twice (the first row keeps it).
    sets.append((0..<3_000).map { key("C-", $0 + 1, width: 7) })
    sets.append((0..<3_000).map { key("C-", $0 * 2 + 5, width: 7) })
    sets.append((0..<3_000).map { key("C-", $0 % 2_000 + 1, width: 7) })
    // No prefix, leading zeros.
    sets.append((0..<3_000).map { key("", $0, width: 6) })
    // Read a word at a time: eight digits and no prefix; a prefix of eight bytes.
    sets.append((0..<3_000).map { key("", $0 * 2 + 10_000_000, width: 8) })
    sets.append((0..<3_000).map { key("CUSTOMER", $0 + 1, width: 4) })
    // Read byte by byte: shorter than a word, more than eight digits, a longer prefix.
    sets.append((0..<900).map { key("K", $0, width: 3) })
    sets.append((0..<3_000).map { key("C-", $0 + 1, width: 12) })
    sets.append((0..<3_000).map { key("CUSTOMER-", $0 + 1, width: 7) })
    return sets
  }()

  @Test(arguments: keySets)
  func denseLookupsAgreeWithTheHashTable(_ keys: [String]) throws {
    let index = KeyIndex.build(KeyIndexTests.column(keys), hashed: true).index
    #expect(!index.isDenseOnly && index.dense == nil)
    let dense = KeyIndex.build(KeyIndexTests.column(keys)).index
    #expect(dense.dense != nil, "\(keys.prefix(2)) are dense")
    let probes = KeyIndexTests.column(Self.probes(keys))
    let rows = 0..<probes.count
    let expected = index.numbers(of: probes, rows: rows)
    #expect(dense.numbers(of: probes, rows: rows) == expected)
    #expect(expected.contains(-1) && expected.contains { $0 >= 0 })
    // A range of rows not from the first, as the loader's parallel slices ask.
    let slice = 5..<(probes.count - 3)
    #expect(dense.numbers(of: probes, rows: slice) == Array(expected[slice]))
  }

  /// Dense keys are numbered instead of hashed: each key, and each probe looked up alone,
  /// finds the row the hash table finds, and the same repeated keys are reported.
  @Test(arguments: keySets)
  func denseKeysAreNumberedAsTheHashTableFindsThem(_ keys: [String]) throws {
    let column = KeyIndexTests.column(keys)
    let (numbered, repeats) = KeyIndex.build(column)
    let (hashed, hashedRepeats) = KeyIndex.build(column, hashed: true)
    #expect(numbered.isDenseOnly)
    #expect(repeats == hashedRepeats)
    let probes = Self.probes(keys)
    func rows(_ index: KeyIndex) -> [Int32] {
      probes.map { probe in Array(probe.utf8).withUnsafeBufferPointer { index.number(of: $0) } }
    }
    #expect(rows(numbered) == rows(hashed))
  }

  @Test func repeatedDenseKeysAreEachReportedWithTheirFirstRow() {
    let keys = ["C-03", "C-01", "C-03", "C-02", "C-01", "C-03"]
    let (index, repeats) = KeyIndex.build(KeyIndexTests.column(keys))
    #expect(index.isDenseOnly)
    #expect(
      repeats == [
        KeyIndex.Duplicate(row: 2, earlierRow: 0), KeyIndex.Duplicate(row: 4, earlierRow: 1),
        KeyIndex.Duplicate(row: 5, earlierRow: 0),
      ])
  }

  @Test(arguments: [
    ["C-0000001", "C-000002"],  // widths differ
    ["C-0000001", "D-0000002"],  // prefixes differ
    ["C-0000001", "C-000000x"],  // not all digits
    ["C-0000001", "C-9000000"],  // numbers too far apart
    ["CUSTOMER"],  // no digits
    ["C-1234567890123456789"],  // more digits than fit
  ])
  func otherKeysAreNotDense(_ keys: [String]) {
    let index = KeyIndex.build(KeyIndexTests.column(keys)).index
    #expect(index.dense == nil && !index.isDenseOnly)
  }
}
