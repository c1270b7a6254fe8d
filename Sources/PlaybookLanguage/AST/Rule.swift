/// `rule NAME [priority N] [every D]` with its clause lines:
///
///     rule quick_fix_thanks priority 5
///       when complaint resolved within 4h
///       and complaint.csat >= 4
///       unless customer in staff
///       send THANKS10 via email after 1d
public struct Rule: Hashable, Sendable {
  /// The rule's name, as decisions and explanations name it.
  public var name: Name
  /// `priority N`: higher wins ties between rules; nil when absent (priority 0).
  public var priority: NumberLiteral?
  /// `every D`: a customer-level rule may send to a customer again once D has passed
  /// since its last send to them (read from the ledger); nil sends once ever.
  public var every: DurationLiteral? = nil
  /// The `when` line then each `and` continuation line, in order; all must hold.
  public var conditions: [Expr]
  /// Each `unless` line (an `and` line after `unless` joins that `unless` with `and`);
  /// the rule does not fire when any holds.
  public var exceptions: [Expr]
  /// Each `send` line; a rule needs at least one (the checker says so).
  public var sends: [Send]

  /// A rule with its clause lines; the parser makes these, tests build them by hand.
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

/// `send OFFER via ch1, ch2 [after D]`: the channels in order of preference. An A/B
/// test splits the customers between offers: `send THANKS10 70% or THANKS15 30% via email`
/// (`send A or B via email` splits evenly).
public struct Send: Hashable, Sendable {
  /// The offer, or a split's variants in the order written (A, B, C, …); never empty.
  public var variants: [Variant]
  /// `via ch1, ch2`: the channels in order of preference; the first reachable one is used.
  public var channels: [Name]
  /// `after D`: how long after the trigger time to send; nil means at once (0).
  public var after: DurationLiteral?
  /// From `send` to the end of its last clause.
  public var range: SourceRange
  /// A `send` line.
  public init(variants: [Variant], channels: [Name], after: DurationLiteral?, range: SourceRange) {
    self.variants = variants
    self.channels = channels
    self.after = after
    self.range = range
  }

  /// Whether the line splits customers between offers (`send A or B`).
  public var isSplit: Bool { variants.count > 1 }

  /// The offers as the formatter writes them: `THANKS10`, `THANKS10 70% or THANKS15 30%`.
  public var variantsText: String { Variant.text(variants) }
}

/// One offer of a `send` line: `THANKS10`, or `THANKS10 70%` in a split.
public struct Variant: Hashable, Sendable {
  /// The offer's code, as declared with `offer CODE`.
  public var offer: Name
  /// `70%`: the share of the split's customers who get this offer; nil for an even share.
  public var weight: PercentLiteral?
  /// An offer with its share, if written.
  public init(offer: Name, weight: PercentLiteral?) {
    self.offer = offer
    self.weight = weight
  }

  /// Offers as a `send` line writes them: `THANKS10 70% or THANKS15 30%`.
  public static func text(_ variants: [Variant]) -> String {
    variants.map { $0.offer.text + ($0.weight.map { " " + $0.spelling } ?? "") }.joined(separator: " or ")
  }
}
