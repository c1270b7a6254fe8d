extension TextReason {
  /// The reason for a column of year-last dates that fit `orders`, judged from its first
  /// value `example`; nil when `example` is not such a date. `formats` lists day first
  /// first (one format when some value, like `25/04/2026`, settles the order).
  public static func ambiguousDayMonth(example: DataValue, orders: Timestamp.DayMonthOrders) -> TextReason? {
    var text = example.text
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
    return formats.isEmpty ? nil : .ambiguousDayMonth(first: example, formats: formats)
  }

  /// The `types` lines that make `column` usable: one per format for dates whose order
  /// is not known, the type most values share for a misfit.
  public func typesLines(column: String) -> [String] {
    switch self {
    case .ambiguousDayMonth(let first, let formats):
      let type = first.text.contains(":") ? "timestamp" : "date"
      return formats.map { "types \(ASTDump.column(column)) = \(type) \(ASTDump.quote($0))" }
    case .misfit(let wouldBe, _, _):
      return ["types \(ASTDump.column(column)) = \(wouldBe.rawValue)"]
    }
  }

  /// Why the column is text, in words: `dates like '03/04/2026' could be day first or
  /// month first, which is never guessed`.
  public var explanation: String {
    switch self {
    case .ambiguousDayMonth(let first, let formats):
      formats.count > 1
        ? "dates like '\(first.text)' could be day first or month first, which is never guessed"
        : "dates like '\(first.text)' have their year last, and their format is never guessed"
    case .misfit(let wouldBe, let first, let count):
      "line \(first.line) holds '\(first.text)'"
        + (count > 1 ? " (and \(count - 1) more not \(wouldBe.rawValue))" : "")
        + "; the other values are \(wouldBe.rawValue)"
    }
  }
}
