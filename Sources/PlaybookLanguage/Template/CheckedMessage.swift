/// An offer's message line checked for one rule's send: every value typed against the
/// data and the rule's trigger row, every filter known. What the engine renders.
public struct CheckedMessage: Sendable {
  /// `subject` or `message`.
  public let part: OfferMessage.Part
  /// The channel the text is for.
  public let channel: String
  /// The template's parts.
  public let nodes: [CheckedTemplateNode]
}

/// A template part, checked.
public indirect enum CheckedTemplateNode: Sendable {
  /// Text printed as is.
  case text(String)
  /// `{{ value | filters }}`; `source` is the value as written (`customer.first_name`),
  /// for saying which value was null.
  case output(CheckedTemplateValue, filters: [CheckedFilter], source: String)
  /// `{% if %}`: the condition and the two branches.
  case conditional(CheckedTemplateCondition, then: [CheckedTemplateNode], otherwise: [CheckedTemplateNode])
  /// `{% abort %}`.
  case abort
}

/// An `{% if %}` condition, checked: a test, or a test joined to the rest of the
/// condition (`TemplateJunction`: right to left, no precedence).
public indirect enum CheckedTemplateCondition: Sendable {
  /// A value that holds unless null or false, or a comparison.
  case test(CheckedTemplateValue, comparison: (ComparisonOperator, CheckedTemplateValue)?)
  /// Both hold.
  case and(CheckedTemplateCondition, CheckedTemplateCondition)
  /// Either holds.
  case or(CheckedTemplateCondition, CheckedTemplateCondition)
}

/// A value a template reads.
public enum CheckedTemplateValue: Sendable {
  /// A field of the customer or of the trigger row, typed as an expression.
  case field(TypedExpr)
  /// `send_at`, `expires_at`.
  case sendAt, expiresAt
  /// `channel`.
  case channel
  /// `offer.code`, `offer.description`, `offer.valid`.
  case offer(OfferField)
  /// A literal.
  case text(String)
  case number(Double)
}

/// A filter with its argument.
public struct CheckedFilter: Sendable {
  /// Which filter.
  public let filter: MessageFilter
  /// Its argument; nil when none was given.
  public let argument: CheckedTemplateValue?
}
