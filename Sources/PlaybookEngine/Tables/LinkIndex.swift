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
  public init(customerOfRow: ColumnArray<Int32>, customerCount: Int) {
    var counts = [Int32](repeating: 0, count: customerCount + 1)
    for c in customerOfRow where c >= 0 { counts[Int(c) + 1] += 1 }
    for i in 0..<customerCount { counts[i + 1] += counts[i] }
    var next = counts
    var rows = [Int32](repeating: 0, count: Int(counts[customerCount]))
    for (row, c) in customerOfRow.enumerated() where c >= 0 {
      rows[Int(next[Int(c)])] = Int32(row)
      next[Int(c)] += 1
    }
    self.offsets = ColumnArray(counts)
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
