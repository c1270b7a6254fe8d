/// Checks an offer's message templates for the rules that send it: each variable is
/// typed as an expression on the customer or the rule's trigger row (so an unknown field
/// gets the expression checker's caret and did-you-mean, inside the string), each filter
/// is known and fits its value.
struct MessageChecker {
  /// Types the fields; its diagnostics are this checker's.
  var expressions: ExpressionChecker
  /// The row `trigger.*` reads: nil for a customer-level rule.
  let trigger: String?
  /// The rule whose send is checked; nil checks the templates on their own (any
  /// `trigger.*` field is let through until a rule says which row it is).
  let rule: String?

  init(model: PlaybookModel, schema: DataSchema, trigger: String?, rule: String?) {
    expressions = ExpressionChecker(model: model, schema: schema)
    expressions.allowedRows = Set(["customer"] + (trigger.map { [$0] } ?? []))
    expressions.disallowedHint = "a message reads customer.* and trigger.*"
    self.trigger = trigger
    self.rule = rule
  }

  var diagnostics: [Diagnostic] { expressions.diagnostics }

  /// One message line, checked.
  mutating func check(_ message: OfferMessage) -> CheckedMessage {
    CheckedMessage(part: message.part, channel: message.channel.text, nodes: check(message.template.nodes))
  }

  private mutating func check(_ nodes: [TemplateNode]) -> [CheckedTemplateNode] {
    nodes.map { node in
      switch node {
      case .text(let text): return .text(text)
      case .abort: return .abort
      case .output(let output):
        let value = checked(output.value)
        var type = value.map(type(of:)) ?? .error
        var filters: [CheckedFilter] = []
        for filter in output.filters {
          guard let checkedFilter = check(filter, on: &type) else { continue }
          filters.append(checkedFilter)
        }
        return .output(value ?? .text(""), filters: filters, source: Self.spelling(output.value))
      case .conditional(let condition, let then, let otherwise):
        return .conditional(check(condition), then: check(then), otherwise: check(otherwise))
      }
    }
  }

  private mutating func check(_ condition: TemplateCondition) -> CheckedTemplateCondition {
    let value = checked(condition.value) ?? .text("")
    let test = CheckedTemplateCondition.test(
      value, comparison: condition.comparison.map { ($0.op, checked($0.right) ?? .text("")) })
    switch condition.rest {
    case nil: return test
    case .and(let rest): return .and(test, check(rest))
    case .or(let rest): return .or(test, check(rest))
    }
  }

  /// `customer.first_name`, as written.
  static func spelling(_ value: TemplateValue) -> String {
    switch value {
    case .variable(let parts): parts.map(\.text).joined(separator: ".")
    case .string(let s): "\"\(s.value)\""
    case .number(let n): n.spelling
    }
  }

  // MARK: Values

  private mutating func checked(_ value: TemplateValue) -> CheckedTemplateValue? {
    switch value {
    case .string(let s): return .text(s.value)
    case .number(let n): return .number(n.value)
    case .variable(let parts):
      let head = parts[0]
      guard let variable = MessageVariable(rawValue: head.text) else {
        report(
          .unknownVariable(
            head.text,
            hint: NearNames.didYouMean(head.text, in: MessageVariable.allCases.map(\.rawValue))
              ?? "a message reads \(MessageVariable.allCases.map(\.rawValue).joined(separator: ", "))"),
          at: head.range)
        return nil
      }
      let hasField = [.customer, .trigger, .offer].contains(variable)
      guard parts.count == (hasField ? 2 : 1) else {
        let extra = parts[min(parts.count - 1, hasField ? 2 : 1)]
        report(
          .unknownVariable(
            Self.spelling(value), hint: hasField ? "write \(head.text).FIELD" : "\(head.text) has no fields"),
          at: parts.count == 1 ? head.range : extra.range)
        return nil
      }
      switch variable {
      case .customer: return field(row: Name("customer", range: head.range), parts[1])
      case .trigger: return triggerField(head, parts[1])
      case .offer:
        guard let field = OfferField(rawValue: parts[1].text) else {
          report(
            .unknownField(
              parts[1].text, on: "offer",
              hint: NearNames.didYouMean(parts[1].text, in: OfferField.allCases.map(\.rawValue))
                ?? "an offer has \(OfferField.allCases.map(\.rawValue).joined(separator: ", "))"),
            at: parts[1].range)
          return nil
        }
        return .offer(field)
      case .sendAt: return .sendAt
      case .expiresAt: return .expiresAt
      case .channel: return .channel
      }
    }
  }

  private mutating func field(row: Name, _ field: Name) -> CheckedTemplateValue? {
    let typed = expressions.typed(Expr(.path(row: row, field: field), range: row.range.union(field.range)))
    return typed.type == .error ? nil : .field(typed)
  }

  /// `trigger.id`, `trigger.resolution`, `trigger.response`, or a column of the row.
  private mutating func triggerField(_ head: Name, _ name: Name) -> CheckedTemplateValue? {
    guard let row = trigger else {
      if let rule { report(.noTriggerRow(rule: rule), at: head.range) }
      return nil
    }
    let rowName = Name(row, range: head.range)
    func path(_ field: String) -> Expr {
      Expr(.path(row: rowName, field: Name(field, range: name.range)), range: head.range.union(name.range))
    }
    let expr: Expr
    switch TriggerField(rawValue: name.text) {
    case .id:
      expr = path(expressions.model.table(ofRow: row)?.keyColumn ?? "id")
    case .resolution:
      expr = Expr(.binary(.subtract, path("resolved"), path("opened")), range: head.range.union(name.range))
    case .response:
      expr = Expr(.binary(.subtract, path("responded"), path("opened")), range: head.range.union(name.range))
    case nil:
      return field(row: rowName, name)
    }
    let typed = expressions.typed(expr)
    return typed.type == .error ? nil : .field(typed)
  }

  /// The type a value has before its filters.
  private func type(of value: CheckedTemplateValue) -> ValueType {
    switch value {
    case .field(let typed): typed.type
    case .sendAt, .expiresAt: .timestamp
    case .channel, .text, .offer(.code), .offer(.description): .text
    case .offer(.valid): .duration
    case .number: .number(integer: false)
    }
  }

  // MARK: Filters

  /// A filter on a value of `type`, which becomes the type the filter gives; nil when the
  /// filter is wrong (reported).
  private mutating func check(_ filter: TemplateFilter, on type: inout ValueType) -> CheckedFilter? {
    guard let known = MessageFilter(rawValue: filter.name.text) else {
      let names = MessageFilter.allCases.map(\.rawValue)
      report(
        .unknownFilter(
          filter.name.text,
          hint: Self.filterAliases[filter.name.text].flatMap { NearNames.didYouMean([$0]) }
            ?? NearNames.didYouMean(filter.name.text, in: names)
            ?? "filters are \(names.joined(separator: ", "))"),
        at: filter.name.range)
      return nil
    }
    let argument = filter.argument.flatMap { checked($0) }
    let before = type
    func wrong(_ text: String, hint: String? = nil, at range: SourceRange? = nil) -> CheckedFilter? {
      report(.typeError(text, hint: hint), at: range ?? filter.name.range)
      type = .error
      return nil
    }
    switch known {
    case .default:
      guard filter.argument != nil else { return wrong("'default' needs a value: default: \"there\"") }
    case .upcase, .downcase, .capitalize:
      if let argument = filter.argument { return wrong("'\(known.rawValue)' takes no argument", at: argument.range) }
      type = .text
    case .truncate, .round:
      if let argument = filter.argument {
        guard case .number(let n) = argument, n.isInteger, n.value >= 0 else {
          return wrong("'\(known.rawValue)' takes a whole number, e.g. \(known.rawValue): 20", at: argument.range)
        }
      }
      if known == .round {
        guard before.isNumber || before == .error else { return wrong("'round' rounds a number, not \(before)") }
      } else {
        type = .text
      }
    case .date:
      guard before == .timestamp || before == .error else {
        return wrong("'date' formats a time, not \(before)", hint: "e.g. {{ expires_at | date: \"%b %-d\" }}")
      }
      guard case .string(let format) = filter.argument else {
        return wrong("'date' needs a format in quotes, e.g. date: \"%b %-d\"", at: filter.argument?.range)
      }
      if let bad = TemplateDateFormat.unknownDirective(in: format.value) {
        return wrong(
          "'\(bad)' is not a date format this template knows",
          hint: "formats: \(TemplateDateFormat.directives.joined(separator: " "))",
          at: Self.range(of: bad, in: format))
      }
      type = .text
    }
    return CheckedFilter(filter: known, argument: argument)
  }

  /// Where `part` is written inside `literal`: exact when the literal has no escapes
  /// (its quotes are then one character each), else the whole literal.
  static func range(of part: String, in literal: StringLiteral) -> SourceRange {
    let written = literal.range.end.column - literal.range.start.column
    let value = literal.value
    guard written == value.count + 2, let found = value.indices.first(where: { value[$0...].hasPrefix(part) })
    else { return literal.range }
    var start = literal.range.start
    let before = value[..<found]
    start.column += 1 + before.count
    start.offset += 1 + before.utf8.count
    var end = start
    end.column += part.count
    end.offset += part.utf8.count
    return SourceRange(start: start, end: end)
  }

  /// Other template languages' names for Liquid's filters, for did-you-mean.
  static let filterAliases = [
    "upper": "upcase", "uppercase": "upcase", "lower": "downcase", "lowercase": "downcase", "title": "capitalize",
    "capitalise": "capitalize", "trunc": "truncate", "format": "date", "strftime": "date",
  ]

  private mutating func report(_ message: DiagnosticMessage, at range: SourceRange) {
    expressions.report(message, at: range)
  }
}
