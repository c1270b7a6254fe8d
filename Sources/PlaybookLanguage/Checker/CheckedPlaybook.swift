/// A playbook that checked with no errors against its data's columns: its declarations
/// resolved by name, every expression typed, and each rule's trigger row known.
///
/// Only `PlaybookChecker.check` makes one, so holding one proves the check passed; the
/// plan compiler requires one and treats anything the checker rules out as a broken
/// invariant, not as a value.
public struct CheckedPlaybook: Sendable {
  /// The declarations: tables, row names, segments, channels, offers, rules, policies.
  public let model: PlaybookModel
  /// The columns the playbook was checked against.
  public let schema: DataSchema
  /// The rules in file order (`model.rules`' order).
  public let rules: [CheckedRule]
  /// Each segment's condition, typed, by segment name.
  public let segments: [String: TypedExpr]
  /// The channels in declaration order (`model.channels`' order).
  public let channels: [CheckedChannel]
  /// The filters of each `define`d row name, outermost `define` last (see `RowBinding`).
  public let rowFilters: [String: [RowFilter]]
  /// Every `sent(…)` condition, in the order the checker met them (repeats kept): what the
  /// send ledger is asked when loaded.
  public var sentConditions: [SentCondition] = []

  /// The statements' structure, for telling whether two checks saw the same playbook
  /// (comments and source positions aside).
  public var structure: Structure<Playbook> { Structure(model.playbook) }
}

/// A rule as checked: its conditions typed, its trigger row and its sends resolved.
public struct CheckedRule: Sendable {
  /// The rule as declared, with its priority and place.
  public let binding: RuleBinding
  /// The event row the rule triggers on; nil for a customer-only rule.
  public let trigger: String?
  /// The `when` and `and` lines, typed.
  public let conditions: [TypedExpr]
  /// The `unless` lines, typed.
  public let exceptions: [TypedExpr]
  /// The `send` lines, resolved.
  public let sends: [CheckedSend]

  /// The rule as parsed.
  public var rule: Rule { binding.rule }
}

/// A `send` line with its offers and channels resolved to their declarations.
public struct CheckedSend: Sendable {
  /// The line as parsed.
  public let send: Send
  /// Each variant's offer as an index in `PlaybookModel.offers`, in the order written
  /// (one for a line that does not split).
  public let offers: [Int]
  /// The channels' indices in `PlaybookModel.channels`, in order of preference.
  public let channels: [Int]
  /// Each offer's `subject` and `message` lines (as `offers`), checked for this rule's
  /// trigger row.
  public var messages: [[CheckedMessage]] = []
}

/// A channel with its address and consent condition typed.
public struct CheckedChannel: Sendable {
  /// The declaration as parsed.
  public let channel: Channel
  /// `address …`, typed: text.
  public let address: TypedExpr
  /// `requires …`, typed: a condition.
  public let requires: TypedExpr?
}

/// One `define` condition a row must meet, written in terms of the row name `row`.
public struct RowFilter: Sendable {
  /// The row name the condition reads (the `define`'s source).
  public let row: String
  /// The `where` condition, typed.
  public let condition: TypedExpr
}
