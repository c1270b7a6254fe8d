/// One top-level statement of a playbook.
public struct Statement: Hashable, Sendable {
  /// What the statement says: which statement it is, and its parts.
  public var kind: Kind
  /// From the statement's first keyword to the end of its last line.
  public var range: SourceRange

  /// A statement of `kind` spanning `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The statements of the language, one case per statement word (see ``StatementKeyword``).
  public enum Kind: Hashable, Sendable {
    /// `playbook "Name"`
    case playbook(StringLiteral)
    /// `as of 2026-11-01T00:00:00Z`
    case asOf(TimestampLiteral)
    /// `window 30d` or `window all` (nil duration).
    case window(DurationLiteral?)
    /// `load TABLE from "path" …`: a table of rows from a data file.
    case load(Load)
    /// `define NAME = ROW where CONDITION`: a row name for some rows of another.
    case define(Define)
    /// `segment NAME = CONDITION`: a named customer condition.
    case segment(Segment)
    /// `channel NAME address EXPR [requires EXPR]`, then any `quiet` and `days` lines: a
    /// way to reach a customer.
    case channel(Channel)
    /// `offer CODE ["description"] [valid D]`, then any `subject`/`message` lines: what a
    /// rule can send.
    case offer(Offer)
    /// `rule NAME [priority N]` with its `when`, `and`, `unless` and `send` lines.
    case rule(Rule)
    /// `limit N per customer [per D]`: the most offers a customer gets.
    case limit(Limit)
    /// `holdout 5% [seed "recovery-2026"]`
    case holdout(ControlGroup)
    /// `export to "dir" [as FORMAT]`: where the results go.
    case export(Export)
    /// `ledger "nightly.sqlite"`
    case ledger(StringLiteral)
    /// `timezone customer.tz default "America/New_York"`: each customer's time zone.
    case timezone(CustomerTimeZone)
    /// `test "name"` with its `as of`, `load` and `expect` lines.
    case test(PlaybookTest)
  }
}

/// `load tickets [as ticket] from "tickets.csv" [key id] [link customer_id [to TABLE]]
///  (or `from sqlite "app.db" table "tickets"` / `query "select …"`, `from postgres table "tickets"`)
///  [with opened = created_at, …] [types phone = text, …] [nulls "NA", …]
///  [timezone "Europe/Rome"] [delimiter ";"] [encoding "latin1"]`
/// Clauses may sit on indented continuation lines.
public struct Load: Hashable, Sendable {
  /// The table name, e.g. `tickets`.
  public var table: Name
  /// `as NAME`: the row name; when nil the engine singularises `table`.
  public var rowName: Name?
  /// `from "path"`: the data file's path as written, relative to the playbook's folder unless
  /// absolute; nil for a database with no file (`from postgres table "t"`).
  public var path: StringLiteral?
  /// `key COL`: the column holding each row's id; nil means `id`.
  public var key: Name?
  /// `link COL`: the column naming the row's customer; nil means `customer_id`. The
  /// customers table has none.
  public var link: Name?
  /// `link COL to TABLE`: the table whose key `link` names (a review's order); nil means
  /// the customers. The row is then the customer's of that table's row.
  public var linkTable: Name?
  /// `with field = column`: lifecycle (or any) field names mapped onto file columns.
  public var fieldMap: [FieldMapping]
  /// `types column = type`: column types stated where inference guesses wrong.
  public var columnTypes: [ColumnTypeDeclaration]
  /// `delimiter ";"` (or `delimiter tab`): the CSV field delimiter, its value the one
  /// character (a tab for `tab`); nil detects it from the header.
  public var delimiter: StringLiteral?
  /// `encoding "latin1"`: the file's text encoding as written; nil is UTF-8.
  public var encoding: StringLiteral?
  /// `nulls "NA", "n/a"`: field texts that mean null in this table, besides empty and
  /// whitespace-only fields.
  public var nullTokens: [StringLiteral]
  /// `timezone "Europe/Rome"`: the zone of this table's times written without an
  /// offset; nil means UTC.
  public var timezone: StringLiteral?
  /// `from sqlite "app.db" table "t"`, `from postgres table "t"`: the rows come from a
  /// database, `path` being its file if it has one; nil for a data file.
  public var database: DatabaseSource?

  /// A `load` statement; only the table and the path (or a database) are required.
  public init(
    table: Name, rowName: Name? = nil, path: StringLiteral?, key: Name? = nil, link: Name? = nil,
    linkTable: Name? = nil, fieldMap: [FieldMapping] = [], columnTypes: [ColumnTypeDeclaration] = [],
    nullTokens: [StringLiteral] = [], timezone: StringLiteral? = nil, delimiter: StringLiteral? = nil,
    encoding: StringLiteral? = nil, database: DatabaseSource? = nil
  ) {
    self.table = table
    self.rowName = rowName
    self.path = path
    self.key = key
    self.link = link
    self.linkTable = linkTable
    self.fieldMap = fieldMap
    self.columnTypes = columnTypes
    self.delimiter = delimiter
    self.encoding = encoding
    self.nullTokens = nullTokens
    self.timezone = timezone
    self.database = database
  }

  /// What messages call the load's rows: the path as written; for a database with no
  /// file, its kind and table (`postgres:support.tickets`), or the load's table for a
  /// query (`postgres:query(tickets)`).
  public var source: String {
    if let path { return path.value }
    guard let database else { return "" }
    return database.kind.text + ":" + (database.table?.value ?? "query(\(table.text))")
  }

  /// Where the load says what it reads: the path, else the database kind.
  public var sourceRange: SourceRange {
    path?.range ?? database?.kind.range ?? table.range
  }
}

/// `field = column` in a `with` clause.
public struct FieldMapping: Hashable, Sendable {
  /// The field name used in expressions (`opened`, `responded`, `resolved`, or any).
  public var field: Name
  /// The file's column the field reads (`created_at`).
  public var column: Name
  /// `field = column`.
  public init(field: Name, column: Name) {
    self.field = field
    self.column = column
  }
}

/// `column = type` in a `types` clause; `type` is one of `ColumnType`'s raw values. A
/// timestamp or date may be followed by its format: `created_at = timestamp "%d/%m/%Y %H:%M"`.
public struct ColumnTypeDeclaration: Hashable, Sendable {
  /// The column whose type is stated.
  public var column: Name
  /// The type as written: `integer`, `decimal`, `boolean`, `timestamp`, `date` or `text`;
  /// the parser reports any other word.
  public var type: Name
  /// The `strptime` format of a timestamp or date column (`TimestampFormat`); nil when
  /// the values are read as inferred times are.
  public var format: StringLiteral?
  /// `column = type`, or `column = type "format"`.
  public init(column: Name, type: Name, format: StringLiteral? = nil) {
    self.column = column
    self.type = type
    self.format = format
  }
}

/// `define complaint = ticket where ticket.kind == "complaint"`: a new row name for the
/// rows of another that match a condition.
public struct Define: Hashable, Sendable {
  /// The new row name (`complaint`).
  public var name: Name
  /// The row name it narrows (`ticket`): a loaded table's row name or another `define`.
  public var source: Name
  /// The `where` condition, written in terms of `source`.
  public var condition: Expr
  /// `define name = source where condition`.
  public init(name: Name, source: Name, condition: Expr) {
    self.name = name
    self.source = source
    self.condition = condition
  }
}

/// `segment vip = customer.lifetime_value >= 1000`: a named customer condition.
public struct Segment: Hashable, Sendable {
  /// The segment's name, used as `customer in NAME`.
  public var name: Name
  /// The condition on `customer` a member meets.
  public var condition: Expr
  /// `segment name = condition`.
  public init(name: Name, condition: Expr) {
    self.name = name
    self.condition = condition
  }
}

/// `channel email address customer.email [requires customer.email_opt_in]`
public struct Channel: Hashable, Sendable {
  /// The channel's name, used in `send … via NAME`.
  public var name: Name
  /// The customer's address on this channel (`customer.email`): a text; a null or empty one
  /// makes the channel unreachable for that customer.
  public var address: Expr
  /// The consent condition; nil means always allowed. A null counts as false.
  public var requires: Expr?
  /// `quiet 21:00-08:00`: the customer's hours the channel waits out; nil for none.
  public var quiet: QuietHours?
  /// `days mon-fri`: the customer's days the channel sends on; nil for every day.
  public var days: SendDays?
  /// `channel name address EXPR [requires EXPR]`, with its `quiet` and `days` lines.
  public init(name: Name, address: Expr, requires: Expr?, quiet: QuietHours? = nil, days: SendDays? = nil) {
    self.name = name
    self.address = address
    self.requires = requires
    self.quiet = quiet
    self.days = days
  }

  /// Whether the channel waits for a window (`quiet` or `days`).
  public var hasSendWindow: Bool { quiet != nil || days != nil }
}

/// `offer THANKS10 "10% off your next order" valid 30d`
public struct Offer: Hashable, Sendable {
  /// The offer's code (`THANKS10`): what `send` names and what exports and the ledger record.
  public var code: Name
  /// The description in quotes; nil when absent.
  public var description: StringLiteral?
  /// `valid D`: how long a sent offer lasts (`expires_at` = `send_at` + D); nil means 30 days.
  public var valid: DurationLiteral?
  /// The `subject` and `message` lines under the offer, in file order.
  public var messages: [OfferMessage]
  /// `offer code ["description"] [valid D]`, then its message lines.
  public init(code: Name, description: StringLiteral?, valid: DurationLiteral?, messages: [OfferMessage] = []) {
    self.code = code
    self.description = description
    self.valid = valid
    self.messages = messages
  }
}

/// `limit 1 per customer [per 7d]`
public struct Limit: Hashable, Sendable {
  /// N: the most offers kept for one customer.
  public var count: NumberLiteral
  /// The rolling period of `per customer per D`; nil means per run.
  public var period: DurationLiteral?
  /// `via CHANNEL`: the limit counts only offers sent on that channel; nil counts all.
  public var channel: Name?
  /// `limit count per customer [per period] [via channel]`.
  public init(count: NumberLiteral, period: DurationLiteral?, channel: Name? = nil) {
    self.count = count
    self.period = period
    self.channel = channel
  }

  /// The line as the formatter writes it: `limit 1 per customer per 7d via sms`.
  public var text: String {
    "limit \(count.spelling) per customer" + (period.map { " per " + $0.spelling } ?? "")
      + (channel.map { " via " + $0.text } ?? "")
  }
}

/// `holdout 5% [seed "recovery-2026"]`: the control group, a share of customers who are
/// never sent anything, chosen by a hash of the seed and the customer id.
public struct ControlGroup: Hashable, Sendable {
  /// The share held out, 0–100%.
  public var percent: PercentLiteral
  /// `seed "…"`; nil means the playbook's name, so renaming the playbook reshuffles the
  /// group unless a seed is given.
  public var seed: StringLiteral?
  /// `holdout percent [seed "seed"]`.
  public init(percent: PercentLiteral, seed: StringLiteral?) {
    self.percent = percent
    self.seed = seed
  }
}

/// `export to "out" [as FORMAT]`
public struct Export: Hashable, Sendable {
  /// The output folder as written, relative to the playbook's folder unless absolute.
  public var path: StringLiteral
  /// `as csv`, `as jsonl`, `as braze` … (``PlaybookGrammar/ExportFormat``); nil means csv,
  /// unless the command line says otherwise.
  public var format: Name?
  /// `export to path [as format]`.
  public init(path: StringLiteral, format: Name?) {
    self.path = path
    self.format = format
  }
}
