import PlaybookLanguage

/// How a node evaluates over a whole batch of rows in one loop (`RowBatch`), for the node
/// kinds a rule's conditions are mostly made of; a node without one is evaluated row by
/// row through its closure. Each form reads the same columns with the same rules as the
/// closure beside it, and evaluates an operand at the same rows (BatchEvaluationTests
/// compare the two over random rows and nulls).
enum Columnar: Sendable {
  /// `and` / `or` of the two children (`Truth.and`, `Truth.or`), `not` of the one.
  case and, or, not
  /// A comparison of two number, two time or two duration children: the answer for
  /// each sign of their three-way comparison (-1, 0, 1), from `ExpressionCompiler.test`.
  case comparison(answers: [Truth])
  /// A text column compared with a literal.
  case textComparison(TextLiteralComparison)
  /// The same value for every row (a literal, `now`): the closure is called once.
  case constant
  /// A number, time or true/false column of the row in `slot` (never the aggregate
  /// slot, which no batch binds); `clock` for a lifecycle column, whose times after it
  /// have not happened yet and read as null.
  case column(Column, Slot, clock: Int64?)
  /// A lifecycle phrase on the row in `slot`.
  case phrase(Lifecycle, Lifecycle.Test, Slot)
  /// `customer in segment` (`not in`, when `negated`), from the segment's stored values.
  case segment(PerCustomer<UInt8>, negated: Bool)
}

// Each function writes the node's value at `positions` into `out`, a vector at least as
// long as the batch, and leaves its other entries alone; the vectors its operands need
// come from `scratch` and go back to it.
extension CompiledExpr {
  /// The node's truth (a condition or a bare row).
  func truths(_ batch: RowBatch, _ positions: Positions, into out: inout [Truth], _ scratch: inout BatchScratch) {
    switch columnar {
    case .and?: combined(batch, positions, into: &out, &scratch, isAnd: true)
    case .or?: combined(batch, positions, into: &out, &scratch, isAnd: false)
    case .not?:
      children[0].truths(batch, positions, into: &out, &scratch)
      for p in positions { out[Int(p)] = !out[Int(p)] }
    case .comparison(let answers)?:
      if case .number = children[0].evaluation {
        compared(batch, positions, into: &out, answers, &scratch, \.numbers, children[0].numbers, children[1].numbers)
      } else {
        compared(batch, positions, into: &out, answers, &scratch, \.times, children[0].times, children[1].times)
      }
    case .textComparison(let comparison)?:
      comparison.truths(batch, positions, into: &out)
    case .constant?:
      Self.broadcast(truth, batch, positions, into: &out)
    case .column(let column, let slot, _)?:
      guard case .boolean(let values) = column.values else { return Self.byRow(truth, batch, positions, into: &out) }
      let nulls = column.nulls
      for p in positions {
        let r = batch.index(slot, Int(p))
        out[Int(p)] = nulls.isNull(r) ? .unknown : Truth(values[r])
      }
    case .phrase(let lifecycle, let phrase, let slot)?:
      for p in positions { out[Int(p)] = lifecycle.evaluate(phrase, row: batch.index(slot, Int(p))).0 }
    case .segment(let members, let negated)?:
      for p in positions {
        out[Int(p)] = ExpressionCompiler.membership(members, Int(batch.customers[Int(p)]), negated: negated)
      }
    case nil:
      Self.byRow(truth, batch, positions, into: &out)
    }
  }

  /// A node without a batch form: `value` called for each row.
  private static func byRow<T>(
    _ value: (Frame) -> T, _ batch: RowBatch, _ positions: Positions, into out: inout [T]
  ) {
    for p in positions { out[Int(p)] = value(batch.frame(Int(p))) }
  }

  /// A constant: `value` called once, for the first row, and written at every position.
  private static func broadcast<T>(
    _ value: (Frame) -> T, _ batch: RowBatch, _ positions: Positions, into out: inout [T]
  ) {
    guard let first = positions.first else { return }
    let v = value(batch.frame(Int(first)))
    for p in positions { out[Int(p)] = v }
  }

  /// The node's number; nil where it is null.
  func numbers(_ batch: RowBatch, _ positions: Positions, into out: inout [Double?], _ scratch: inout BatchScratch) {
    guard case .number(let f) = evaluation else {
      preconditionFailure("numbers read from a node that has none; the checker compares only like types")
    }
    switch columnar {
    case .constant?:
      return Self.broadcast(f, batch, positions, into: &out)
    case .column(let column, let slot, _)?:
      let nulls = column.nulls
      switch column.values {
      case .integer(let values):
        for p in positions {
          let r = batch.index(slot, Int(p))
          out[Int(p)] = nulls.isNull(r) ? nil : Double(values[r])
        }
        return
      case .decimal(let values):
        for p in positions {
          let r = batch.index(slot, Int(p))
          out[Int(p)] = nulls.isNull(r) ? nil : values[r]
        }
        return
      default: break
      }
    default: break
    }
    Self.byRow(f, batch, positions, into: &out)
  }

  /// The node's time or duration, in seconds; nil where it is null.
  func times(_ batch: RowBatch, _ positions: Positions, into out: inout [Int64?], _ scratch: inout BatchScratch) {
    let f: (Frame) -> Int64?
    switch evaluation {
    case .time(let g), .duration(let g): f = g
    default: preconditionFailure("times read from a node that has none; the checker compares only like types")
    }
    switch columnar {
    case .constant?:
      return Self.broadcast(f, batch, positions, into: &out)
    case .column(let column, let slot, let clock)?:
      guard case .timestamp(let values) = column.values else { break }
      let nulls = column.nulls
      let latest = clock ?? .max
      for p in positions {
        let r = batch.index(slot, Int(p))
        let v = values[r]
        out[Int(p)] = nulls.isNull(r) || v > latest ? nil : v
      }
      return
    default: break
    }
    Self.byRow(f, batch, positions, into: &out)
  }

  /// `and` or `or`: the right child is evaluated only at the positions the left one
  /// has not decided (false for `and`, true for `or`), as row by row.
  private func combined(
    _ batch: RowBatch, _ positions: Positions, into out: inout [Truth], _ scratch: inout BatchScratch, isAnd: Bool
  ) {
    children[0].truths(batch, positions, into: &out, &scratch)
    let decided: Truth = isAnd ? .no : .yes
    let open = positions.kept(&scratch.positions) { out[$0] != decided }
    if !open.isEmpty {
      var right = scratch.truths.take(batch.count)
      children[1].truths(batch, open, into: &right, &scratch)
      for p in open {
        let i = Int(p)
        out[i] = isAnd ? Truth.and(out[i], right[i]) : Truth.or(out[i], right[i])
      }
      scratch.truths.give(right)
    }
    scratch.positions.give(open.storage)
  }

  /// A comparison: the right operand is read only where the left one is not null, as
  /// row by row; a null on either side makes it unknown.
  @inline(__always)
  private func compared<T: Comparable>(
    _ batch: RowBatch, _ positions: Positions, into out: inout [Truth], _ answers: [Truth],
    _ scratch: inout BatchScratch, _ pool: WritableKeyPath<BatchScratch, VectorPool<T?>>,
    _ left: (RowBatch, Positions, inout [T?], inout BatchScratch) -> Void,
    _ right: (RowBatch, Positions, inout [T?], inout BatchScratch) -> Void
  ) {
    var x = scratch[keyPath: pool].take(batch.count)
    left(batch, positions, &x, &scratch)
    let known = positions.kept(&scratch.positions) { x[$0] != nil }
    var y = scratch[keyPath: pool].take(batch.count)
    right(batch, known, &y, &scratch)
    // Where the left is null the right was not read: `y` there is stale, never looked at.
    for p in positions {
      let i = Int(p)
      if let a = x[i], let b = y[i] {
        out[i] = answers[ExpressionCompiler.sign(a, b) + 1]
      } else {
        out[i] = .unknown
      }
    }
    scratch.positions.give(known.storage)
    scratch[keyPath: pool].give(x)
    scratch[keyPath: pool].give(y)
  }
}
