/// Messages about functions, `between`, text tests and `in last` on a field.
extension DiagnosticMessage {
  /// `x.resolved in last 7d`: only the opened time has `in last`.
  static func fieldInLast(row: String, field: String) -> Self {
    Self(
      .parseError, "'in last' reads when a row was opened, not '\(field)'",
      hint: "write: \(row) in last D, or \(row).\(field) >= now - D")
  }

  /// A `matches` pattern that is no regular expression; `problem` is the regex parser's.
  static func invalidPattern(_ problem: String) -> Self {
    Self(.invalidPattern, "not a valid pattern: \(problem)")
  }

  /// `lowr(x)`: a name that is no function, with the near one or the known ones.
  static func unknownFunction(_ name: String) -> Self {
    Self(
      .unknownFunction, "unknown function '\(name)'",
      hint: [
        NearNames.didYouMean(name, in: ScalarFunction.knownNames),
        "functions: \(ScalarFunction.knownNames.joined(separator: ", "))",
      ].compactMap { $0 }.joined(separator: " "))
  }

  /// `lower(a, b)`: the wrong number of arguments.
  static func wrongArgumentCount(_ function: ScalarFunction, given: Int) -> Self {
    let wanted = function.isVariadic ? "at least \(function.arity)" : "\(function.arity)"
    return Self(
      .typeError, "\(function.rawValue) takes \(wanted) argument\(function.arity == 1 ? "" : "s"), not \(given)",
      hint: "write: \(function.usage)")
  }
}
