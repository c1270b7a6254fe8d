import PlaybookLanguage

/// An offer's message lines compiled for one rule's send, once per plan: each field a
/// compiled expression over the customer and the trigger row. Rendered only for a
/// decision about to be sent (`Decider`), never per candidate.
struct MessagePlan: Sendable {
  /// A compiled template part.
  indirect enum Node: Sendable {
    case text(String)
    case output(Value, filters: [Filter], source: String)
    case conditional(Condition, then: [Node], otherwise: [Node])
    case abort
  }

  /// A compiled `{% if %}` condition (`CheckedTemplateCondition`).
  indirect enum Condition: Sendable {
    case test(Value, comparison: (ComparisonOperator, Value)?)
    case and(Condition, Condition)
    case or(Condition, Condition)
  }

  /// A filter with its argument compiled.
  struct Filter: Sendable {
    let filter: MessageFilter
    let argument: Value?
  }

  /// A compiled template value.
  enum Value: Sendable {
    case field(CompiledExpr)
    case sendAt, expiresAt, channel
    case offer(OfferField)
    case literal(RenderedValue)
  }

  let part: OfferMessage.Part
  let channel: String
  let nodes: [Node]

  /// `message` compiled with `compiler` (whose slots bind the rule's trigger row).
  init(_ message: CheckedMessage, compiler: ExpressionCompiler) {
    part = message.part
    channel = message.channel
    func value(_ v: CheckedTemplateValue) -> Value {
      switch v {
      case .field(let typed): .field(compiler.compile(typed))
      case .sendAt: .sendAt
      case .expiresAt: .expiresAt
      case .channel: .channel
      case .offer(let field): .offer(field)
      case .text(let text): .literal(.text(text))
      case .number(let n): .literal(.number(n))
      }
    }
    func condition(_ c: CheckedTemplateCondition) -> Condition {
      switch c {
      case .test(let v, let comparison): .test(value(v), comparison: comparison.map { ($0.0, value($0.1)) })
      case .and(let a, let b): .and(condition(a), condition(b))
      case .or(let a, let b): .or(condition(a), condition(b))
      }
    }
    func nodes(_ checked: [CheckedTemplateNode]) -> [Node] {
      checked.map { node in
        switch node {
        case .text(let text): .text(text)
        case .abort: .abort
        case .output(let v, let filters, let source):
          .output(
            value(v), filters: filters.map { Filter(filter: $0.filter, argument: $0.argument.map(value)) },
            source: source)
        case .conditional(let c, let then, let otherwise):
          .conditional(condition(c), then: nodes(then), otherwise: nodes(otherwise))
        }
      }
    }
    self.nodes = nodes(message.nodes)
  }
}

/// A value while a template renders.
enum RenderedValue: Sendable, Equatable {
  case null
  case text(String)
  case number(Double)
  case time(Int64)
  case duration(Int64)
  case boolean(Bool)
}
