/// The type of an expression, as the checker and the plan compiler see it.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
  /// A number; `integer` when it is known to be whole (an integer column or literal).
  case number(integer: Bool)
  /// A text: a string literal or a text column.
  case text
  /// `true` or `false`: a condition.
  case boolean
  /// A point in time, in whole seconds since 1970 (UTC); `now`, timestamp and date columns.
  case timestamp
  /// A length of time in seconds: a duration literal, or the difference of two timestamps.
  case duration
  /// A percentage literal (`5%`).
  case percent
  /// The `null` literal: comparable with nothing (use `is null`).
  case null
  /// A list literal `[…]` whose items have type `element`.
  case list(element: ValueType)
  /// A whole row (`customer`, `complaint`): usable with `in SEGMENT` (customer) or as a
  /// condition (an event row: "there is such a row").
  case row(String)
  /// Already reported; suppresses follow-on errors.
  case error

  /// The type as diagnostics name it: `integer`, `number`, `text`, `list of text`,
  /// `row 'complaint'`, ….
  public var description: String {
    switch self {
    case .number(let integer): return integer ? "integer" : "number"
    case .text: return "text"
    case .boolean: return "boolean"
    case .timestamp: return "timestamp"
    case .duration: return "duration"
    case .percent: return "percent"
    case .null: return "null"
    case .list(let element): return "list of \(element)"
    case .row(let name): return "row '\(name)'"
    case .error: return "error"
    }
  }

  /// The type a column of `type` has in expressions (dates are timestamps at midnight UTC).
  public init(_ type: ColumnType) {
    switch type {
    case .integer: self = .number(integer: true)
    case .decimal: self = .number(integer: false)
    case .boolean: self = .boolean
    case .timestamp, .date: self = .timestamp
    case .text: self = .text
    }
  }

  var isNumber: Bool {
    if case .number = self { return true }
    return false
  }

  /// Whether two types can be compared with `==` (and, for ordered types, `<`).
  func isComparable(with other: ValueType) -> Bool {
    switch (self, other) {
    case (.error, _), (_, .error): return true
    case (.number, .number): return true
    default: return self == other
    }
  }
}
