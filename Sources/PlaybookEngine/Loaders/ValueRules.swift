import PlaybookLanguage

/// What a table's values mean beyond their text, from its load's clauses: which texts
/// are null (`nulls`), the zone of times without an offset (`timezone`), and the formats
/// of declared time columns (`types c = timestamp "…"`).
struct ValueRules: Sendable {
  var nulls = NullTexts()
  /// Nil for UTC.
  var zone: ZoneOffsets?
  /// Column name → its declared format.
  var formats: [String: TimestampFormat] = [:]

  /// No null texts but empty and whitespace-only ones, UTC, no formats.
  init() {}

  /// The rules `spec` states; throws for an unknown time zone.
  init(_ spec: TableSpec) throws(LoadError) {
    nulls = NullTexts(spec.nullTokens)
    zone = try spec.timezone.map { (name) throws(LoadError) in try ZoneOffsets(identifier: name, file: spec.path) }
    formats = spec.timeFormats
  }

  /// How the column `name`, declared `type` (nil when inferred), is read.
  func reading(column name: String, declared type: ColumnType?) -> ColumnReading {
    ColumnReading(zone: zone, format: type == .timestamp || type == .date ? formats[name] : nil)
  }
}

/// How one column's values are read: with its table's zone, and its declared format.
/// A value is judged (`fits`) and converted by the same reader.
struct ColumnReading: Sendable {
  /// The zone of times written without an offset; nil for UTC.
  var zone: ZoneOffsets?
  /// The declared format of a timestamp or date column.
  var format: TimestampFormat?

  /// Whether the value in `field` can be stored in a column declared `type`.
  @inline(__always)
  func fits(_ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, _ type: ColumnType) -> Bool {
    switch type {
    case .text: true
    case .boolean: boolean(field) != nil
    case .timestamp, .date:
      if let format { format.read(ValueSyntax.trimmed(field)) != nil } else { votes(field, kind).fit(type) }
    case .integer, .decimal: votes(field, kind).fit(type)
    }
  }

  /// The types the value fits when inferred (its votes), in this column's zone.
  @inline(__always)
  func votes(_ field: UnsafeBufferPointer<UInt8>, _ kind: FieldSpan.Kind) -> TypeVotes {
    TypeVotes.of(field, kind: kind, zone: zone)
  }

  /// A value of a column declared (or inferred) boolean.
  func boolean(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
    ValueSyntax.declaredBoolean(ValueSyntax.trimmed(field))
  }

  /// A value of a timestamp or date column as seconds: by the declared format, else as
  /// inferred times are read. A date is cut to its day, and never moved by the zone.
  func seconds(_ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, as type: ColumnType) -> Int64? {
    guard let format else {
      return TypeVotes.judge(field, kind: kind, within: [.timestamp, .date], zone: zone).value
    }
    guard let wall = format.read(ValueSyntax.trimmed(field)) else { return nil }
    if type == .date { return wall - ((wall % 86_400) + 86_400) % 86_400 }
    guard let zone, !format.hasOffset else { return wall }
    return zone.instant(ofWall: wall)
  }
}

/// Which field texts are null: empty ones, whitespace-only ones, and the table's
/// `nulls` tokens, matched exactly (case too) once spaces and tabs around the field
/// are dropped. A quoted field is matched by its text: `"NA"` is a null token too.
struct NullTexts: Sendable {
  /// The tokens, trimmed, the empty ones dropped.
  private let tokens: [[UInt8]]
  /// Bit `n` is set when some token has `n` bytes (for tokens under 64 bytes).
  private let lengths: UInt64

  /// Only empty and whitespace-only fields.
  init() {
    tokens = []
    lengths = 0
  }

  /// Empty and whitespace-only fields, and `tokens`.
  init(_ tokens: [String]) {
    let trimmed = tokens.compactMap { token -> [UInt8]? in
      let bytes = Array(token.utf8)
      let text = bytes.withUnsafeBufferPointer { Array(ValueSyntax.trimmed($0)) }
      return text.isEmpty ? nil : text
    }
    self.tokens = trimmed
    lengths = trimmed.reduce(0) { $1.count < 64 ? $0 | 1 << $1.count : $0 }
  }

  /// Whether there are tokens beside the blank texts.
  var hasTokens: Bool { !tokens.isEmpty }

  /// Replaces the spans of the first `count` of `fields` that are null texts by null.
  @inline(__always)
  func nullify(_ fields: UnsafeMutableBufferPointer<FieldSpan>, count: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    for c in 0..<count where isNull(fields[c], in: bytes) { fields[c] = .null }
  }

  /// Whether a non-empty field is a null text. Most are ruled out by their first byte
  /// when the table has no tokens.
  @inline(__always)
  func isNull(_ span: FieldSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if span.isNull || span.escaped { return false }
    let first = bytes[span.start]
    if tokens.isEmpty, !ValueSyntax.isSpace(first) { return false }
    return matches(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
  }

  private func matches(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    let text = ValueSyntax.trimmed(field)
    if text.isEmpty { return true }
    guard text.count < 64, lengths & 1 << text.count != 0 else { return false }
    return tokens.contains { $0.count == text.count && $0.elementsEqual(text) }
  }
}
