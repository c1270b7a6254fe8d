import PlaybookLanguage

/// The column types a value fits. A column's type is the most specific one that (nearly)
/// all of its non-null values fit (`TypeTally`); nulls don't vote.
///
/// The rules, by what the text looks like once spaces and tabs around it are dropped
/// (JSON strings can only be timestamps, dates or text; JSON numbers only integers or
/// decimals; `true`/`false` only booleans):
/// - integer: `-?[0-9]+` that fits 64 bits, with no leading zero (`0` itself is fine);
///   longer digit strings are text;
/// - decimal: an integer or `-?[0-9]+.[0-9]+`, optionally `e±N`, no leading zero
///   before the point unless it is the only digit (`0.5`);
/// - boolean: `true`, `false`, `yes` or `no` in any case (a column declared boolean takes
///   more: `ColumnReading.boolean`);
/// - timestamp / date: what `Timestamp.read` reads (a bare date is a date), or else
///   `Timestamp.readCommon` (`2012/10/9 14:50:17`); a time without an offset is in the
///   table's zone;
/// - `dayFirst` / `monthFirst`: a date with its year last (`03/04/2026`), in the orders it
///   can be read in. Such a column stays text (its order is never guessed), and these
///   votes say why (`TextReason.ambiguousDayMonth`).
/// So `007`, `+15551234567`, `1,000`, `.5` and `NaN` are text: a leading `+` or zero
/// marks an identifier or phone number, whose text must survive unchanged.
struct TypeVotes: OptionSet, Sendable {
  var rawValue: UInt8

  static let integer = TypeVotes(rawValue: 1)
  static let decimal = TypeVotes(rawValue: 2)
  static let boolean = TypeVotes(rawValue: 4)
  static let timestamp = TypeVotes(rawValue: 8)
  static let date = TypeVotes(rawValue: 16)
  static let dayFirst = TypeVotes(rawValue: 32)
  static let monthFirst = TypeVotes(rawValue: 64)
  static let all: TypeVotes = [.integer, .decimal, .boolean, .timestamp, .date, .dayFirst, .monthFirst]
  /// The votes for a column type (not the day/month orders, which only say why a column is text).
  static let types: TypeVotes = [.integer, .decimal, .boolean, .timestamp, .date]
  /// The orders a year-last date can be read in.
  static let dayOrders: TypeVotes = [.dayFirst, .monthFirst]
  /// The votes a value that may be a time casts.
  private static let times: TypeVotes = [.timestamp, .date, .dayFirst, .monthFirst]

  /// Which of `candidates` the value in `field` fits (only those are tested).
  @inline(__always)
  static func of(
    _ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, within candidates: TypeVotes = .all,
    zone: ZoneOffsets? = nil
  ) -> TypeVotes {
    judge(field, kind: kind, within: candidates, zone: zone).votes
  }

  /// `of`, with the value read on the way, so a loader that keeps it never reads it
  /// twice: the integer when the votes hold `.integer`; the decimal's bit pattern when
  /// they hold `.decimal` alone; the seconds when they hold `.timestamp`; 1 or 0 for a
  /// boolean (no text is two of these). `zone` is the table's, for times without an offset.
  @inline(__always)
  static func judge(
    _ field: UnsafeBufferPointer<UInt8>, kind: FieldSpan.Kind, within candidates: TypeVotes,
    zone: ZoneOffsets? = nil
  ) -> (votes: TypeVotes, value: Int64) {
    switch kind {
    case .bare:
      let field = ValueSyntax.trimmed(field)
      if !candidates.isDisjoint(with: [.integer, .decimal]) {
        let number = numberVotes(field)
        if !number.votes.isEmpty { return number }
      }
      if !candidates.isDisjoint(with: times) {
        let time = timeVotes(field, zone: zone)
        if !time.votes.isEmpty { return time }
      }
      if candidates.contains(.boolean), let value = ValueSyntax.boolean(field) { return (.boolean, value ? 1 : 0) }
      return ([], 0)
    case .string: return timeVotes(ValueSyntax.trimmed(field), zone: zone)
    case .number: return numberVotes(field)
    case .boolean: return (.boolean, field.first == UInt8(ascii: "t") ? 1 : 0)
    case .nested: return ([], 0)
    }
  }

  /// The orders year-last dates (`03/04/2026`) could be read in, when every value of a
  /// column with these votes is one.
  var dayMonthOrders: Timestamp.DayMonthOrders {
    guard self != .all, isDisjoint(with: [.integer, .decimal, .boolean, .timestamp, .date]) else { return [] }
    var orders: Timestamp.DayMonthOrders = []
    if contains(.dayFirst) { orders.insert(.dayFirst) }
    if contains(.monthFirst) { orders.insert(.monthFirst) }
    return orders
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

  /// ISO 8601 first (the fast path every padded time takes), then the other plain forms,
  /// then year-last dates, which only vote for the orders they can be read in.
  @inline(__always)
  private static func timeVotes(_ s: UnsafeBufferPointer<UInt8>, zone: ZoneOffsets?) -> (
    votes: TypeVotes, value: Int64
  ) {
    guard s.count >= 8, isDigit(s[0]) else { return ([], 0) }
    if s.count >= 10, s[4] == UInt8(ascii: "-"), let parsed = Timestamp.read(s) { return time(parsed, zone) }
    return otherTimeVotes(s, zone: zone)
  }

  /// Kept out of line, so the ISO path stays small enough to inline.
  @inline(never)
  private static func otherTimeVotes(_ s: UnsafeBufferPointer<UInt8>, zone: ZoneOffsets?) -> (
    votes: TypeVotes, value: Int64
  ) {
    if let parsed = Timestamp.readCommon(s) { return time(parsed, zone) }
    guard let orders = Timestamp.dayMonthOrders(s) else { return ([], 0) }
    var votes: TypeVotes = []
    if orders.contains(.dayFirst) { votes.insert(.dayFirst) }
    if orders.contains(.monthFirst) { votes.insert(.monthFirst) }
    return (votes, 0)
  }

  @inline(__always)
  private static func time(_ parsed: (seconds: Int64, isDate: Bool, hasOffset: Bool), _ zone: ZoneOffsets?) -> (
    votes: TypeVotes, value: Int64
  ) {
    if parsed.isDate { return ([.date, .timestamp], parsed.seconds) }
    guard let zone, !parsed.hasOffset else { return (.timestamp, parsed.seconds) }
    return (.timestamp, zone.instant(ofWall: parsed.seconds))
  }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
