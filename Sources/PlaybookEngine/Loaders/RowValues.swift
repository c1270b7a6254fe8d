import PlaybookLanguage

/// Judging one row's values as it is read: a value that does not fit its column's
/// declared type sets the row aside; otherwise the values vote on undeclared columns.
enum RowValues {
  /// Why the value in `span` cannot go in a column declared `type`, or nil if it fits.
  @inline(__always)
  static func misfit(
    _ span: FieldSpan, bytes: UnsafeBufferPointer<UInt8>, declared type: ColumnType, reading: ColumnReading,
    column: @autoclosure () -> String
  ) -> String? {
    if type == .text || span.isNull { return nil }
    // Escapes only occur in text: a value written with one is never a number or time.
    if !span.escaped,
      reading.fits(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), kind: span.kind, type)
    {
      return nil
    }
    var value = FieldText.string(span, from: bytes)
    if value.count > 40 { value = String(value.prefix(40)) + "…" }
    let format = reading.format.map { " \"\($0)\"" } ?? ""
    return "value \"\(value)\" in column \(column()) is not \(article(type)) \(type.rawValue)\(format)"
  }

  private static func article(_ type: ColumnType) -> String {
    type == .integer ? "an" : "a"
  }
}
