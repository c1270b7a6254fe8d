/// `timezone customer.tz default "America/New_York"`: where each customer's time zone is
/// read, for the channels' send windows and the calendar functions.
public struct CustomerTimeZone: Hashable, Sendable {
  /// The customer field holding an IANA zone name (`customer.tz`).
  public var field: Expr
  /// The zone of customers whose field is null or names no zone this machine knows.
  public var defaultZone: StringLiteral
  /// `timezone field default "zone"`.
  public init(field: Expr, defaultZone: StringLiteral) {
    self.field = field
    self.defaultZone = defaultZone
  }
}

/// A time of day as written, `21:00`.
public struct ClockTime: Hashable, Sendable {
  /// Minutes since midnight, 0–1439.
  public var minutes: Int
  /// The source spelling (`8:00` or `08:00`).
  public var spelling: String
  /// Where it is written.
  public var range: SourceRange
  /// A time `minutes` after midnight, spelt `spelling` at `range`.
  public init(minutes: Int, spelling: String, range: SourceRange) {
    self.minutes = minutes
    self.spelling = spelling
    self.range = range
  }

  /// `08:00`: two-digit hours and minutes.
  public var text: String { Self.text(minutes: minutes) }

  /// `08:00` for 480 minutes after midnight.
  public static func text(minutes: Int) -> String {
    let (h, m) = (minutes / 60, minutes % 60)
    return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
  }
}

/// `quiet 21:00-08:00`: the hours of the customer's day a channel sends nothing. The end
/// may be before the start: the quiet hours then run over midnight.
public struct QuietHours: Hashable, Sendable {
  /// When quiet begins (included).
  public var start: ClockTime
  /// When quiet ends and sending may start again (excluded from the quiet hours).
  public var end: ClockTime
  /// `quiet start-end`.
  public init(start: ClockTime, end: ClockTime) {
    self.start = start
    self.end = end
  }

  /// Whether the minute of the day `minute` (0–1439) is quiet.
  public func contains(minute: Int) -> Bool {
    start.minutes < end.minutes
      ? minute >= start.minutes && minute < end.minutes
      : minute >= start.minutes || minute < end.minutes
  }

  /// `21:00-08:00`.
  public var text: String { start.text + "-" + end.text }
}

/// A day of the week as `days` names it; raw values are the words, cases in ISO order
/// (Monday first).
public enum Weekday: String, CaseIterable, Hashable, Sendable {
  case mon, tue, wed, thu, fri, sat, sun

  /// 0 for Monday to 6 for Sunday.
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// `days mon-fri` or `days mon,wed,fri`: the days of the customer's week a channel sends.
public struct SendDays: Hashable, Sendable {
  /// Each item as written: one day, or a run `first-last` (which may wrap past Sunday).
  public var items: [(first: Weekday, last: Weekday?)] {
    get { spans.map { ($0.first, $0.last) } }
    set { spans = newValue.map { Span(first: $0.first, last: $0.last) } }
  }
  /// Where the list is written, for diagnostics.
  public var range: SourceRange
  private var spans: [Span]

  private struct Span: Hashable, Sendable {
    var first: Weekday
    var last: Weekday?
  }

  /// The days of `items`, written at `range`.
  public init(items: [(first: Weekday, last: Weekday?)], range: SourceRange) {
    self.spans = items.map { Span(first: $0.first, last: $0.last) }
    self.range = range
  }

  /// Bit `Weekday.index` set for each day sending is allowed.
  public var mask: UInt8 {
    var mask: UInt8 = 0
    for span in spans {
      var day = span.first.index
      let last = (span.last ?? span.first).index
      mask |= 1 << day
      while day != last {
        day = (day + 1) % 7
        mask |= 1 << day
      }
    }
    return mask
  }

  /// `mon-fri`, `mon,wed,fri`: as written, without spaces.
  public var text: String {
    spans.map { $0.first.rawValue + ($0.last.map { "-" + $0.rawValue } ?? "") }.joined(separator: ",")
  }
}
