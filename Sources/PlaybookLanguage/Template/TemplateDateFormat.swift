/// The `date` filter's formats: a strftime subset, in UTC (the files' times are UTC).
///
/// `%Y` 2026, `%y` 26, `%m` 11, `%-m` 11, `%d` 05, `%-d` 5, `%e` ` 5`, `%B` November,
/// `%b` Nov, `%A` Thursday, `%a` Thu, `%H` 09, `%-H` 9, `%I` 09, `%-I` 9, `%M` 30,
/// `%S` 00, `%p` AM, `%j` 309, `%Z` UTC, `%%` %.
public enum TemplateDateFormat {
  /// The directives, as documented.
  public static let directives = [
    "%Y", "%y", "%m", "%-m", "%d", "%-d", "%e", "%B", "%b", "%A", "%a", "%H", "%-H", "%I", "%-I", "%M", "%S", "%p",
    "%j", "%Z", "%%",
  ]

  /// The first directive in `format` that is not one of `directives`; nil when all are.
  public static func unknownDirective(in format: String) -> String? {
    var rest = Substring(format)
    while let percent = rest.firstIndex(of: "%") {
      let after = rest[percent...]
      guard let directive = directives.first(where: { after.hasPrefix($0) }) else {
        return String(after.prefix(after.dropFirst().first == "-" ? 3 : 2))
      }
      rest = after.dropFirst(directive.count)
    }
    return nil
  }

  /// `seconds` (since 1970-01-01 UTC) written by `format`, whose directives are known.
  public static func format(_ seconds: Int64, _ format: String) -> String {
    let days = Int((seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400)
    let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
    let (year, month, day) = Timestamp.civil(fromDays: days)
    let hour = secondOfDay / 3600
    let minute = secondOfDay / 60 % 60
    let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
    let hour12 = hour % 12 == 0 ? 12 : hour % 12
    func pad(_ v: Int, _ width: Int = 2, _ fill: Character = "0") -> String {
      let text = String(v)
      return String(repeating: fill, count: max(0, width - text.count)) + text
    }
    var out = ""
    var rest = Substring(format)
    while let percent = rest.firstIndex(of: "%") {
      out += rest[..<percent]
      let after = rest[percent...]
      guard let directive = directives.first(where: { after.hasPrefix($0) }) else {
        out += after.prefix(1)
        rest = after.dropFirst()
        continue
      }
      switch directive {
      case "%Y": out += String(year)
      case "%y": out += pad(year % 100)
      case "%m": out += pad(month)
      case "%-m": out += String(month)
      case "%d": out += pad(day)
      case "%-d": out += String(day)
      case "%e": out += pad(day, 2, " ")
      case "%B": out += monthNames[month - 1]
      case "%b": out += String(monthNames[month - 1].prefix(3))
      case "%A": out += dayNames[weekday]
      case "%a": out += String(dayNames[weekday].prefix(3))
      case "%H": out += pad(hour)
      case "%-H": out += String(hour)
      case "%I": out += pad(hour12)
      case "%-I": out += String(hour12)
      case "%M": out += pad(minute)
      case "%S": out += pad(secondOfDay % 60)
      case "%p": out += hour < 12 ? "AM" : "PM"
      case "%j": out += pad(days - Timestamp.daysFromCivil(year: year, month: 1, day: 1) + 1, 3)
      case "%Z": out += "UTC"
      default: out += "%"
      }
      rest = after.dropFirst(directive.count)
    }
    return out + rest
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  private static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
