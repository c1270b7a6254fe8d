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
        var entries: [(key: Double, value: Double?)] = []
        for r in rows.link.rows(ofCustomer: customer) {
          let row = Int(r)
          guard rows.admits(row) else { continue }
          frame.inner = row
          // A row whose key is null passes no comparison with the trigger.
          guard plain.allSatisfy({ $0.truth(frame).holds }), let k = key.numeric(frame) else { continue }
          entries.append((descending ? -k : k, field.map { $0.numeric(frame) } ?? 0))
        }
        return AccumulatedRun(entries, function)
      }
    }
    let value: (Frame) -> Double? = { frame in
      let run = runs.value(frame.customer)
      // A null bound makes every comparison unknown: no row counts.
      guard let b = bound.numeric(frame) else { return run.results[0] }
      return run.results[run.count(below: descending ? -b : b, strict: strict)]
    }
    return aggregateValue(typed, children: plain + [key, bound] + (field.map { [$0] } ?? []), value)
  }
}

/// One customer's rows for a correlated aggregate: their keys in ascending order, and the
/// aggregate over the first k of them for every k.
struct AccumulatedRun: Sendable {
  let keys: [Double]
  /// `results[k]`: the aggregate of the rows with the k smallest keys (`results[0]` of none).
  let results: [Double?]

  init(_ entries: [(key: Double, value: Double?)], _ function: Aggregate.Function) {
    let sorted = entries.sorted { $0.key < $1.key }
    var acc = Accumulator(function)
    var results: [Double?] = [acc.result]
    results.reserveCapacity(sorted.count + 1)
    for entry in sorted {
      if let v = entry.value { acc.add(v) }
      results.append(acc.result)
    }
    keys = sorted.map(\.key)
    self.results = results
  }

  /// How many keys are below `bound` (or equal to it, unless `strict`).
  func count(below bound: Double, strict: Bool) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let mid = (low + high) / 2
      if strict ? keys[mid] < bound : keys[mid] <= bound {
        low = mid + 1
      } else {
        high = mid
      }
    }
    return low
  }
}
