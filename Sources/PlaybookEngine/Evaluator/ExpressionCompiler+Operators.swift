import PlaybookLanguage

extension ExpressionCompiler {
  func compileBinary(
    _ typed: TypedExpr, _ op: BinaryOperator, _ l: CompiledExpr, _ r: CompiledExpr
  ) -> CompiledExpr {
    let expr = typed.expr
    let children = [l, r]
    switch op {
    // The right operand is evaluated only when the left one leaves the answer open.
    case .and:
      return CompiledExpr(
        expr,
        .truth { frame in
          let a = l.truth(frame)
          return a == .no ? .no : Truth.and(a, r.truth(frame))
        }, children: children, columnar: .and)
    case .or:
      return CompiledExpr(
        expr,
        .truth { frame in
          let a = l.truth(frame)
          return a == .yes ? .yes : Truth.or(a, r.truth(frame))
        }, children: children, columnar: .or)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      let order = ordering(l, r, types: typed.operands.map(\.type))
      let test = Self.test(op)
      // Numbers, times, durations and a text column against a literal are compared a
      // batch at a time; the others row by row.
      let answers = [-1, 0, 1].map { Truth(test($0)) }
      var columnar: Columnar?
      switch (l.evaluation, r.evaluation) {
      case (.number, .number), (.time, .time), (.duration, .duration):
        columnar = .comparison(answers: answers)
      case (.text(.column(let column, let nulls, let slot)), .text(.literal(let literal))) where slot != .inner:
        columnar = .textComparison(
          TextLiteralComparison(
            column: column, nulls: nulls, slot: slot, literal: literal, literalFirst: false, answers: answers))
      case (.text(.literal(let literal)), .text(.column(let column, let nulls, let slot))) where slot != .inner:
        columnar = .textComparison(
          TextLiteralComparison(
            column: column, nulls: nulls, slot: slot, literal: literal, literalFirst: true, answers: answers))
      default: break
      }
      return CompiledExpr(
        expr, .truth { frame in order(frame).map { Truth(test($0)) } ?? .unknown },
        children: children, columnar: columnar)
    case .add, .subtract, .multiply, .divide:
      return CompiledExpr(
        expr, arithmetic(op, l.evaluation, r.evaluation, types: typed.operands.map(\.type)),
        children: children)
    }
  }

  /// Turns a three-way comparison result into the operator's answer.
  static func test(_ op: BinaryOperator) -> (Int) -> Bool {
    switch op {
    case .equal: return { $0 == 0 }
    case .notEqual: return { $0 != 0 }
    case .less: return { $0 < 0 }
    case .lessOrEqual: return { $0 <= 0 }
    case .greater: return { $0 > 0 }
    case .greaterOrEqual: return { $0 >= 0 }
    case .and, .or, .add, .subtract, .multiply, .divide:
      preconditionFailure("'\(op.rawValue)' is no comparison")
    }
  }

  /// -1, 0 or 1 as `x` is below, equal to or above `y` (a NaN is equal to everything).
  @inline(__always) static func sign<T: Comparable>(_ x: T, _ y: T) -> Int {
    x < y ? -1 : (x > y ? 1 : 0)
  }

  /// A three-way comparison of two operands of the same type (`types`, as checked); nil
  /// when either is null.
  func ordering(_ l: CompiledExpr, _ r: CompiledExpr, types: [ValueType]) -> (Frame) -> Int? {
    switch (l.evaluation, r.evaluation) {
    case (.number(let a), .number(let b)):
      return { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return Self.sign(x, y)
      }
    case (.time(let a), .time(let b)), (.duration(let a), .duration(let b)):
      return { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return Self.sign(x, y)
      }
    case (.truth(let a), .truth(let b)):
      return { frame in
        let x = a(frame)
        let y = b(frame)
        guard x != .unknown, y != .unknown else { return nil }
        return Int(x.rawValue) - Int(y.rawValue)
      }
    case (.text(let a), .text(let b)):
      return TextComparison.ordering(a, b)
    case (.row, .row), (.list, .list):
      // `complaint == complaint`, `[1] == [1]`: rows and lists have no value to compare,
      // so the answer is unknown.
      return { _ in nil }
    default:
      let compared = types.map(\.description).joined(separator: " with ")
      preconditionFailure("comparing \(compared); the checker compares only like types")
    }
  }

  /// `l op r` for operand types the checker allows; the operator is chosen here, once,
  /// not per row.
  private func arithmetic(
    _ op: BinaryOperator, _ l: Evaluation, _ r: Evaluation, types: [ValueType]
  ) -> Evaluation {
    let overflow = self.overflow
    switch (op, l, r) {
    case (.add, .number(let a), .number(let b)):
      return .number { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return x + y
      }
    case (.subtract, .number(let a), .number(let b)):
      return .number { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return x - y
      }
    case (.multiply, .number(let a), .number(let b)):
      return .number { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return x * y
      }
    case (.divide, .number(let a), .number(let b)):
      return .number { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return y == 0 ? nil : x / y
      }
    case (.subtract, .time(let a), .time(let b)):
      return .duration { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return x - y
      }
    // Times and durations stay within `TimeBounds`, so these sums cannot leave 64 bits;
    // a result outside the bounds is an overflow: null, and counted.
    case (.subtract, .time(let a), .duration(let b)):
      return .time { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return overflow.checked(TimeBounds.time(x - y))
      }
    case (.add, .time(let a), .duration(let b)), (.add, .duration(let b), .time(let a)):
      return .time { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return overflow.checked(TimeBounds.time(x + y))
      }
    case (.add, .duration(let a), .duration(let b)):
      return .duration { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return overflow.checked(TimeBounds.duration(x + y))
      }
    case (.subtract, .duration(let a), .duration(let b)):
      return .duration { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return overflow.checked(TimeBounds.duration(x - y))
      }
    case (.multiply, .duration(let a), .number(let b)), (.multiply, .number(let b), .duration(let a)):
      return .duration { frame in
        guard let x = a(frame), let y = b(frame) else { return nil }
        return overflow.checked(TimeBounds.duration(Double(x) * y))
      }
    case (.divide, .duration(let a), .number(let b)):
      return .duration { frame in
        guard let x = a(frame), let y = b(frame), y != 0 else { return nil }
        return overflow.checked(TimeBounds.duration(Double(x) / y))
      }
    default:
      let operands = types.map(\.description).joined(separator: " and ")
      preconditionFailure("'\(op.rawValue)' on \(operands); the checker allows no such arithmetic")
    }
  }

  func compileInList(
    _ typed: TypedExpr, _ subject: CompiledExpr, _ items: [CompiledExpr], negated: Bool
  ) -> CompiledExpr {
    let subjectType = typed.operands[0].type
    let orders = zip(items, typed.operands.dropFirst()).map { item, itemTyped in
      ordering(subject, item, types: [subjectType, itemTyped.type])
    }
    return CompiledExpr(
      typed.expr,
      .truth { frame in
        var sawNull = false
        for order in orders {
          guard let o = order(frame) else {
            sawNull = true
            continue
          }
          if o == 0 { return negated ? .no : .yes }
        }
        return sawNull ? .unknown : (negated ? .yes : .no)
      }, children: [subject] + items)
  }

  func compileContains(
    _ expr: Expr, _ subject: CompiledExpr, _ needles: [CompiledExpr]
  ) -> CompiledExpr {
    let search = TextComparison.containsAny(
      subject.evaluation, needles.map(\.evaluation))
    return CompiledExpr(expr, .truth(search), children: [subject] + needles)
  }

  /// An aggregate depends only on the customer (it binds no row), so its value is
  /// computed once per customer — for all customers before a full evaluation, or for
  /// one on demand — and evaluation reads it.
  func compileAggregate(_ typed: TypedExpr, _ aggregate: Aggregate) -> CompiledExpr {
    if let filter = typed.operands.first,
      case .success(let split?) = CorrelatedFilter.split(filter, inner: aggregate.row.text)
    {
      return compileCorrelatedAggregate(typed, aggregate, split)
    }
    let expr = typed.expr
    let rows = aggregateRows(aggregate)
    var inner = self
    inner.slots[aggregate.row.text] = .inner
    // The operands are the filter alone: the field is a path, compiled here.
    let filter = typed.operands.first.map(inner.compile)
    let field = inner.aggregateField(aggregate)
    let function = aggregate.function
    // What one row of the aggregate adds for `customer`: nil when it adds nothing.
    func value(_ row: Int, of customer: Int) -> Double? {
      guard rows.admits(row) else { return nil }
      let frame = Frame(customer: customer, inner: row)
      if let filter, !filter.truth(frame).holds { return nil }
      guard let field else { return 0 }
      return field.numeric(frame)
    }
    let values = self.values.aggregate(Structure(expr)) {
      PerCustomer(
        { customer -> Double? in
          var acc = Accumulator(function)
          for r in rows.link.rows(ofCustomer: customer) {
            if let v = value(Int(r), of: customer) { acc.add(v) }
          }
          return acc.result
        },
        computeAll: { customers in
          // A plain count of the rows admitted asks each of millions of rows only
          // `admits`, not `value` (which makes a frame and looks for a filter and a field).
          guard function == .count, filter == nil else {
            return Self.scanned(rows.link.customerOfRow, customers: customers, function, value)
          }
          return Self.counted(rows.link.customerOfRow, customers: customers, rows.test)
        })
    }
    let children = (filter.map { [$0] } ?? []) + (field.map { [$0] } ?? [])
    return aggregateValue(typed, children: children) { values.value($0.customer) }
  }
}

extension ExpressionCompiler {
  /// Every customer's value of an aggregate (`function` over what `value` gives for each
  /// of its rows, nil adding nothing) in one pass over the table in file order, where the
  /// link index would visit each customer's rows at random: each row read where the one
  /// before it was.
  ///
  /// A count is the same whichever rows are counted first, so each core counts a range
  /// of rows into counts of its own, added up after. A sum must add each customer's rows
  /// in file order (floats added in another order can differ in the last bit), so for
  /// the other functions each core takes a range of customers and scans every row,
  /// adding only its own customers' rows, in file order, the order `rows(ofCustomer:)`
  /// gives them.
  static func scanned(
    _ customerOfRow: ColumnArray<Int32>, customers: Int, _ function: Aggregate.Function,
    _ value: (Int, Int) -> Double?
  ) -> [Double?] {
    if function == .count {
      return withoutActuallyEscaping(value) { counted(customerOfRow, customers: customers, CountedByValue(value: $0)) }
    }
    let parts = customers < 4096 ? 1 : Parallel.coreCount
    return Parallel.map(parts) { k in
      let range = customers * k / parts..<customers * (k + 1) / parts
      var accs = Accumulators(function, count: range.count)
      customerOfRow.withUnsafeBufferPointer { customerOf in
        for (row, c) in customerOf.enumerated() where range.contains(Int(c)) {
          if let v = value(row, Int(c)) { accs.add(v, at: Int(c) - range.lowerBound) }
        }
      }
      return (0..<range.count).map(accs.result)
    }.flatMap { $0 }
  }

  /// Each customer's count of the rows linked to it that `counts` (given the row and its
  /// customer) is true for: each core counts a range of rows into counts of its own,
  /// added up after.
  ///
  /// Rows come in file order, their customers at random, and a million customers' counts
  /// (4 MB) do not fit in a core's cache: adding to them one row at a time waited on
  /// memory at nearly every row. So the customers of the rows counted are first listed,
  /// then grouped by block of `countBlock` customers (whose counts do fit), then added
  /// block by block.
  ///
  /// Generic over what counts, so each kind gets a loop of its own with its test inlined:
  /// a closure called for each of millions of rows cost more than the test.
  static func counted<Counts: RowCounting>(
    _ customerOfRow: ColumnArray<Int32>, customers: Int, _ counts: Counts
  ) -> [Double?] {
    let rowCount = customerOfRow.count
    let parts = rowCount < 100_000 ? 1 : Parallel.coreCount
    let tallies = Parallel.map(parts) { k in
      let rows = rowCount * k / parts..<rowCount * (k + 1) / parts
      // Every row is written and only those counted are kept, with no branch that
      // follows the data (`RowTest.keeps`).
      let hits = [Int32](unsafeUninitializedCapacity: rows.count) { hits, count in
        // Locals, kept in registers through the loop.
        let counts = counts
        var n = 0
        customerOfRow.withUnsafeBufferPointer { customerOf in
          for row in rows {
            let c = customerOf[row]
            hits[n] = c
            n &+= Int(counts.counts(row, customer: Int(c)).bit)
          }
        }
        count = n
      }
      return tallied(hits, customers: customers)
    }
    return (0..<customers).map { c in Double(tallies.reduce(0) { $0 + Int($1[c]) }) }
  }

  /// Customers per block of `counted`: 256 KB of counts, within a core's cache.
  static let countBlock = 1 << 16

  /// How many times each customer appears in `hits`, added block by block of customers.
  private static func tallied(_ hits: [Int32], customers: Int) -> [Int32] {
    var tally = [Int32](repeating: 0, count: customers)
    let blocks = (customers + countBlock - 1) / countBlock
    tally.withUnsafeMutableBufferPointer { tally in
      guard blocks > 1 else {
        for c in hits { tally[Int(c)] += 1 }
        return
      }
      // A counting sort of the hits by block: each block's hits, then each one's counts.
      var starts = [Int](repeating: 0, count: blocks + 1)
      for c in hits { starts[Int(c) / countBlock + 1] += 1 }
      for b in 0..<blocks { starts[b + 1] += starts[b] }
      var next = starts
      let grouped = [Int32](unsafeUninitializedCapacity: hits.count) { grouped, count in
        for c in hits {
          let b = Int(c) / countBlock
          grouped[next[b]] = c
          next[b] += 1
        }
        count = hits.count
      }
      for c in grouped { tally[Int(c)] += 1 }
    }
    return tally
  }

  /// The rows an aggregate ranges over: its table's rows linked to a customer that
  /// exist at the clock, are of its row's kind (a `define`) and, with `in last D`,
  /// were opened in that span.
  func aggregateRows(_ aggregate: Aggregate) -> AggregateRows {
    guard let binding = model.table(ofRow: aggregate.row.text),
      let link = dataset.links[binding.name], let lifecycle = lifecycles[binding.name]
    else {
      preconditionFailure(
        "\(aggregate.function.rawValue)(\(aggregate.row.text)) has no loaded event table; the checker resolves every row"
      )
    }
    let kinds = members[aggregate.row.text].map(ColumnArray.init)
    return AggregateRows(
      link: link, lifecycle: lifecycle, members: kinds,
      test: RowTest(
        link: link, members: kinds, lifecycle: lifecycle, since: aggregate.inLast.map { clock - $0.seconds }))
  }

  /// An aggregate node reading `value`: a time when the aggregate is one (`max` of a
  /// time column), a number otherwise.
  func aggregateValue(
    _ typed: TypedExpr, children: [CompiledExpr], _ value: @escaping (Frame) -> Double?
  ) -> CompiledExpr {
    if typed.type == .timestamp {
      return CompiledExpr(
        typed.expr, .time { value($0).flatMap { $0.isFinite ? TimeBounds.time(Int64($0)) : nil } },
        children: children)
    }
    return CompiledExpr(typed.expr, .number(value), children: children)
  }

  /// The field an aggregate other than `count` reads, compiled with the aggregated row
  /// in this compiler's inner slot.
  func aggregateField(_ aggregate: Aggregate) -> CompiledExpr? {
    aggregate.field.map {
      compilePath(
        Expr(.path(row: aggregate.row, field: $0), range: $0.range), row: aggregate.row.text, field: $0.text)
    }
  }
}

/// Whether a row counts for its customer (`ExpressionCompiler.counted`); a row of no
/// customer (-1) never does.
protocol RowCounting: Sendable {
  func counts(_ row: Int, customer: Int) -> Bool
}

extension RowTest: RowCounting {
  @inline(__always) func counts(_ row: Int, customer: Int) -> Bool { keeps(row) }
}

/// A row counts when an aggregate's `value` gives it one.
private struct CountedByValue: RowCounting, @unchecked Sendable {
  let value: (Int, Int) -> Double?

  func counts(_ row: Int, customer: Int) -> Bool { customer >= 0 && value(row, customer) != nil }
}

/// See `ExpressionCompiler.aggregateRows`.
struct AggregateRows {
  let link: LinkIndex
  /// What `test` reads through pointers, kept alive here.
  let lifecycle: Lifecycle
  let members: ColumnArray<Bool>?
  /// Which rows count: linked, existing at the clock, of the aggregated row's kind (a
  /// `define`) and, with `in last D`, opened in that span.
  let test: RowTest

  @inline(__always) func admits(_ row: Int) -> Bool { test.keeps(row) }
}

/// Running sum, average, minimum or maximum; empty input gives null (sum gives 0).
struct Accumulator {
  let function: Aggregate.Function
  var count = 0
  var total = 0.0
  var extreme: Double?

  init(_ function: Aggregate.Function) { self.function = function }

  mutating func add(_ v: Double) {
    count += 1
    total += v
    switch function {
    case .min: extreme = Swift.min(extreme ?? v, v)
    case .max: extreme = Swift.max(extreme ?? v, v)
    default: break
    }
  }

  var result: Double? { Self.result(function, count: count, total: total, extreme: extreme) }

  /// The value of `function` over `count` values adding up to `total`, the least or
  /// greatest of them `extreme`.
  static func result(_ function: Aggregate.Function, count: Int, total: Double, extreme: Double?) -> Double? {
    switch function {
    case .count: return Double(count)
    case .sum: return total
    case .avg: return count == 0 ? nil : total / Double(count)
    case .min, .max: return extreme
    }
  }
}

/// `Accumulator`s of many customers at once, kept column by column and only the
/// columns `function` needs: adding a row to a count touches 4 bytes, so the counts of
/// a million customers stay in the processor's cache while rows are added in file order.
struct Accumulators {
  let function: Aggregate.Function
  private var counts: [Int32]
  /// Each one's total (sum, avg), or its least or greatest value (min, max); empty for count.
  private var totals: [Double]

  init(_ function: Aggregate.Function, count: Int) {
    self.function = function
    counts = [Int32](repeating: 0, count: count)
    totals = function == .count ? [] : [Double](repeating: 0, count: count)
  }

  /// Adds `v` to the `i`th, as `Accumulator.add` does.
  mutating func add(_ v: Double, at i: Int) {
    counts[i] += 1
    switch function {
    case .count: break
    case .sum, .avg: totals[i] += v
    case .min: totals[i] = counts[i] == 1 ? v : Swift.min(totals[i], v)
    case .max: totals[i] = counts[i] == 1 ? v : Swift.max(totals[i], v)
    }
  }

  /// The `i`th's value, as `Accumulator.result` gives it.
  func result(_ i: Int) -> Double? {
    let count = Int(counts[i])
    // `totals` holds whichever of total and extreme the function reads.
    let kept = totals.isEmpty ? 0 : totals[i]
    return Accumulator.result(function, count: count, total: kept, extreme: count == 0 ? nil : kept)
  }
}
