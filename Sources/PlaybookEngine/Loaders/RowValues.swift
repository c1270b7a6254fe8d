import PlaybookLanguage

/// Judging one row's values as it is read: a value that does not fit its column's
/// declared type sets the row aside; otherwise the values vote on undeclared columns.
enum RowValues {
  /// Why the value in `span` cannot go in a column declared `type`, or nil if it fits.
  @inline(__always)
  static func misfit(
    _ span: FieldSpan, bytes: UnsafeBufferPointer<UInt8>, declared type: ColumnType,
    column: @autoclosure () -> String
  ) -> String? {
    if type == .text || span.isNull || votes(span, bytes).fit(type) { return nil }
    var value = FieldText.string(span, from: bytes)
    if value.count > 40 { value = String(value.prefix(40)) + "…" }
    return "value \"\(value)\" in column \(column()) is not \(article(type)) \(type.rawValue)"
  }

  /// The types the value in `span` fits, of `candidates` (those still open for its
  /// column; by default all).
  @inline(__always)
  static func votes(_ span: FieldSpan, _ bytes: UnsafeBufferPointer<UInt8>, within candidates: TypeVotes = .all)
    -> TypeVotes
  {
    if span.isNull { return .all }  // nulls don't vote
    // Escapes only occur in text: a value written with one is never a number or time.
    if span.escaped { return [] }
    return TypeVotes.of(
      UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<span.end]), kind: span.kind, within: candidates)
  }

  private static func article(_ type: ColumnType) -> String {
    type == .integer ? "an" : "a"
  }
}
