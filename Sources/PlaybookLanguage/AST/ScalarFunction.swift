/// The functions an expression may call on values (docs/LANGUAGE.md, "Functions"); the
/// raw value is the name as written. Aggregates (`count(…)`) are not among them: they
/// range over rows and are parsed as ``Aggregate``.
public enum ScalarFunction: String, Hashable, Sendable, CaseIterable {
  case lower, upper, trim, length, coalesce
  case daysBetween = "days_between"
  case month
  case dayOfWeek = "day_of_week"
  case hour

  /// How many arguments it takes: exactly this many, or at least 2 for `coalesce`.
  public var arity: Int {
    switch self {
    case .coalesce, .daysBetween: 2
    default: 1
    }
  }

  /// Whether it takes any number of arguments from `arity` up.
  public var isVariadic: Bool { self == .coalesce }

  /// How it is written with its arguments, for messages: `lower(TEXT)`.
  public var usage: String {
    switch self {
    case .lower, .upper, .trim, .length: "\(rawValue)(TEXT)"
    case .coalesce: "coalesce(A, B, …)"
    case .daysBetween: "days_between(FROM, TO)"
    case .month, .dayOfWeek, .hour: "\(rawValue)(TIME)"
    }
  }

  /// Every name a call may use: these functions and the aggregates, sorted.
  public static let knownNames: [String] =
    (allCases.map(\.rawValue) + Aggregate.Function.allCases.map(\.rawValue)).sorted()
}
