/// A double-quoted string; `value` has escapes (`\"`, `\\`, `\n`, `\t`) resolved.
public struct StringLiteral: Hashable, Sendable {
  public var value: String
  public var range: SourceRange
  public init(value: String, range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// A number as written (`4`, `1000`, `4.5`). `spelling` keeps the source text so the
/// formatter reprints it unchanged.
public struct NumberLiteral: Hashable, Sendable {
  public var value: Double
  public var isInteger: Bool
  public var spelling: String
  public var range: SourceRange
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
  public var seconds: Int64
  public var spelling: String
  public var range: SourceRange
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
  public var spelling: String
  public var range: SourceRange
  public init(secondsSinceEpoch: Int64, spelling: String, range: SourceRange) {
    self.secondsSinceEpoch = secondsSinceEpoch
    self.spelling = spelling
    self.range = range
  }
}

/// `5%`, `12.5%`; `value` is the number before the `%`.
public struct PercentLiteral: Hashable, Sendable {
  public var value: Double
  public var spelling: String
  public var range: SourceRange
  public init(value: Double, spelling: String, range: SourceRange) {
    self.value = value
    self.spelling = spelling
    self.range = range
  }
}
