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

  /// A filter of `aggregate` (`count(order …)`) that refers to the trigger row in a way
  /// that would need a scan of the customer's rows per trigger.
  static func correlatedAggregate(_ problem: CorrelationProblem, aggregate: String, row: String) -> Self {
    let example = "e.g. \(row).opened > \(problem.trigger).opened + 1d"
    switch problem.kind {
    case .secondComparison:
      return Self(
        .correlatedAggregate, "\(aggregate) compares with the trigger row more than once",
        hint: "keep one comparison with the trigger, or use two aggregates")
    case .notAnOrder:
      return Self(
        .correlatedAggregate,
        "\(aggregate) compares with the trigger row only with <, <=, > or >=, joined to the rest with 'and'",
        hint: example)
    case .mixedSides:
      return Self(
        .correlatedAggregate, "compare a value of \(row) on one side with a value of \(problem.trigger) on the other",
        hint: example)
    }
  }
}
