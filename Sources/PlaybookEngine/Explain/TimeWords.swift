import PlaybookLanguage

/// Times as a person reads them, on the customer's clock: `27 Jul 09:12`, `2 Nov`, with the
/// year only when it is not the clock's (`30 Jan 2027`).
public struct TimeWords: Sendable {
  /// The evaluation clock, in seconds since 1970-01-01 UTC.
  public var clock: Int64
  /// The customer's clock.
  public var facts: CustomerFacts

  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `2 Nov` (or `2 Nov 2027`): the customer's date of `instant`.
  public func day(_ instant: Int64) -> String { words(instant, time: false, year: false) }

  /// `2 Nov 08:00`: the customer's date and time of `instant` (to the second when it has seconds).
  public func moment(_ instant: Int64) -> String { words(instant, time: true, year: false) }

  /// `1 Nov 2026 00:00 UTC` or `31 Oct 2026 20:00 in America/New_York (1 Nov 00:00 UTC)`:
  /// the clock, with its year and zone.
  public var clockText: String {
    let utc = TimeWords(clock: clock, facts: CustomerFacts.utc).words(clock, time: true, year: true) + " UTC"
    guard let zone = facts.zone else { return utc }
    return words(clock, time: true, year: true) + " in \(zone) (\(utc))"
  }

  private func words(_ instant: Int64, time: Bool, year: Bool) -> String {
    let (date, seconds) = local(instant)
    var text = "\(date.day) \(Self.months[date.month - 1])"
    if year || date.year != local(clock).date.year { text += " \(date.year)" }
    guard time else { return text }
    text += " \(Self.two(seconds / 3600)):\(Self.two(seconds / 60 % 60))"
    return seconds % 60 == 0 ? text : text + ":" + Self.two(seconds % 60)
  }

  private func local(_ instant: Int64) -> (date: (year: Int, month: Int, day: Int), seconds: Int) {
    let wall = instant + facts.offset(at: instant)
    let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
    return (Timestamp.civil(fromDays: Int(days)), Int(wall - days * 86_400))
  }

  private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
