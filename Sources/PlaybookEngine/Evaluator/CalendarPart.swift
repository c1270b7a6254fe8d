import PlaybookLanguage

/// The parts of a time `month`, `day_of_week` and `hour` read, from seconds on a wall
/// clock (UTC plus the offset of a `LocalTime`).
enum CalendarPart: CustomStringConvertible {
  case month, dayOfWeek, hour

  static let secondsPerDay: Int64 = 86_400

  /// `month` 1–12, `day_of_week` 1 (Monday) – 7 (Sunday) as ISO 8601 numbers them, `hour` 0–23.
  func value(at wallSeconds: Int64) -> Int {
    let days = Int(wallSeconds.floorDivided(by: Self.secondsPerDay))
    switch self {
    case .month: return Timestamp.civil(fromDays: days).month
    // 1970-01-01 was a Thursday (4).
    case .dayOfWeek: return (days + 3).floorModulo(7) + 1
    case .hour: return Int(wallSeconds - Int64(days) * Self.secondsPerDay) / 3600
    }
  }

  var description: String {
    switch self {
    case .month: "month"
    case .dayOfWeek: "day_of_week"
    case .hour: "hour"
    }
  }
}

/// The wall clock the calendar functions read a time on: UTC, or with a playbook
/// `timezone`, each customer's zone read from the frame.
enum LocalTime: Sendable {
  case utc
  case customer(CustomerZones)

  /// Seconds to add to a UTC time to read it on this clock, for the customer in `frame`.
  @inline(__always) func offset(at time: Int64, _ frame: Frame) -> Int64 {
    switch self {
    case .utc: 0
    case .customer(let zones): zones.zone(ofCustomer: frame.customer).offset(atInstant: time)
    }
  }
}

extension BinaryInteger {
  /// Division rounding toward negative infinity: a time before 1970 is still on its day.
  fileprivate func floorDivided(by d: Self) -> Self {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }

  fileprivate func floorModulo(_ d: Self) -> Self {
    let r = self % d
    return r < 0 ? r + d : r
  }
}
