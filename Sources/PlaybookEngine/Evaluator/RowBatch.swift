/// Rows evaluated together, a column at a time: position `i` is one trigger row and its
/// customer (or a customer alone, row -1, for a customer-only rule). A node evaluated
/// over a batch costs one call and a tight loop over its columns, instead of a closure
/// call per row and per node (`CompiledExpr.truths`).
struct RowBatch {
  /// Each position's customer number.
  let customers: [Int32]
  /// Each position's row in the trigger table; -1 for a customer-only rule.
  let rows: [Int32]

  /// Rows the candidate loop hands over at a time. Small enough for a node's vectors to
  /// stay in the first-level cache while its parent reads them.
  static let size = 1024

  /// The pairs `pair(i)` gives for `i` in `0..<capacity` where it is not nil, in order.
  init(capacity: Int, _ pair: (Int) -> (customer: Int32, row: Int32)?) {
    var rows: [Int32] = []
    // Written in place: appending would check the arrays' uniqueness for every row.
    customers = [Int32](unsafeUninitializedCapacity: capacity) { customers, count in
      rows = [Int32](unsafeUninitializedCapacity: capacity) { rows, rowCount in
        for i in 0..<capacity {
          guard let (customer, row) = pair(i) else { continue }
          customers[count] = customer
          rows[count] = row
          count += 1
        }
        rowCount = count
      }
    }
    self.rows = rows
  }

  var count: Int { rows.count }

  /// Every position, the selection a batch starts with.
  var all: Positions { Positions(count: count) { Int32($0) } }

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
/// way — is the same.
typealias Positions = [Int32]

extension Positions {
  /// The `count` positions `position(i)` gives for `i` in `0..<count`.
  @inline(__always) init(count: Int, _ position: (Int) -> Int32) {
    self.init(unsafeUninitializedCapacity: count) { out, n in
      for i in 0..<count { out[i] = position(i) }
      n = count
    }
  }

  /// These positions where `keep` holds, in order.
  @inline(__always) func kept(_ keep: (Int) -> Bool) -> Positions {
    Positions(unsafeUninitializedCapacity: count) { out, n in
      for p in self where keep(Int(p)) {
        out[n] = p
        n += 1
      }
    }
  }
}
