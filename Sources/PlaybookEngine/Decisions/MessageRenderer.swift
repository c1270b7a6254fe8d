import PlaybookLanguage

/// Renders an offer's templates for one decision (docs/LANGUAGE.md, "Messages"): the
/// text of each part, or why it cannot be sent (`unrendered`): a value that is null with
/// no `default`, or `{% abort %}`.
struct MessageRenderer {
  /// What the decision knows that a template may read.
  struct Context {
    var frame: Frame
    var sendAt: Int64
    var expiresAt: Int64
    var channel: String
    var offer: (code: String, description: String?, valid: Int64)
  }

  /// Why a template cannot be sent.
  struct Unrendered: Error {
    var reason: String
  }

  /// The parts for `context.channel` rendered; throws when one cannot be.
  static func render(_ plans: [MessagePlan], _ context: Context) throws(Unrendered) -> MessageTexts {
    var subject: String?
    var message: String?
    for plan in plans where plan.channel == context.channel {
      var out = ""
      do {
        try render(plan.nodes, context, into: &out)
      } catch {
        throw Unrendered(reason: "\(plan.part.rawValue) \(plan.channel): \(error.reason)")
      }
      switch plan.part {
      case .subject: subject = out
      case .message: message = out
      }
    }
    return MessageTexts(subject: subject, message: message)
  }

  private static func render(_ nodes: [MessagePlan.Node], _ context: Context, into out: inout String)
    throws(Unrendered)
  {
    for node in nodes {
      switch node {
      case .text(let text): out += text
      case .abort: throw Unrendered(reason: "{% abort %}")
      case .output(let value, let filters, let source):
        var v = self.value(value, context)
        for filter in filters { v = apply(filter, to: v, context) }
        guard let text = text(of: v) else { throw Unrendered(reason: "\(source) is null") }
        out += text
      case .conditional(let condition, let then, let otherwise):
        try render(holds(condition, context) ? then : otherwise, context, into: &out)
      }
    }
  }

  /// Whether `condition` holds: a bare value unless null or false; `and`/`or` join a
  /// test to the rest of the condition, already grouped right to left (Liquid's order).
  private static func holds(_ condition: MessagePlan.Condition, _ context: Context) -> Bool {
    switch condition {
    case .test(let value, let comparison):
      let left = self.value(value, context)
      guard let (op, right) = comparison else { return left != .null && left != .boolean(false) }
      return compare(left, op, self.value(right, context))
    case .and(let a, let b): return holds(a, context) && holds(b, context)
    case .or(let a, let b): return holds(a, context) || holds(b, context)
    }
  }

  // MARK: Values

  static func value(_ value: MessagePlan.Value, _ context: Context) -> RenderedValue {
    switch value {
    case .literal(let v): return v
    case .sendAt: return .time(context.sendAt)
    case .expiresAt: return .time(context.expiresAt)
    case .channel: return .text(context.channel)
    case .offer(.code): return .text(context.offer.code)
    case .offer(.description): return context.offer.description.map(RenderedValue.text) ?? .null
    case .offer(.valid): return .duration(context.offer.valid)
    case .field(let compiled):
      let frame = context.frame
      switch compiled.evaluation {
      case .number(let f): return f(frame).map(RenderedValue.number) ?? .null
      case .time(let f): return f(frame).map(RenderedValue.time) ?? .null
      case .duration(let f): return f(frame).map(RenderedValue.duration) ?? .null
      case .truth(let f):
        let t = f(frame)
        return t == .unknown ? .null : .boolean(t == .yes)
      case .text(let operand):
        return TextComparison.with(operand, frame) { String(decoding: $0, as: UTF8.self) }.map(RenderedValue.text)
          ?? .null
      case .list, .row: return .null
      }
    }
  }

  /// A value as the message prints it; nil for null.
  static func text(of value: RenderedValue) -> String? {
    switch value {
    case .null: nil
    case .text(let t): t
    case .number(let n): ValueText.number(n)
    case .time(let t): Timestamp.format(t)
    case .duration(let d): spokenDuration(d)
    case .boolean(let b): b ? "true" : "false"
    }
  }

  /// `3 days 4 hours`, `45 minutes`: the two largest units, as a person says them.
  static func spokenDuration(_ seconds: Int64) -> String {
    let units: [(String, Int64)] = [("day", 86_400), ("hour", 3600), ("minute", 60), ("second", 1)]
    var rest = abs(seconds)
    var parts: [String] = []
    for (name, size) in units where rest >= size && parts.count < 2 {
      let n = rest / size
      parts.append("\(n) \(name)\(n == 1 ? "" : "s")")
      rest %= size
    }
    return (seconds < 0 ? "-" : "") + (parts.isEmpty ? "0 seconds" : parts.joined(separator: " "))
  }

  private static func compare(_ a: RenderedValue, _ op: ComparisonOperator, _ b: RenderedValue) -> Bool {
    let order: Int?
    switch (a, b) {
    case (.number(let x), .number(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.time(let x), .time(let y)), (.duration(let x), .duration(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.text(let x), .text(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.boolean(let x), .boolean(let y)): order = x == y ? 0 : nil
    default: order = nil  // a null, or values of two kinds: only != holds
    }
    guard let order else { return op == .notEqual }
    switch op {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    }
  }

  // MARK: Filters

  static func apply(_ filter: MessagePlan.Filter, to v: RenderedValue, _ context: Context) -> RenderedValue {
    let argument = filter.argument.map { value($0, context) }
    switch filter.filter {
    case .default:
      if v == .null || v == .text("") || v == .boolean(false) { return argument ?? .null }
      return v
    case .upcase: return text(of: v).map { .text($0.uppercased()) } ?? .null
    case .downcase: return text(of: v).map { .text($0.lowercased()) } ?? .null
    case .capitalize:
      return text(of: v).map { .text(($0.first.map { String($0).uppercased() } ?? "") + $0.dropFirst().lowercased()) }
        ?? .null
    case .truncate:
      guard let t = text(of: v) else { return .null }
      var length = 50
      if case .number(let n) = argument { length = Int(n) }
      guard t.count > length else { return .text(t) }
      return .text(String(t.prefix(max(0, length - 3))) + "...")
    case .date:
      guard case .time(let seconds) = v, case .text(let format) = argument else { return v == .null ? .null : v }
      return .text(TemplateDateFormat.format(seconds, format))
    case .round:
      guard case .number(let n) = v else { return v }
      var places = 0.0
      if case .number(let p) = argument { places = p }
      let scale = pow10(Int(places))
      return .number((n * scale).rounded() / scale)
    }
  }

  private static func pow10(_ n: Int) -> Double {
    var x = 1.0
    for _ in 0..<min(n, 15) { x *= 10 }
    return x
  }
}
