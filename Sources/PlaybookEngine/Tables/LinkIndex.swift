/// For one event table, each customer's rows: the rows of customer `c` are
/// `rows[offsets[c]..<offsets[c + 1]]`, in file order. Built once at load so a rule
/// never scans a table per customer.
public struct LinkIndex: Sendable {
  /// `customerCount + 1` entries.
  public var offsets: ColumnArray<Int32>
  /// Event row indices grouped by customer number, each group in file order.
  public var rows: ColumnArray<Int32>
  /// The other way round: each row's customer number, -1 for a row set aside. Lets a
  /// rule scan its table in file order.
  public var customerOfRow: ColumnArray<Int32>

  /// Builds the index from each row's customer number (-1 for a row set aside).
  ///
  /// A counting sort. Placing a row waits on memory (its customer's next place, then
  /// the place itself, both at random), so on a large table each core places the rows
  /// of its own range of customers, every core scanning all rows in order (cheap) and
  /// writing parts of the arrays no other core writes: the waits overlap, and the
  /// result is the one-thread result.
  public init(customerOfRow: ColumnArray<Int32>, customerCount: Int) {
    let parts = customerOfRow.count < 500_000 ? 1 : Parallel.coreCount
    func customers(_ k: Int) -> Range<Int32> {
      Int32(customerCount * k / parts)..<Int32(customerCount * (k + 1) / parts)
    }
    var offsets = [Int32](repeating: 0, count: customerCount + 1)
    var rows: [Int32] = []
    customerOfRow.withUnsafeBufferPointer { customerOf in
      offsets.withUnsafeMutableBufferPointer { counts in
        let counts = SharedBuffer(counts.baseAddress!)
        _ = Parallel.map(parts) { k in
          let range = customers(k)
          for c in customerOf where range.contains(c) { counts.base[Int(c) + 1] += 1 }
        }
      }
      for i in 0..<customerCount { offsets[i + 1] += offsets[i] }
      var next = offsets
      rows = [Int32](unsafeUninitializedCapacity: Int(offsets[customerCount])) { out, initialized in
        let places = SharedBuffer(out.baseAddress!)
        next.withUnsafeMutableBufferPointer { next in
          let next = SharedBuffer(next.baseAddress!)
          _ = Parallel.map(parts) { k in
            let range = customers(k)
            for (row, c) in customerOf.enumerated() where range.contains(c) {
              places.base[Int(next.base[Int(c)])] = Int32(row)
              next.base[Int(c)] += 1
            }
          }
        }
        initialized = Int(offsets[customerCount])
      }
    }
    self.offsets = ColumnArray(offsets)
    self.rows = ColumnArray(rows)
    self.customerOfRow = customerOfRow
  }

  /// An index of these arrays as `init(customerOfRow:customerCount:)` builds them (a
  /// snapshot read back); nil when they do not fit together.
  init?(offsets: ColumnArray<Int32>, rows: ColumnArray<Int32>, customerOfRow: ColumnArray<Int32>) {
    let customerCount = offsets.count - 1
    guard customerCount >= 0, offsets.first == 0, Int(offsets[customerCount]) == rows.count,
      zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
      customerOfRow.allSatisfy({ $0 >= -1 && $0 < customerCount }),
      rows.allSatisfy({ $0 >= 0 && $0 < customerOfRow.count })
    else { return nil }
    self.offsets = offsets
    self.rows = rows
    self.customerOfRow = customerOfRow
  }

  /// The rows of customer number `c`, in file order; empty when the customer has none.
  @inlinable public func rows(ofCustomer c: Int) -> Slice<ColumnArray<Int32>> {
    rows[Int(offsets[c])..<Int(offsets[c + 1])]
  }
}
