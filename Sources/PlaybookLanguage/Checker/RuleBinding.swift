/// A declared rule with its priority and place (`CheckedRule` adds its trigger row).
public struct RuleBinding: Sendable {
  public var rule: Rule
  /// `priority`, 0 when absent.
  public var priority: Int
  /// Position in the file, for tie-breaking.
  public var order: Int
}
