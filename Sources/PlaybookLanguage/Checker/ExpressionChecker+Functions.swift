/// Types `between` and the function calls (docs/LANGUAGE.md, "Functions").
extension ExpressionChecker {
  /// `x between a and b`: three values of one ordered type (numbers, times, durations).
  mutating func betweenType(_ subject: Expr, low: Expr, high: Expr) -> ValueType {
    let t = type(of: subject)
    let bounds = [(low, type(of: low)), (high, type(of: high))]
    if t == .null || bounds.contains(where: { $0.1 == .null }) {
      report(.typeError("nothing is between null", hint: "use 'is null'"), at: subject.range.union(high.range))
      return .boolean
    }
    guard t.isNumber || t == .timestamp || t == .duration || t == .error else {
      reportMismatch("between needs a number, a time or a duration, but this is \(t)", subject, t)
      return .boolean
    }
    for (bound, boundType) in bounds where !t.isComparable(with: boundType) {
      reportMismatch("cannot compare \(t) with \(boundType)", bound, boundType)
    }
    if let lo = Self.constant(low), let hi = Self.constant(high), lo > hi {
      report(
        .typeError(
          "between \(ExpressionPrinter.print(low)) and \(ExpressionPrinter.print(high)) is never true",
          hint: "put the lower bound first"), at: low.range.union(high.range))
    }
    return .boolean
  }

  /// The value of a number, duration or time literal, to catch bounds in the wrong order.
  private static func constant(_ expr: Expr) -> Double? {
    switch expr.kind {
    case .number(let n): n.value
    case .duration(let d): Double(d.seconds)
    case .timestamp(let t): Double(t.secondsSinceEpoch)
    default: nil
    }
  }

  /// A function call: a known function, with as many arguments as it takes, of its types.
  mutating func callType(_ name: Name, _ arguments: [Expr], range: SourceRange) -> ValueType {
    let types = arguments.map { type(of: $0) }
    guard let function = ScalarFunction(rawValue: name.text) else {
      report(.unknownFunction(name.text), at: name.range)
      return .error
    }
    let count = arguments.count
    guard count == function.arity || (function.isVariadic && count > function.arity) else {
      report(.wrongArgumentCount(function, given: count), at: range)
      return .error
    }
    let wanted: ValueType
    switch function {
    case .lower, .upper, .trim, .length: wanted = .text
    case .daysBetween, .month, .dayOfWeek, .hour: wanted = .timestamp
    case .coalesce: return coalesceType(arguments, types)
    }
    var failed = false
    for (argument, t) in zip(arguments, types) where t != wanted {
      failed = true
      reportMismatch("\(function.rawValue) needs \(wanted == .text ? "text" : "a time"), but this is \(t)", argument, t)
    }
    if failed { return .error }
    switch function {
    case .lower, .upper, .trim: return .text
    default: return .number(integer: true)
    }
  }

  /// `coalesce(a, b, …)`: values of one type (not rows or lists); the first not null.
  private mutating func coalesceType(_ arguments: [Expr], _ types: [ValueType]) -> ValueType {
    var result: ValueType?
    for (argument, t) in zip(arguments, types) {
      switch t {
      case .error: return .error
      case .null:
        report(.typeError("coalesce of null adds nothing", hint: "leave the null out"), at: argument.range)
        return .error
      case .row, .list:
        report(.typeError("coalesce needs values, but this is \(t)"), at: argument.range)
        return .error
      default:
        guard let so = result else {
          result = t
          continue
        }
        guard so.isComparable(with: t) else {
          reportMismatch("coalesce mixes \(so) and \(t)", argument, t)
          return .error
        }
        if case .number(let a) = so, case .number(let b) = t { result = .number(integer: a && b) }
      }
    }
    return result ?? .error
  }
}
