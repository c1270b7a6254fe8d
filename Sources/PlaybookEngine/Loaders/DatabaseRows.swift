public import PlaybookLanguage

/// A database table or query result as a `DatabaseReader` hands it over: the column
/// names, each column's type from the database, and every value's text, row by row.
/// The loader reads the text as it reads a data file's fields, by the column's type: an
/// empty text is null, and a value that does not fit its column's type sets its row aside.
/// Rows come in any order: the loader puts them in one of its own (`DatabaseTable`).
public struct DatabaseRows: Sendable {
  /// The column names, in the result's order.
  public let names: [String]
  /// Each column's type, as the database declares or stores it.
  public var types: [ColumnType]
  /// For each column of a type Playloop has none for (`jsonb`, `interval`), the
  /// database's name of that type, its values being read as their text; nil for the others.
  public var unmappedTypes: [String?]
  /// Every value's UTF-8 text, one after another.
  private(set) var text: [UInt8] = []
  /// Where each value lies in `text`, row after row (`names.count` a row).
  private(set) var spans: [FieldSpan] = []
  /// Whether a value was longer than a field may be (`FieldSpan.maxLength`): the load
  /// is refused rather than the value cut.
  private(set) var hasOverlongValue = false

  /// No rows yet, of columns `names` typed `types`.
  public init(names: [String], types: [ColumnType]) {
    precondition(names.count == types.count, "one type per column")
    self.names = names
    self.types = types
    self.unmappedTypes = Array(repeating: nil, count: names.count)
  }

  /// The rows appended so far.
  public var rowCount: Int { names.isEmpty ? 0 : spans.count / names.count }

  /// Appends the next value, by its UTF-8 text; an empty text is null.
  public mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
    guard !value.isEmpty else { return appendNull() }
    if value.count > FieldSpan.maxLength { hasOverlongValue = true }
    spans.append(
      FieldSpan(start: text.count, length: min(value.count, FieldSpan.maxLength), kind: .bare, escaped: false))
    text.append(contentsOf: value)
  }

  /// Appends the next value as text.
  public mutating func append(_ value: String) {
    var value = value
    value.withUTF8 { append($0) }
  }

  /// Appends a null as the next value.
  public mutating func appendNull() {
    spans.append(.null)
  }
}
