/// An aggregate's filter that refers to the rule's trigger row, split so the engine never
/// scans a customer's rows once per trigger: `count(order where order.status == "paid"
/// and order.opened > complaint.resolved)` is the rows that pass the `plain` parts,
/// sorted once per customer by the `key` (`order.opened`), and for each trigger the
/// ones on the right side of the `bound` (`complaint.resolved`), found by binary search
/// (docs/LANGUAGE.md, "Aggregates"; docs/PERFORMANCE.md).
public struct CorrelatedFilter: Sendable {
  /// The `and`-ed parts that read only the aggregated row and the customer.
  public var plain: [TypedExpr]
  /// The side of the comparison that reads the aggregated row.
  public var key: TypedExpr
  /// `key OP bound`, with the key written first (`complaint.resolved < order.opened` is
  /// `order.opened > complaint.resolved`).
  public var comparison: ComparisonOperator
  /// The side of the comparison that reads the trigger row (and maybe the customer).
  public var bound: TypedExpr

  /// The split of `filter`, an aggregate's over the row `inner`: nil when it reads no row
  /// but `inner` and the customer (an ordinary aggregate), or what makes it one the
  /// engine cannot evaluate without rescanning per trigger, and where.
  public static func split(
    _ filter: TypedExpr, inner: String
  ) -> Result<CorrelatedFilter?, CorrelationProblem> {
    var plain: [TypedExpr] = []
    var correlated: [TypedExpr] = []
    for part in conjuncts(filter) {
      if outerRows(in: part.expr, inner: inner).isEmpty {
        plain.append(part)
      } else {
        correlated.append(part)
      }
    }
    guard let part = correlated.first else { return .success(nil) }
    let outer = outerRows(in: part.expr, inner: inner).min() ?? ""
    if correlated.count > 1 {
      return .failure(CorrelationProblem(range: correlated[1].expr.range, kind: .secondComparison, trigger: outer))
    }
    guard case .binary(let op, let lhs, let rhs) = part.expr.kind,
      let comparison = ComparisonOperator(rawValue: op.rawValue), comparison != .equal, comparison != .notEqual
    else {
      return .failure(CorrelationProblem(range: part.expr.range, kind: .notAnOrder, trigger: outer))
    }
    // The engine sorts by the key: it must be a number, a time or a duration.
    guard part.operands[0].type.isNumber || [.timestamp, .duration].contains(part.operands[0].type) else {
      return .failure(CorrelationProblem(range: part.expr.range, kind: .notAnOrder, trigger: outer))
    }
    let readsInner = [reads(lhs, inner), reads(rhs, inner)]
    let readsOuter = [!outerRows(in: lhs, inner: inner).isEmpty, !outerRows(in: rhs, inner: inner).isEmpty]
    let keyFirst: Bool
    switch (readsInner[0] && !readsOuter[0], readsInner[1] && !readsOuter[1]) {
    case (true, false) where !readsInner[1]: keyFirst = true
    case (false, true) where !readsInner[0]: keyFirst = false
    default: return .failure(CorrelationProblem(range: part.expr.range, kind: .mixedSides, trigger: outer))
    }
    return .success(
      CorrelatedFilter(
        plain: plain, key: part.operands[keyFirst ? 0 : 1],
        comparison: keyFirst ? comparison : comparison.mirrored,
        bound: part.operands[keyFirst ? 1 : 0]))
  }

  /// The parts of `expr` joined by `and`, in source order.
  private static func conjuncts(_ typed: TypedExpr) -> [TypedExpr] {
    guard case .binary(.and, _, _) = typed.expr.kind else { return [typed] }
    return typed.operands.flatMap(conjuncts)
  }

  private static func reads(_ expr: Expr, _ row: String) -> Bool {
    rows(in: expr).contains(row)
  }

  /// The event rows `expr` reads other than `inner` (the customer is not one).
  public static func outerRows(in expr: Expr, inner: String) -> Set<String> {
    rows(in: expr).subtracting([inner, "customer"])
  }

  /// Every row name `expr` reads; a nested aggregate's own row is not read here.
  private static func rows(in expr: Expr) -> Set<String> {
    switch expr.kind {
    case .number, .string, .bool, .null, .duration, .timestamp, .percent, .now, .sent: return []
    case .path(let row, _), .phrase(let row, _): return [row.text]
    case .list(let items), .call(_, let items): return items.reduce(into: []) { $0.formUnion(rows(in: $1)) }
    case .unary(_, let a), .isNull(let a, _), .inSegment(let a, _, _): return rows(in: a)
    case .binary(_, let a, let b), .contains(let a, let b), .textMatch(let a, _, let b):
      return rows(in: a).union(rows(in: b))
    case .between(let a, let b, let c, _): return rows(in: a).union(rows(in: b)).union(rows(in: c))
    case .inList(let a, let items, _), .containsAny(let a, let items):
      return items.reduce(rows(in: a)) { $0.union(rows(in: $1)) }
    case .aggregate(let aggregate):
      return (aggregate.filter.map(rows) ?? []).subtracting([aggregate.row.text])
    }
  }
}

/// Why an aggregate's filter cannot refer to the trigger row as written.
public struct CorrelationProblem: Error, Sendable {
  /// The part of the filter at fault.
  public var range: SourceRange
  /// What is wrong with it.
  public var kind: Kind
  /// The trigger row it reads.
  public var trigger: String

  /// The ways a filter can refer to the trigger that the engine does not evaluate.
  public enum Kind: Sendable {
    /// A second part reading the trigger (only one may).
    case secondComparison
    /// A part reading the trigger that is not `<`, `<=`, `>` or `>=` joined by `and`.
    case notAnOrder
    /// A comparison whose sides do not read one the aggregated row, the other the trigger.
    case mixedSides
  }
}

extension ComparisonOperator {
  /// The operator with its operands swapped: `a < b` is `b > a`.
  var mirrored: ComparisonOperator {
    switch self {
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    case .equal, .notEqual: self
    }
  }
}
