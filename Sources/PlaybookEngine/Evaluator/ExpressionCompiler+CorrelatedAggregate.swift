import PlaybookLanguage

/// Aggregates whose filter refers to the trigger row (`count(order where order.opened >
/// complaint.resolved)`). Rescanning a customer's rows for each trigger would make a rule
/// quadratic in them; instead, once per customer, the rows that pass the rest of the
/// filter are sorted by the key (`order.opened`) with the aggregate running along them,
/// and each trigger finds how many of them lie on its side of the bound by binary search:
/// O(R log R) per customer and O(log R) per trigger (docs/PERFORMANCE.md).
extension ExpressionCompiler {
  func compileCorrelatedAggregate(
    _ typed: TypedExpr, _ aggregate: Aggregate, _ split: CorrelatedFilter
  ) -> CompiledExpr {
    let rows = aggregateRows(aggregate)
    var inner = self
    inner.slots[aggregate.row.text] = .inner
    let plain = split.plain.map(inner.compile)
    let key = inner.compile(split.key)
    let bound = compile(split.bound)
    let field = inner.aggregateField(aggregate)
    let function = aggregate.function
    // `key > b` is `-key < -b`: every comparison becomes "below the bound".
    let descending = split.comparison == .greater || split.comparison == .greaterOrEqual
    let strict = split.comparison == .less || split.comparison == .greater
    let runs = values.aggregate(Structure(typed.expr)) {
      PerCustomer { customer -> AccumulatedRun in
        var frame = Frame(customer: customer)
        var entries: [AccumulatedRun.Entry] = []
        for r in rows.link.rows(ofCustomer: customer) {
          let row = Int(r)
          guard rows.admits(row) else { continue }
          frame.inner = row
          // A row whose key is null passes no comparison with the trigger.
          guard plain.allSatisfy({ $0.truth(frame).holds }), let k = key.numeric(frame) else { continue }
          entries.append(AccumulatedRun.Entry(key: descending ? -k : k, value: field.map { $0.numeric(frame) } ?? 0))
        }
        return AccumulatedRun(entries, function)
      }
    }
    let value: (Frame) -> Double? = { frame in
      let run = runs.value(frame.customer)
      // A null bound makes every comparison unknown: no row counts.
      guard let b = bound.numeric(frame) else { return run.none }
      return run.value(below: descending ? -b : b, strict: strict)
    }
    return aggregateValue(typed, children: plain + [key, bound] + (field.map { [$0] } ?? []), value)
  }
}

/// One customer's rows for a correlated aggregate: their keys in ascending order, each
/// with the aggregate of the rows up to and including it. One array per customer that
/// has such rows, none for the others.
struct AccumulatedRun: Sendable {
  struct Entry: Sendable {
    var key: Double
    /// The row's value while collecting; once sorted, the aggregate up to this row.
    var value: Double?
  }

  private let entries: [Entry]
  /// The aggregate of no rows (`count` 0, `sum` 0, the others null).
  let none: Double?

  init(_ collected: [Entry], _ function: Aggregate.Function) {
    var entries = collected
    entries.sort { $0.key < $1.key }
    var acc = Accumulator(function)
    none = acc.result
    for i in entries.indices {
      if let v = entries[i].value { acc.add(v) }
      entries[i].value = acc.result
    }
    self.entries = entries
  }

  /// The aggregate of the rows whose key is below `bound` (or equal to it, unless
  /// `strict`), found by binary search.
  func value(below bound: Double, strict: Bool) -> Double? {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if strict ? entries[mid].key < bound : entries[mid].key <= bound {
        low = mid + 1
      } else {
        high = mid
      }
    }
    return low == 0 ? none : entries[low - 1].value
  }
}
