/// An expression with its source range.
public struct Expr: Hashable, Sendable {
  /// The forms of expression, one case each (docs/LANGUAGE.md, "Expressions").
  public indirect enum Kind: Hashable, Sendable {
    /// A number: `4`, `4.5`.
    case number(NumberLiteral)
    /// A double-quoted string: `"complaint"`.
    case string(StringLiteral)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`: a missing value; compare it only with `is null`.
    case null
    /// A duration: `4h`, `1d12h`.
    case duration(DurationLiteral)
    /// A date or date-time: `2026-11-01`, `2026-11-01T09:30:00Z`.
    case timestamp(TimestampLiteral)
    /// A percentage: `5%`.
    case percent(PercentLiteral)
    /// The evaluation clock.
    case now
    /// `[a, b, c]`
    case list([Expr])
    /// A row, or a row's field: `customer`, `complaint`, `complaint.csat`.
    case path(row: Name, field: Name?)
    /// `not a`, `-a`.
    case unary(UnaryOperator, Expr)
    /// `a OP b`: logic, comparison or arithmetic (see ``BinaryOperator``).
    case binary(BinaryOperator, Expr, Expr)
    /// `customer in vip` (segment membership); `negated` for `not in`.
    case inSegment(Expr, segment: Name, negated: Bool)
    /// `x in [a, b]` / `x not in [a, b]`
    case inList(Expr, [Expr], negated: Bool)
    /// `x contains "text"` — case-insensitive substring.
    case contains(Expr, Expr)
    /// `x contains any ["a", "b"]`
    case containsAny(Expr, [Expr])
    /// `x is null` / `x is not null`
    case isNull(Expr, negated: Bool)
    /// `x between a and b` (both ends included); `negated` for `x not between a and b`.
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    /// `x starts with "a"`, `x ends with "a"`, `x matches "re"`: case-insensitive, like
    /// `contains`. A `matches` pattern is a string literal, checked when parsed.
    case textMatch(Expr, TextMatch, Expr)
    /// `lower(x)`, `coalesce(a, b)`, …: a function applied to its arguments. The name is
    /// kept as written; the checker reports one that is no ``ScalarFunction``.
    case call(Name, [Expr])
    /// A lifecycle phrase on an event row: `complaint resolved within 4h`.
    case phrase(row: Name, Phrase)
    /// `count(…)`, `sum(…)`, …
    case aggregate(Aggregate)
    /// `sent(OFFER [via CHANNEL] [in last D])`: read from the send ledger.
    case sent(SentCondition)
  }

  /// Which expression it is, and its parts.
  public var kind: Kind
  /// From the expression's first character to its last.
  public var range: SourceRange

  /// An expression of `kind` spanning `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The text tests written as words after a text: the raw value is their spelling.
public enum TextMatch: String, Hashable, Sendable, CaseIterable {
  case startsWith = "starts with"
  case endsWith = "ends with"
  case matches
}

/// A prefix operator: `not` (on a condition) or `-` (on a number or a duration).
public enum UnaryOperator: String, Hashable, Sendable {
  case not
  case negate = "-"
}

/// An infix operator; the raw value is its spelling (`and`, `==`, `+`).
/// Precedence, loosest first: `or`, `and`, comparisons, `+ -`, `* /`.
public enum BinaryOperator: String, Hashable, Sendable {
  case or, and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// The comparison operators, shared by expressions and `expect audience`.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// Lifecycle phrases on an event row (see docs/LANGUAGE.md for their trigger times).
public enum Phrase: Hashable, Sendable {
  /// `resolved`
  case resolved
  /// `resolved within D`: resolved − opened ≤ D.
  case resolvedWithin(DurationLiteral)
  /// `resolved after D`: resolved − opened > D.
  case resolvedAfter(DurationLiteral)
  /// `responded within D`
  case respondedWithin(DurationLiteral)
  /// `responded after D`
  case respondedAfter(DurationLiteral)
  /// `open for D`: not resolved at the clock and clock − opened ≥ D.
  case openFor(DurationLiteral)
  /// `in last D`: clock − D ≤ opened ≤ clock.
  case inLast(DurationLiteral)
}

/// `count(complaint [where …] [in last D])`, `sum(order.total [where …] [in last D])`.
/// Ranges over all of a customer's rows; binds no trigger.
public struct Aggregate: Hashable, Sendable {
  /// The aggregate functions; the raw value is the name as written.
  public enum Function: String, Hashable, Sendable, CaseIterable {
    case count, sum, avg, min, max
  }

  /// Which function: `count` counts rows, the others read `field`.
  public var function: Function
  /// The event row name ranged over (`complaint`, `order`).
  public var row: Name
  /// The summed field; nil for `count`.
  public var field: Name?
  /// `where CONDITION`, on `row` (and `customer`); nil when every row counts.
  public var filter: Expr?
  /// `in last D`: only rows opened within D before the clock; nil means all of them.
  public var inLast: DurationLiteral?

  /// An aggregate; `field` is nil for `count`.
  public init(
    function: Function, row: Name, field: Name?, filter: Expr?, inLast: DurationLiteral?
  ) {
    self.function = function
    self.row = row
    self.field = field
    self.filter = filter
    self.inLast = inLast
  }
}
