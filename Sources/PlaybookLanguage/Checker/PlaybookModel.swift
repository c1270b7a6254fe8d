/// A playbook's declarations, resolved by name: what the engine loads and evaluates.
///
/// Built from the AST without looking at any data (`PlaybookChecker.declarations`), so
/// the engine knows which files to load; `PlaybookChecker.check` then checks every
/// expression against the loaded columns and gives a `CheckedPlaybook`.
public struct PlaybookModel: Sendable {
  public var playbook: Playbook
  /// The file the playbook came from, for diagnostics.
  public var file: String
  /// `playbook "…"`; empty when absent.
  public var name: String
  /// `as of`, in seconds since the epoch.
  public var clock: Int64?
  /// `window`, in seconds; nil for `window all`. Defaults to 30 days.
  public var window: Int64?
  public var tables: [TableBinding]
  /// Row names (`customer`, `ticket`, `complaint`) and what they stand for.
  public var rows: [String: RowBinding]
  public var segments: [String: Segment]
  public var channels: [Channel]
  public var offers: [Offer]
  public var rules: [RuleBinding]
  public var limit: Limit?
  /// `holdout N%`; 0 when absent.
  public var holdoutPercent: Double
  public var export: Export?
  public var ledger: StringLiteral?
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

  public func offer(_ code: String) -> Offer? { offers.first { $0.code.text == code } }
  public func channel(_ name: String) -> Channel? { channels.first { $0.name.text == name } }
}
