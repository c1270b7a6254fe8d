/// One top-level statement of a playbook.
public struct Statement: Hashable, Sendable {
  public var kind: Kind
  /// From the statement's first keyword to the end of its last line.
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  public enum Kind: Hashable, Sendable {
    /// `playbook "Name"`
    case playbook(StringLiteral)
    /// `as of 2026-11-01T00:00:00Z`
    case asOf(TimestampLiteral)
    /// `window 30d` or `window all` (nil duration).
    case window(DurationLiteral?)
    case load(Load)
    case define(Define)
    case segment(Segment)
    case channel(Channel)
    case offer(Offer)
    case rule(Rule)
    case limit(Limit)
    /// `holdout 5%`
    case holdout(PercentLiteral)
    case export(Export)
    /// `ledger "nightly.sqlite"`
    case ledger(StringLiteral)
    case test(PlaybookTest)
  }
}

/// `load tickets [as ticket] from "tickets.csv" [key id] [link customer_id]
///  [with opened = created_at, …] [types phone = text, …]`
/// Clauses may sit on indented continuation lines.
public struct Load: Hashable, Sendable {
  /// The table name, e.g. `tickets`.
  public var table: Name
  /// `as NAME`: the row name; when nil the engine singularises `table`.
  public var rowName: Name?
  public var path: StringLiteral
  public var key: Name?
  public var link: Name?
  /// `with field = column`: lifecycle (or any) field names mapped onto file columns.
  public var fieldMap: [FieldMapping]
  /// `types column = type`: column types stated where inference guesses wrong.
  public var columnTypes: [ColumnTypeDeclaration]

  public init(
    table: Name, rowName: Name? = nil, path: StringLiteral, key: Name? = nil, link: Name? = nil,
    fieldMap: [FieldMapping] = [], columnTypes: [ColumnTypeDeclaration] = []
  ) {
    self.table = table
    self.rowName = rowName
    self.path = path
    self.key = key
    self.link = link
    self.fieldMap = fieldMap
    self.columnTypes = columnTypes
  }
}

/// `field = column` in a `with` clause.
public struct FieldMapping: Hashable, Sendable {
  public var field: Name
  public var column: Name
  public init(field: Name, column: Name) {
    self.field = field
    self.column = column
  }
}

/// `column = type` in a `types` clause; `type` is one of `ColumnType`'s raw values.
public struct ColumnTypeDeclaration: Hashable, Sendable {
  public var column: Name
  public var type: Name
  public init(column: Name, type: Name) {
    self.column = column
    self.type = type
  }
}

/// `define complaint = ticket where ticket.kind == "complaint"`: a new row name for the
/// rows of another that match a condition.
public struct Define: Hashable, Sendable {
  public var name: Name
  public var source: Name
  public var condition: Expr
  public init(name: Name, source: Name, condition: Expr) {
    self.name = name
    self.source = source
    self.condition = condition
  }
}

/// `segment vip = customer.lifetime_value >= 1000`: a named customer condition.
public struct Segment: Hashable, Sendable {
  public var name: Name
  public var condition: Expr
  public init(name: Name, condition: Expr) {
    self.name = name
    self.condition = condition
  }
}

/// `channel email address customer.email [requires customer.email_opt_in]`
public struct Channel: Hashable, Sendable {
  public var name: Name
  public var address: Expr
  public var requires: Expr?
  public init(name: Name, address: Expr, requires: Expr?) {
    self.name = name
    self.address = address
    self.requires = requires
  }
}

/// `offer THANKS10 "10% off your next order" valid 30d`
public struct Offer: Hashable, Sendable {
  public var code: Name
  public var description: StringLiteral?
  public var valid: DurationLiteral?
  public init(code: Name, description: StringLiteral?, valid: DurationLiteral?) {
    self.code = code
    self.description = description
    self.valid = valid
  }
}

/// `limit 1 per customer [per 7d]`
public struct Limit: Hashable, Sendable {
  public var count: NumberLiteral
  /// The rolling period of `per customer per D`; nil means per run.
  public var period: DurationLiteral?
  public init(count: NumberLiteral, period: DurationLiteral?) {
    self.count = count
    self.period = period
  }
}

/// `export to "out" [as csv|jsonl]`
public struct Export: Hashable, Sendable {
  public var path: StringLiteral
  public var format: Name?
  public init(path: StringLiteral, format: Name?) {
    self.path = path
    self.format = format
  }
}
