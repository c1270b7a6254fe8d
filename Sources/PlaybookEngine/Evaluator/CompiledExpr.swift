import PlaybookLanguage

/// How a compiled expression yields its value. Numbers are `Double`; timestamps and
/// durations are seconds. Text is never materialised per row: text operands are compared
/// in place by the parent node. Unchecked: the closures only read columns and values
/// fixed when they were compiled.
enum Evaluation: @unchecked Sendable {
  case truth((Frame) -> Truth)
  case number((Frame) -> Double?)
  case time((Frame) -> Int64?)
  case duration((Frame) -> Int64?)
  case text(TextOperand)
  case list([CompiledExpr])
  /// A bare event row: "there is such a row" (always true where it is bound).
  case row
}

/// A text value read in place: a literal, or a column of the row in a slot; or made by
/// a function (`lower(x)` builds its bytes per row; `trim` reads its operand without
/// the white space around it, and `coalesce` the first of its operands that is neither
/// null nor empty, both in place).
enum TextOperand: Sendable {
  case literal([UInt8])
  case column(TextColumn, NullMask, Slot)
  case computed(@Sendable (Frame) -> [UInt8]?)
  indirect case trimmed(TextOperand)
  case coalesced([TextOperand])
}

/// An expression compiled once per plan, kept as a tree so `explain` can show the value
/// of every part for one customer.
final class CompiledExpr: Sendable {
  let expr: Expr
  let children: [CompiledExpr]
  let evaluation: Evaluation
  /// For a path: the `row.field` it reads, so explain can show `csat = 3`.
  let field: (row: String, field: String)?
  /// How the node evaluates over a batch of rows at once; nil for row by row through
  /// `evaluation` (`truths(_:)`).
  let columnar: Columnar?

  init(
    _ expr: Expr, _ evaluation: Evaluation, children: [CompiledExpr] = [],
    field: (row: String, field: String)? = nil, columnar: Columnar? = nil
  ) {
    self.expr = expr
    self.evaluation = evaluation
    self.children = children
    self.field = field
    self.columnar = columnar
  }

  /// The value of a number, time or duration node as a `Double` (aggregates sum these).
  @inline(__always) func numeric(_ frame: Frame) -> Double? {
    switch evaluation {
    case .number(let f): return f(frame)
    case .time(let f), .duration(let f): return f(frame).map(Double.init)
    default: return Self.noNumber()
    }
  }

  /// The value as a condition (only for truth-valued nodes and bare rows).
  @inline(__always) func truth(_ frame: Frame) -> Truth {
    switch evaluation {
    case .truth(let f): return f(frame)
    case .row: return .yes
    default: return Self.noCondition()
    }
  }

  // The broken invariants of `numeric` and `truth`, out of line: they return rather than
  // being `Never` in the hot switches, where a trapping branch makes the optimiser copy
  // (retain and release) the closure it calls on every row.
  @inline(never) private static func noNumber() -> Double? {
    preconditionFailure("a number read from a node that has none; the checker sums only numbers and times")
  }

  @inline(never) private static func noCondition() -> Truth {
    preconditionFailure("a condition that is not true/false; the checker allows only those and event rows")
  }
}
