/// A message template: text with Liquid tags (the convention of Braze, Customer.io and
/// Dittofeed), the subset docs/LANGUAGE.md lists under "Messages". Read once, when the
/// playbook is parsed; the checker types its values and the engine renders it only for
/// decisions that send.
public struct MessageTemplate: Hashable, Sendable {
  /// The template's parts in order.
  public var nodes: [TemplateNode]

  /// A template of `nodes`.
  public init(nodes: [TemplateNode]) { self.nodes = nodes }
}

/// One part of a template.
public indirect enum TemplateNode: Hashable, Sendable {
  /// Text printed as is, escapes resolved.
  case text(String)
  /// `{{ value | filter: argument … }}`.
  case output(TemplateOutput)
  /// `{% if condition %}…{% else %}…{% endif %}`.
  case conditional(TemplateCondition, then: [TemplateNode], otherwise: [TemplateNode])
  /// `{% abort %}`: the message is not sent (the decision is `unrendered`).
  case abort(SourceRange)
}

/// `{{ value | filter … }}`.
public struct TemplateOutput: Hashable, Sendable {
  /// The value before the filters.
  public var value: TemplateValue
  /// The filters, applied left to right.
  public var filters: [TemplateFilter]
  /// From `{{` to `}}`.
  public var range: SourceRange

  /// An output tag.
  public init(value: TemplateValue, filters: [TemplateFilter], range: SourceRange) {
    self.value = value
    self.filters = filters
    self.range = range
  }
}

/// A value in a tag: a variable (`customer.first_name`, `expires_at`) or a literal.
public enum TemplateValue: Hashable, Sendable {
  /// A dotted variable: its parts (`customer`, `first_name`), each with its place.
  case variable([Name])
  /// `"there"`.
  case string(StringLiteral)
  /// `20`, `1.5`.
  case number(NumberLiteral)

  /// Where the value was written.
  public var range: SourceRange {
    switch self {
    case .variable(let parts): parts[0].range.union(parts[parts.count - 1].range)
    case .string(let s): s.range
    case .number(let n): n.range
    }
  }
}

/// `| name` or `| name: argument`.
public struct TemplateFilter: Hashable, Sendable {
  /// The filter's name as written.
  public var name: Name
  /// Its argument; nil when none is given.
  public var argument: TemplateValue?

  /// A filter.
  public init(name: Name, argument: TemplateValue?) {
    self.name = name
    self.argument = argument
  }
}

/// The condition of `{% if %}`: a value that is true unless null or false, or two values
/// compared (`customer.tier == "gold"`), then perhaps `and` or `or` and the rest.
public struct TemplateCondition: Hashable, Sendable {
  /// The value tested, or the left side of the comparison.
  public var value: TemplateValue
  /// The comparison and its right side; nil for a bare value.
  public var comparison: TemplateComparison?
  /// `and …` or `or …`; nil when the condition is one test.
  public var rest: TemplateJunction?

  /// `value`, or `value op right`, then `rest`.
  public init(value: TemplateValue, comparison: TemplateComparison?, rest: TemplateJunction? = nil) {
    self.value = value
    self.comparison = comparison
    self.rest = rest
  }
}

/// `and REST` or `or REST` after a condition's first test. Liquid has no precedence and
/// no parentheses: it reads the tests right to left, so the rest is a whole condition and
/// `a or b and c` means `a or (b and c)`, `a and b or c` means `a and (b or c)`.
public indirect enum TemplateJunction: Hashable, Sendable {
  case and(TemplateCondition)
  case or(TemplateCondition)
}

/// `== "gold"`: how a condition compares its value, and with what.
public struct TemplateComparison: Hashable, Sendable {
  /// The comparison.
  public var op: ComparisonOperator
  /// The right side.
  public var right: TemplateValue

  /// `op right`.
  public init(op: ComparisonOperator, right: TemplateValue) {
    self.op = op
    self.right = right
  }
}
