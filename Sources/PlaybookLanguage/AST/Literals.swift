/// A double-quoted string; `value` has escapes (`\"`, `\\`, `\n`, `\t`) resolved.
public struct StringLiteral: Hashable, Sendable {
  /// The text, escapes resolved, without the quotes.
  public var value: String
  /// From the opening quote to the closing quote, both included.
  public var range: SourceRange
  /// A string literal whose resolved text is `value`.
  public init(value: String, range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// A number as written (`4`, `1000`, `4.5`). `spelling` keeps the source text so the
/// formatter reprints it unchanged.
public struct NumberLiteral: Hashable, Sendable {
  /// The number's value.
  public var value: Double
  /// True when written without a decimal point (`4`, not `4.0`): the checker types it as an
  /// integer.
  public var isInteger: Bool
  /// The number as written.
  public var spelling: String
  /// Where the number was written.
  public var range: SourceRange
  /// A number literal; `spelling` is what the formatter prints.
  public init(value: Double, isInteger: Bool, spelling: String, range: SourceRange) {
    self.value = value
    self.isInteger = isInteger
    self.spelling = spelling
    self.range = range
  }
}

/// A duration: a sum of `<n>w|d|h|m|s` parts (`30m`, `4h`, `1d12h`). A day is exactly
/// 24 hours. `spelling` keeps the source text.
public struct DurationLiteral: Hashable, Sendable {
  /// The duration in seconds (`1d12h` is 129600).
  public var seconds: Int64
  /// The duration as written (`1d12h`).
  public var spelling: String
  /// Where the duration was written.
  public var range: SourceRange
  /// A duration of `seconds`; `spelling` is what the formatter prints.
  public init(seconds: Int64, spelling: String, range: SourceRange) {
    self.seconds = seconds
    self.spelling = spelling
    self.range = range
  }
}

/// An ISO 8601 date or date-time (`2026-11-01`, `2026-11-01T09:30:00Z`,
/// `2026-11-01T09:30:00+02:00`); without an offset it is UTC.
public struct TimestampLiteral: Hashable, Sendable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var secondsSinceEpoch: Int64
  /// The timestamp as written (`2026-11-01`).
  public var spelling: String
  /// Where the timestamp was written.
  public var range: SourceRange
  /// A timestamp at `secondsSinceEpoch` (UTC); `spelling` is what the formatter prints.
  public init(secondsSinceEpoch: Int64, spelling: String, range: SourceRange) {
    self.secondsSinceEpoch = secondsSinceEpoch
    self.spelling = spelling
    self.range = range
  }
}

/// `5%`, `12.5%`; `value` is the number before the `%`.
public struct PercentLiteral: Hashable, Sendable {
  /// The number before the `%`: `12.5` for `12.5%`, not a fraction of 1.
  public var value: Double
  /// The percentage as written (`12.5%`).
  public var spelling: String
  /// Where the percentage was written.
  public var range: SourceRange
  /// A percentage of `value` (out of 100); `spelling` is what the formatter prints.
  public init(value: Double, spelling: String, range: SourceRange) {
    self.value = value
    self.spelling = spelling
    self.range = range
  }
}
