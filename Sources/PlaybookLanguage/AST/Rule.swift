/// `rule NAME [priority N]` with its clause lines:
///
///     rule quick_fix_thanks priority 5
///       when complaint resolved within 4h
///       and complaint.csat >= 4
///       unless customer in staff
///       send THANKS10 via email after 1d
public struct Rule: Hashable, Sendable {
  public var name: Name
  public var priority: NumberLiteral?
  /// The `when` line then each `and` continuation line, in order; all must hold.
  public var conditions: [Expr]
  /// Each `unless` line (an `and` line after `unless` joins that `unless` with `and`);
  /// the rule does not fire when any holds.
  public var exceptions: [Expr]
  /// Each `send` line; a rule needs at least one (the checker says so).
  public var sends: [Send]

  public init(
    name: Name, priority: NumberLiteral?, conditions: [Expr], exceptions: [Expr], sends: [Send]
  ) {
    self.name = name
    self.priority = priority
    self.conditions = conditions
    self.exceptions = exceptions
    self.sends = sends
  }
}

/// `send OFFER via ch1, ch2 [after D]`: the channels in order of preference.
public struct Send: Hashable, Sendable {
  public var offer: Name
  public var channels: [Name]
  public var after: DurationLiteral?
  public var range: SourceRange
  public init(offer: Name, channels: [Name], after: DurationLiteral?, range: SourceRange) {
    self.offer = offer
    self.channels = channels
    self.after = after
    self.range = range
  }
}
