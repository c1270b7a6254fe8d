/// Prints expressions canonically: single spaces around operators, lists on one line,
/// and parentheses exactly where the parser needs them to read the same tree back.
enum ExpressionPrinter {
  static func print(_ expr: Expr) -> String {
    switch expr.kind {
    case .number(let n): return n.spelling
    case .string(let s): return ASTDump.quote(s.value)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .duration(let d): return d.spelling
    case .timestamp(let t): return t.spelling
    case .percent(let p): return p.spelling
    case .now: return "now"
    case .list(let items): return list(items)
    case .path(let row, let field): return row.text + (field.map { "." + $0.text } ?? "")
    case .unary(.not, let inner): return "not " + operand(inner, atLeast: 3)
    case .unary(.negate, let inner): return "-" + operand(inner, atLeast: 7)
    case .binary(let op, let left, let right):
      let level = level(of: op)
      // Comparisons do not chain, so both sides need to bind tighter.
      let leftMinimum = level == 4 ? 5 : level
      return operand(left, atLeast: leftMinimum) + " \(op.rawValue) " + operand(right, atLeast: level + 1)
    case .inSegment(let left, let segment, let negated):
      return operand(left, atLeast: 5) + (negated ? " not in " : " in ") + segment.text
    case .inList(let left, let items, let negated):
      return operand(left, atLeast: 5) + (negated ? " not in " : " in ") + list(items)
    case .contains(let left, let right):
      return operand(left, atLeast: 5) + " contains " + operand(right, atLeast: 5)
    case .containsAny(let left, let items):
      return operand(left, atLeast: 5) + " contains any " + list(items)
    case .isNull(let left, let negated):
      return operand(left, atLeast: 5) + (negated ? " is not null" : " is null")
    case .between(let subject, let low, let high, let negated):
      return operand(subject, atLeast: 5) + (negated ? " not between " : " between ") + operand(low, atLeast: 5)
        + " and " + operand(high, atLeast: 5)
    case .textMatch(let left, let test, let right):
      return operand(left, atLeast: 5) + " \(test.rawValue) " + operand(right, atLeast: 5)
    case .call(let name, let arguments):
      return name.text + "(" + arguments.map(print).joined(separator: ", ") + ")"
    case .phrase(let row, let phrase): return row.text + " " + print(phrase)
    case .aggregate(let a): return print(a)
    case .sent(let s): return s.text
    }
  }

  private static func print(_ phrase: Phrase) -> String {
    switch phrase {
    case .resolved: "resolved"
    case .resolvedWithin(let d): "resolved within \(d.spelling)"
    case .resolvedAfter(let d): "resolved after \(d.spelling)"
    case .respondedWithin(let d): "responded within \(d.spelling)"
    case .respondedAfter(let d): "responded after \(d.spelling)"
    case .openFor(let d): "open for \(d.spelling)"
    case .inLast(let d): "in last \(d.spelling)"
    }
  }

  private static func print(_ a: Aggregate) -> String {
    var text = a.function.rawValue + "(" + a.row.text + (a.field.map { "." + $0.text } ?? "")
    if let filter = a.filter {
      // A filter ending in a bare row would take the `in last` as its own phrase.
      let guarded = a.inLast != nil && endsWithBareRow(filter)
      text += " where " + (guarded ? "(\(print(filter)))" : print(filter))
    }
    if let d = a.inLast { text += " in last " + d.spelling }
    return text + ")"
  }

  private static func endsWithBareRow(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .path(_, nil): true
    case .binary(_, _, let right): endsWithBareRow(right)
    case .unary(_, let operand): endsWithBareRow(operand)
    default: false
    }
  }

  private static func list(_ items: [Expr]) -> String {
    "[" + items.map(print).joined(separator: ", ") + "]"
  }

  private static func operand(_ expr: Expr, atLeast minimum: Int) -> String {
    level(of: expr) < minimum ? "(" + print(expr) + ")" : print(expr)
  }

  /// How tightly an expression binds: 1 `or` … 8 primaries.
  private static func level(of expr: Expr) -> Int {
    switch expr.kind {
    case .binary(let op, _, _): level(of: op)
    case .unary(.not, _): 3
    case .unary(.negate, _): 7
    case .inSegment, .inList, .contains, .containsAny, .isNull, .between, .textMatch: 4
    default: 8
    }
  }

  private static func level(of op: BinaryOperator) -> Int {
    switch op {
    case .or: 1
    case .and: 2
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 4
    case .add, .subtract: 5
    case .multiply, .divide: 6
    }
  }
}
