import PlaybookLanguage

/// The column types a value fits. A column's type is the most specific one that (nearly)
/// all of its non-null values fit (`TypeTally`); nulls don't vote.
///
/// The rules, by what the text looks like (JSON strings can only be timestamps, dates
/// or text; JSON numbers only integers or decimals; `true`/`false` only booleans):
/// - integer: `-?[0-9]+` that fits 64 bits, with no leading zero (`0` itself is fine);
///   longer digit strings are text;
/// - decimal: an integer or `-?[0-9]+.[0-9]+`, optionally `e±N`, no leading zero
///   before the point unless it is the only digit (`0.5`);
/// - boolean: `true` or `false` in any case;
/// - timestamp / date: what `Timestamp.parse` reads (a bare date is a date).
/// So `007`, `+15551234567`, `1,000`, `.5` and `NaN` are text: a leading `+` or zero
/// marks an identifier or phone number, whose text must survive unchanged.
struct TypeVotes: OptionSet, Sendable {
  var rawValue: UInt8

  static let integer = TypeVotes(rawValue: 1)
  static let decimal = TypeVotes(rawValue: 2)
  static let boolean = TypeVotes(rawValue: 4)
  static let timestamp = TypeVotes(rawValue: 8)
  static let date = TypeVotes(rawValue: 16)
  static let all: TypeVotes = [.integer, .decimal, .boolean, .timestamp, .date]

  /// Which of `candidates` the value in `field` fits (only those are tested).
  @inline(__always)
  static func of(_ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, within candidates: TypeVotes = .all)
    -> TypeVotes
  {
    judge(field, kind: kind, within: candidates).votes
  }

  /// `of`, with the value read on the way, so a loader that keeps it never reads it
  /// twice: the integer when the votes hold `.integer`; the decimal's bit pattern when
  /// they hold `.decimal` alone; the seconds when they hold `.timestamp` (no text is
  /// two of these).
  @inline(__always)
  static func judge(_ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, within candidates: TypeVotes)
    -> (votes: TypeVotes, value: Int64)
  {
    switch kind {
    case .bare:
      if !candidates.isDisjoint(with: [.integer, .decimal]) {
        let number = numberVotes(field)
        if !number.votes.isEmpty { return number }
      }
      if !candidates.isDisjoint(with: [.timestamp, .date]) {
        let time = timeVotes(field)
        if !time.votes.isEmpty { return time }
      }
      if candidates.contains(.boolean) { return (booleanVotes(field), 0) }
      return ([], 0)
    case .string: return timeVotes(field)
    case .number: return numberVotes(field)
    case .boolean: return (.boolean, 0)
    case .nested: return ([], 0)
    }
  }

  /// Whether a value with these votes can be stored in a column declared `type`.
  func fit(_ type: ColumnType) -> Bool {
    switch type {
    case .integer: contains(.integer)
    case .decimal: contains(.decimal)
    case .boolean: contains(.boolean)
    case .timestamp: contains(.timestamp)
    case .date: contains(.date)
    case .text: true
    }
  }

  private static func numberVotes(_ s: UnsafeBufferPointer<UInt8>) -> (votes: TypeVotes, value: Int64) {
    guard let first = s.first, first == UInt8(ascii: "-") || isDigit(first) else { return ([], 0) }
    if let value = ValueSyntax.integer(s) { return ([.integer, .decimal], value) }
    // An integer too big for 64 bits is an identifier, not an approximate decimal.
    let integerShaped = !s.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
    guard !integerShaped, let value = ValueSyntax.decimal(s) else { return ([], 0) }
    return (.decimal, Int64(bitPattern: value.bitPattern))
  }

  private static func timeVotes(_ s: UnsafeBufferPointer<UInt8>) -> (votes: TypeVotes, value: Int64) {
    guard s.count >= 10, s[4] == UInt8(ascii: "-"), isDigit(s[0]),
      let parsed = Timestamp.parse(s)
    else { return ([], 0) }
    return (parsed.isDate ? [.date, .timestamp] : .timestamp, parsed.seconds)
  }

  private static func booleanVotes(_ s: UnsafeBufferPointer<UInt8>) -> TypeVotes {
    ValueSyntax.boolean(s) != nil ? .boolean : []
  }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
