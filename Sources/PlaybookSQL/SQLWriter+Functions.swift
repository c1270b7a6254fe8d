import PlaybookLanguage

/// The functions (`ScalarFunction`) whose meaning the dialect can say exactly.
extension SQLWriter {
  func call(_ typed: TypedExpr, _ name: Name, _ scope: inout Scope) -> String {
    let construct = "\(name.text)(…)"
    guard let function = ScalarFunction(rawValue: name.text) else {
      preconditionFailure("unknown function '\(name.text)'; the checker reports every unknown function")
    }
    let arguments = typed.operands
    switch function {
    case .trim: return d.trimmed(expr(arguments[0], &scope))
    case .coalesce:
      // For text, the first that is neither null nor empty, as `is null` reads text.
      let values = arguments.map { argument in
        let sql = expr(argument, &scope)
        return argument.type == .text ? "NULLIF(\(sql), '')" : sql
      }
      return "coalesce(\(values.joined(separator: ", ")))"
    case .daysBetween:
      // Whole days, rounded toward zero, as 64-bit integers divide.
      let seconds = "((\(expr(arguments[1], &scope))) - (\(expr(arguments[0], &scope))))"
      return d.float(d.integerQuotient(seconds, by: 86400))
    case .month, .dayOfWeek, .hour:
      guard model.timezone == nil else {
        return refuse(
          typed.expr.range,
          "it reads each customer's time zone, whose rules the engine and the database take from their own tzdata",
          construct: construct)
      }
      let part: CalendarField = function == .month ? .month : (function == .hour ? .hour : .isoDayOfWeek)
      return d.calendar(part, ofSeconds: expr(arguments[0], &scope))
    case .lower, .upper:
      return refuse(
        typed.expr.range,
        "the engine maps letters beyond ASCII with Unicode's case mapping, which the database's does not reproduce",
        construct: construct)
    case .length:
      return refuse(
        typed.expr.range, "the engine counts characters as people see them (`é` written as e and an accent is one)",
        construct: construct)
    }
  }
}

/// A part of a time read on the UTC wall clock.
public enum CalendarField: Sendable {
  /// 1–12.
  case month
  /// 1 (Monday) – 7 (Sunday).
  case isoDayOfWeek
  /// 0–23.
  case hour
}
