/// A playbook's declarations, resolved by name: what the engine loads and evaluates.
///
/// Built from the AST without looking at any data (`PlaybookChecker.declarations`), so
/// the engine knows which files to load; `PlaybookChecker.check` then checks every
/// expression against the loaded columns and gives a `CheckedPlaybook`.
public struct PlaybookModel: Sendable {
  /// The parsed playbook the declarations were collected from.
  public var playbook: Playbook
  /// The file the playbook came from, for diagnostics.
  public var file: String
  /// `playbook "…"`; empty when absent.
  public var name: String
  /// `as of`, in seconds since the epoch.
  public var clock: Int64?
  /// `window`, in seconds; nil for `window all`. Defaults to 30 days.
  public var window: Int64?
  /// The `load` statements, resolved, in file order.
  public var tables: [TableBinding]
  /// Row names (`customer`, `ticket`, `complaint`) and what they stand for.
  public var rows: [String: RowBinding]
  /// Segment name → its `segment` statement (`customer in NAME` reads it).
  public var segments: [String: Segment]
  /// The `channel` statements in file order.
  public var channels: [Channel]
  /// The `offer` statements in file order.
  public var offers: [Offer]
  /// The `rule` statements in file order, each with its priority and position.
  public var rules: [RuleBinding]
  /// Each `limit N per customer [per D] [via CHANNEL]` line, in file order; empty when
  /// there is none (no cap). Every limit applies: see docs/LANGUAGE.md, `limit`.
  public var limits: [Limit] = []
  /// `timezone customer.FIELD default "ZONE"`; nil when absent (every customer's clock
  /// is UTC, and no channel's window moves a send).
  public var timezone: CustomerTimeZone? = nil
  /// `holdout N%`; 0 when absent.
  public var holdoutPercent: Double
  /// `holdout N% seed "…"`; nil when no seed is given.
  public var holdoutSeed: StringLiteral? = nil
  /// `export to "dir" [as FORMAT]`; nil when absent.
  public var export: Export?
  /// `ledger "file"`: the send ledger's path as written; nil when the playbook names none
  /// (a command's `--ledger` may still give one).
  public var ledger: StringLiteral?
  /// The `test` statements in file order, run by `playloop test`.
  public var tests: [PlaybookTest]
  /// Whether collecting the declarations found an error: such a model never checks.
  public internal(set) var hasDeclarationErrors: Bool
  /// Row names of `define`s that could not be resolved (an unknown source, a circle),
  /// reported where they are declared; their uses are not reported again.
  public internal(set) var unresolvedRows: Set<String> = []

  /// The table whose rows are `customer`.
  public var customerTable: TableBinding? { tables.first { $0.isCustomers } }

  /// The table a row name reads, following `define`s.
  public func table(ofRow row: String) -> TableBinding? {
    guard let binding = rows[row] else { return nil }
    return tables.first { $0.name == binding.table }
  }

  /// The customer column the `timezone` statement reads: its field's column, through the
  /// customers' `with` (`with tz = "Time Zone"`); nil without one.
  public var timezoneColumn: String? {
    guard case .path(let row, let field?) = timezone?.field.kind else { return nil }
    return table(ofRow: row.text)?.column(forField: field.text) ?? field.text
  }

  /// The offer declared with `code` (`THANKS10`); nil when none is.
  public func offer(_ code: String) -> Offer? { offers.first { $0.code.text == code } }
}
