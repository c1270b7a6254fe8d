/// `test "name"` with its indented lines: an optional clock, optional table fixtures,
/// and expectations.
///
///     test "fast fixes are thanked"
///       as of 2026-11-01
///       load tickets from "fixtures/tickets.csv" link customer_id
///       expect customer C-1001 gets THANKS10 via email
public struct PlaybookTest: Hashable, Sendable {
  /// The test's name, as `playloop test` reports it.
  public var name: StringLiteral
  /// `as of T`: the clock for this test; nil means the playbook's own.
  public var clock: TimestampLiteral?
  /// Tables replaced for this test only, matched to the playbook's by table name.
  public var fixtures: [Load]
  /// The `expect` lines, in order; the test passes when all hold.
  public var expectations: [Expectation]

  /// A `test` statement with its lines.
  public init(
    name: StringLiteral, clock: TimestampLiteral?, fixtures: [Load], expectations: [Expectation]
  ) {
    self.name = name
    self.clock = clock
    self.fixtures = fixtures
    self.expectations = expectations
  }
}

/// One `expect` line.
public struct Expectation: Hashable, Sendable {
  /// What the line expects.
  public var kind: Kind
  /// From `expect` to the end of its last word.
  public var range: SourceRange
  /// An `expect` line of `kind` spanning `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The four kinds of expectation.
  public enum Kind: Hashable, Sendable {
    /// `expect customer C-1001 gets THANKS10 [via email]`
    case gets(customer: CustomerID, offer: Name, channel: Name?)
    /// `expect customer C-1003 gets no SORRY25`
    case getsNo(customer: CustomerID, offer: Name)
    /// `expect customer C-1002 gets nothing`
    case getsNothing(customer: CustomerID)
    /// `expect audience THANKS10 >= 10`
    case audience(offer: Name, comparison: ComparisonOperator, count: NumberLiteral)
  }
}

/// A customer id as written after `customer`: a bare word such as `C-1001` (letters,
/// digits, `-`, `_`, `.` with no spaces) or a quoted string.
public struct CustomerID: Hashable, Sendable {
  /// The id without its quotes: matched against the customers table's key column.
  public var text: String
  /// True when it was written in quotes (the formatter keeps the quotes).
  public var quoted: Bool
  /// Where the id was written, quotes included.
  public var range: SourceRange
  /// A customer id `text` written at `range`, quoted or bare.
  public init(text: String, quoted: Bool, range: SourceRange) {
    self.text = text
    self.quoted = quoted
    self.range = range
  }
}
