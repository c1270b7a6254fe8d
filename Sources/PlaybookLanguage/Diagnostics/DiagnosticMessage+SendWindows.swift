/// Messages about send windows: the playbook's `timezone`, a channel's `quiet` and
/// `days`, and the zone names in the data.
extension DiagnosticMessage {
  /// `unknown day 'monday'` (invalidSendWindow).
  static func unknownDay(_ word: String, hint: String) -> Self {
    Self(.invalidSendWindow, "unknown day '\(word)'", hint: hint)
  }

  /// `quiet hours 08:00-08:00 leave no time to send` (invalidSendWindow).
  static func emptyQuietHours(_ time: String) -> Self {
    Self(
      .invalidSendWindow, "quiet hours \(time)-\(time) are empty or the whole day",
      hint: "quiet hours start and end at different times, e.g. quiet 21:00-08:00")
  }

  /// `unknown time zone 'America/New_Yrok'` (unknownZone).
  public static func unknownZone(_ name: String, hint: String) -> Self {
    Self(.unknownZone, "unknown time zone '\(name)'", hint: hint)
  }

  /// `timezone reads a customer field` (typeError): anything but `customer.FIELD`.
  static let timezoneNotAField = Self(
    .typeError, "timezone reads a customer field", hint: "write: timezone customer.tz default \"America/New_York\"")

  /// `a second 'timezone' statement (the first is on line 3)` (duplicateClause).
  static func secondTimezone(firstLine: Int) -> Self {
    Self(
      .duplicateClause, "a second 'timezone' statement (the first is on line \(firstLine))",
      hint: "a playbook has one customer time zone; remove one")
  }

  /// `12 customers have a time zone this machine does not know (e.g. 'Mars/Base'); America/New_York is used`
  /// (unknownZoneValues).
  public static func unknownZoneValues(_ count: Int, example: String, field: String, zone: String) -> Self {
    Self(
      .unknownZoneValues,
      "\(count) \(count == 1 ? "customer has" : "customers have") a time zone in \(field) this machine does not know "
        + "(e.g. '\(example)'); \(zone) is used for \(count == 1 ? "it" : "them")",
      hint: "zones are IANA names such as \"Europe/Rome\"; the system's tzdata lists them")
  }
}
