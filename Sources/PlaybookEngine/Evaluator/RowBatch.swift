/// Rows evaluated together, a column at a time: position `i` is one trigger row and its
/// customer (or a customer alone, row -1, for a customer-only rule). A node evaluated
/// over a batch costs one call and a tight loop over its columns, instead of a closure
/// call per row and per node (`CompiledExpr.truths`).
struct RowBatch {
  /// Each position's customer number (entries past `count` are a previous batch's).
  private(set) var customers: [Int32] = []
  /// Each position's row in the trigger table; -1 for a customer-only rule.
  private(set) var rows: [Int32] = []
  /// How many positions the batch has.
  private(set) var count = 0

  /// Rows the candidate loop hands over at a time. Small enough for a node's vectors to
  /// stay in the first-level cache while its parent reads them.
  static let size = 1024

  /// The pairs `pair(i)` gives for `i` in `0..<capacity` where it is not nil, in order.
  init(capacity: Int, _ pair: (Int) -> (customer: Int32, row: Int32)?) {
    refill(capacity: capacity, pair)
  }

  /// Makes this the batch `init(capacity:_:)` would, in the same memory: the candidate
  /// loop refills one batch rather than allocating two arrays for each.
  @inline(__always) mutating func refill(capacity: Int, _ pair: (Int) -> (customer: Int32, row: Int32)?) {
    reserve(capacity)
    // Written through pointers: subscripting would check the arrays' uniqueness every row.
    var n = 0
    customers.withUnsafeMutableBufferPointer { customers in
      rows.withUnsafeMutableBufferPointer { rows in
        for i in 0..<capacity {
          guard let (customer, row) = pair(i) else { continue }
          customers[n] = customer
          rows[n] = row
          n += 1
        }
      }
    }
    count = n
  }

  /// Makes this the batch of the rows among `rows` that `keeps`, each with its
  /// `customer`. Every row is written, and the count moves on only past those kept:
  /// no branch follows the data (`RowTest.keeps`).
  @inline(__always) mutating func refill(
    rows range: Range<Int>, customer: (Int) -> Int32, keeps: (Int) -> Bool
  ) {
    reserve(range.count)
    var n = 0
    customers.withUnsafeMutableBufferPointer { customers in
      rows.withUnsafeMutableBufferPointer { rows in
        for row in range {
          customers[n] = customer(row)
          rows[n] = Int32(truncatingIfNeeded: row)
          n &+= Int(keeps(row).bit)
        }
      }
    }
    count = n
  }

  /// Room for `capacity` positions: the arrays are made anew only when they are shorter.
  private mutating func reserve(_ capacity: Int) {
    guard customers.count < capacity else { return }
    customers = [Int32](repeating: 0, count: max(capacity, Self.size))
    rows = [Int32](repeating: 0, count: customers.count)
  }

  /// Every position, the selection a batch starts with, in a list from `pool`.
  func all(_ pool: inout VectorPool<Int32>) -> Positions {
    Positions(count: count, into: pool.take(count)) { Int32($0) }
  }

  /// The frame of position `i`, for nodes evaluated row by row.
  @inline(__always) func frame(_ i: Int) -> Frame {
    Frame(customer: Int(customers[i]), row: Int(rows[i]))
  }

  /// The row `slot` reads at position `i`; -1 for the aggregate slot, which no batch binds.
  @inline(__always) func index(_ slot: Slot, _ i: Int) -> Int {
    switch slot {
    case .customer: return Int(customers[i])
    case .row: return Int(rows[i])
    case .inner: return -1
    }
  }
}

/// Positions of a batch, ascending: the rows a node is evaluated at. A node's operand
/// is evaluated only at the positions the row-by-row form would evaluate it (`and` past
/// a false, a comparison past a null), so the work — and any overflow counted on the
/// way — is the same. The list lives in a pooled vector (`BatchScratch`), of which only
/// the first `count` entries are these positions.
struct Positions: RandomAccessCollection {
  /// The positions, then whatever the vector's last user left.
  let storage: [Int32]
  let endIndex: Int
  var startIndex: Int { 0 }

  @inline(__always) subscript(i: Int) -> Int32 { storage[i] }

  /// The `count` positions `position(i)` gives for `i` in `0..<count`, written into
  /// `storage` (at least `count` long).
  @inline(__always) init(count: Int, into storage: consuming [Int32], _ position: (Int) -> Int32) {
    precondition(storage.count >= count, "a position list shorter than its batch")
    storage.withUnsafeMutableBufferPointer { out in
      for i in 0..<count { out[i] = position(i) }
    }
    self.storage = storage
    endIndex = count
  }

  /// These positions (for tests and one-off batches).
  init(_ positions: [Int32]) {
    storage = positions
    endIndex = positions.count
  }

  /// These positions where `keep` holds, in order, in a list from `pool` (give it back
  /// with `pool.give(_:)` when done).
  @inline(__always) func kept(_ pool: inout VectorPool<Int32>, _ keep: (Int) -> Bool) -> Positions {
    var out = pool.take(count)
    var n = 0
    storage.withUnsafeBufferPointer { from in
      out.withUnsafeMutableBufferPointer { to in
        for i in 0..<endIndex where keep(Int(from[i])) {
          to[n] = from[i]
          n += 1
        }
      }
    }
    return Positions(storage: out, count: n)
  }

  private init(storage: [Int32], count: Int) {
    self.storage = storage
    endIndex = count
  }
}
