import Synchronization

/// For one event table, each row's customer and each customer's rows: the rows of
/// customer `c` are `rows[offsets[c]..<offsets[c + 1]]`, in file order, so a rule never
/// scans a table per customer.
///
/// The grouping (`offsets`, `rows`) is made the first time it is asked for: a run whose
/// rules read the table in file order (every rule and aggregate of the flagship
/// playbook does) never asks, and grouping the rows was 6% of a cold run's processor
/// time at 1M customers. Explaining a customer and a correlated aggregate ask for it;
/// a snapshot's links file keeps only each row's customer (`LinkSnapshot`).
public struct LinkIndex: Sendable {
  /// The other way round: each row's customer number, -1 for a row set aside. Lets a
  /// rule scan its table in file order.
  public let customerOfRow: ColumnArray<Int32>
  /// How many rows are linked to a customer (`rows.count`), known without grouping them.
  public let linkedRowCount: Int
  private let grouping: CustomerGrouping

  /// Whether the rows were grouped by customer yet (tests).
  var isGrouped: Bool { grouping.isMade }

  /// `customerCount + 1` entries.
  public var offsets: ColumnArray<Int32> { grouping.groups.offsets }
  /// Event row indices grouped by customer number, each group in file order.
  public var rows: ColumnArray<Int32> { grouping.groups.rows }

  /// Builds the index from each row's customer number (-1 for a row set aside).
  public init(customerOfRow: ColumnArray<Int32>, customerCount: Int) {
    self.customerOfRow = customerOfRow
    linkedRowCount = customerOfRow.withUnsafeBufferPointer { all in all.reduce(0) { $0 &+ ($1 >= 0 ? 1 : 0) } }
    grouping = CustomerGrouping(customerOfRow: customerOfRow, customerCount: customerCount)
  }

  /// The rows of customer number `c`, in file order; empty when the customer has none.
  public func rows(ofCustomer c: Int) -> Slice<ColumnArray<Int32>> {
    let groups = grouping.groups
    return groups.rows[Int(groups.offsets[c])..<Int(groups.offsets[c + 1])]
  }
}

/// A link index's rows grouped by customer, made once, by the first caller to ask
/// (others asking meanwhile wait for it), and read without a lock after.
private final class CustomerGrouping: @unchecked Sendable {
  typealias Groups = (offsets: ColumnArray<Int32>, rows: ColumnArray<Int32>)

  private let customerOfRow: ColumnArray<Int32>
  private let customerCount: Int
  private let making = Mutex<Void>(())
  /// Set, with release ordering, once `made` is written; `made` is not written after.
  private let ready = Atomic<Bool>(false)
  private var made: Groups?

  init(customerOfRow: ColumnArray<Int32>, customerCount: Int) {
    self.customerOfRow = customerOfRow
    self.customerCount = customerCount
  }

  var isMade: Bool { ready.load(ordering: .acquiring) }

  var groups: Groups {
    if ready.load(ordering: .acquiring) { return made.unsafelyUnwrapped }
    return making.withLock { _ in
      if let made { return made }
      let groups = Self.group(customerOfRow, customerCount: customerCount)
      made = groups
      ready.store(true, ordering: .releasing)
      return groups
    }
  }

  /// A counting sort by customer, rows kept in file order within each.
  ///
  /// Placing a row waits on memory (its customer's next place, then the place itself,
  /// both at random), so on a large table each core places the rows of its own range of
  /// customers, every core scanning all rows in order (cheap) and writing parts of the
  /// arrays no other core writes: the waits overlap, and the result is the one-thread
  /// result.
  private static func group(_ customerOfRow: ColumnArray<Int32>, customerCount: Int) -> Groups {
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
    return (ColumnArray(offsets), ColumnArray(rows))
  }
}
