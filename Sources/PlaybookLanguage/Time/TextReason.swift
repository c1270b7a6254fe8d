/// Why a column whose values look like something else was left as text, for the
/// messages that say which `types` line makes it usable (describe, the checker's hints).
public enum TextReason: Sendable, Hashable {
  /// Every value is a date (or date and time) with its year last, like `03/04/2026`:
  /// whether the day or the month comes first is never guessed. `example` is the first
  /// value; `formats` the formats that read every value (one when some value, like
  /// `25/04/2026`, settles the order; two when none does), day first first.
  case ambiguousDayMonth(example: String, formats: [String])

  /// The reason for a column of year-last dates that fit `orders`, judged from its first
  /// value `example`; nil when `example` is not such a date.
  public static func ambiguousDayMonth(example: String, orders: Timestamp.DayMonthOrders) -> TextReason? {
    var text = example
    let shape: (separator: Character, time: String)? = text.withUTF8 { s in
      guard Timestamp.dayMonthOrders(s) != nil,
        let separator = s.first(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        )
      else { return nil }
      let colons = s.filter { $0 == UInt8(ascii: ":") }.count
      let time = colons == 0 ? "" : colons == 1 ? " %H:%M" : " %H:%M:%S"
      return (Character(Unicode.Scalar(separator)), time)
    }
    guard let shape else { return nil }
    let s = String(shape.separator)
    var formats: [String] = []
    if orders.contains(.dayFirst) { formats.append("%d\(s)%m\(s)%Y\(shape.time)") }
    if orders.contains(.monthFirst) { formats.append("%m\(s)%d\(s)%Y\(shape.time)") }
    return formats.isEmpty ? nil : .ambiguousDayMonth(example: example, formats: formats)
  }

  /// The `types` lines that make `column` usable, one per format.
  public func typesLines(column: String) -> [String] {
    switch self {
    case .ambiguousDayMonth(let example, let formats):
      let type = example.contains(":") ? "timestamp" : "date"
      return formats.map { "types \(ASTDump.column(column)) = \(type) \(ASTDump.quote($0))" }
    }
  }

  /// Why the column is text, in words: `dates like '03/04/2026' could be day first or
  /// month first`.
  public var explanation: String {
    switch self {
    case .ambiguousDayMonth(let example, let formats):
      formats.count > 1
        ? "dates like '\(example)' could be day first or month first, which is never guessed"
        : "dates like '\(example)' have their year last, and their format is never guessed"
    }
  }
}
