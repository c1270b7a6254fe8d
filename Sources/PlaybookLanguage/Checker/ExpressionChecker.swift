/// Works out the type of an expression against the loaded columns, reporting unknown
/// names and type errors. The plan compiler compiles the typed trees it builds
/// (`TypedExpr`), so what checks is what runs.
struct ExpressionChecker {
  let model: PlaybookModel
  let schema: DataSchema
  private(set) var diagnostics: [Diagnostic] = []
  /// Event rows referenced outside aggregates, in source order (a rule's trigger).
  private(set) var bound: [Name] = []
  /// Row names usable here; nil means any declared row.
  var allowedRows: Set<String>?
  /// What to say when a row outside `allowedRows` is used.
  var disallowedHint: String = ""
  /// The typed trees of the expressions typed so far and not yet taken; a node's
  /// operands are pushed before it and gathered under it.
  private var typedStack: [TypedExpr] = []

  init(model: PlaybookModel, schema: DataSchema) {
    self.model = model
    self.schema = schema
  }

  /// The type of `expr`, reporting any problem in it.
  mutating func type(of expr: Expr) -> ValueType {
    let mark = typedStack.count
    let valueType = inferredType(of: expr)
    let operands = Array(typedStack[mark...])
    typedStack.removeSubrange(mark...)
    typedStack.append(TypedExpr(expr: expr, type: valueType, operands: operands))
    return valueType
  }

  /// `expr` with its type and its operands' types, reporting any problem in it.
  mutating func typed(_ expr: Expr) -> TypedExpr {
    _ = type(of: expr)
    return typedStack.removeLast()
  }

  /// A condition (see `checkCondition`) with its type and its operands' types.
  mutating func typedCondition(_ expr: Expr) -> TypedExpr {
    checkCondition(expr)
    return typedStack.removeLast()
  }

  private mutating func inferredType(of expr: Expr) -> ValueType {
    switch expr.kind {
    case .number(let n): return .number(integer: n.isInteger)
    case .string: return .text
    case .bool: return .boolean
    case .null: return .null
    case .duration: return .duration
    case .timestamp, .now: return .timestamp
    case .percent: return .percent
    case .list(let items): return listType(items, range: expr.range)
    case .path(let row, let field): return pathType(row: row, field: field)
    case .unary(.not, let operand):
      return requireBoolean(operand, what: "'not'")
    case .unary(.negate, let operand):
      let t = type(of: operand)
      guard t.isNumber || t == .duration || t == .error else {
        return mismatch(operand.range, "cannot negate \(t)")
      }
      return t
    case .binary(let op, let lhs, let rhs): return binaryType(op, lhs, rhs, range: expr.range)
    case .inSegment(let subject, let segment, _):
      let t = type(of: subject)
      if t != .error, t != .row("customer") {
        report(
          .typeError("only a customer can be in a segment, not \(t)", hint: "write `customer in \(segment.text)`"),
          at: subject.range)
      }
      if model.segments[segment.text] == nil {
        report(
          .unknownSegment(segment.text, hint: NearNames.didYouMean(segment.text, in: model.segments.keys.sorted())),
          at: segment.range)
      }
      return .boolean
    case .inList(let subject, let items, _):
      let t = type(of: subject)
      for item in items {
        let it = type(of: item)
        if !t.isComparable(with: it) {
          report(.typeError("cannot compare \(t) with \(it)", hint: hint(t, it)), at: item.range)
        }
      }
      return .boolean
    case .contains(let subject, let needle):
      requireText(subject, what: "contains")
      requireText(needle, what: "contains")
      return .boolean
    case .containsAny(let subject, let needles):
      requireText(subject, what: "contains any")
      for needle in needles { requireText(needle, what: "contains any") }
      return .boolean
    case .isNull(let subject, _):
      _ = type(of: subject)
      return .boolean
    case .phrase(let row, let phrase): return phraseType(row: row, phrase: phrase)
    case .aggregate(let aggregate): return aggregateType(aggregate)
    }
  }

  /// Checks that `expr` is a condition (true/false, or an event row: "there is one").
  mutating func checkCondition(_ expr: Expr) {
    _ = requireBoolean(expr, what: "a condition")
  }

  private mutating func listType(_ items: [Expr], range: SourceRange) -> ValueType {
    var element: ValueType?
    for item in items {
      let t = type(of: item)
      if let e = element, !e.isComparable(with: t) {
        report(.typeError("a list mixes \(e) and \(t)"), at: item.range)
      } else if element == nil || element == .error {
        element = t
      }
    }
    return .list(element: element ?? .error)
  }

  private mutating func pathType(row: Name, field: Name?) -> ValueType {
    guard let binding = model.rows[row.text], let table = model.table(ofRow: row.text) else {
      // A define that did not resolve was reported where it is declared.
      if model.unresolvedRows.contains(row.text) { return .error }
      let hint: String?
      if let table = model.tables.first(where: { $0.name == row.text }) {
        hint = NearNames.didYouMean([table.rowName]).map { "\($0) rows are named in the singular" }
      } else {
        hint = NearNames.didYouMean(row.text, in: model.rows.keys.sorted()) ?? rowListHint()
      }
      report(.unknownRow(row.text, hint: hint), at: row.range)
      return .error
    }
    if let allowed = allowedRows, !allowed.contains(row.text) {
      report(.rowNotAllowed(row.text, hint: disallowedHint), at: row.range)
      return .error
    }
    if field == nil, !binding.isCustomer { bound.append(row) }
    guard let field else { return .row(row.text) }
    guard let columns = schema.tables[table.name] else { return .error }
    let columnName = table.column(forField: field.text)
    guard let column = columns.first(where: { $0.name == columnName }) else {
      // A column mapped with `with` is reported once, on the load.
      if table.isMapped(field.text) { return .error }
      report(
        .unknownField(
          field.text, on: row.text, hint: table.hint(forUnknownField: field.text, columns: columns.map(\.name))),
        at: field.range)
      return .error
    }
    if !binding.isCustomer { bound.append(row) }
    return ValueType(column.type)
  }

  private func rowListHint() -> String? {
    let names = model.rows.keys.sorted()
    return names.isEmpty ? nil : "known rows: \(names.joined(separator: ", "))"
  }

  private mutating func binaryType(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, range: SourceRange
  ) -> ValueType {
    switch op {
    case .and, .or:
      _ = requireBoolean(lhs, what: "'\(op.rawValue)'")
      _ = requireBoolean(rhs, what: "'\(op.rawValue)'")
      return .boolean
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      let l = type(of: lhs)
      let r = type(of: rhs)
      if l == .null || r == .null {
        report(
          .typeError("nothing equals null", hint: op == .notEqual ? "use 'is not null'" : "use 'is null'"), at: range)
      } else if !l.isComparable(with: r) {
        report(.typeError("cannot compare \(l) with \(r)", hint: hint(l, r)), at: range)
      } else if l == .boolean || isRow(l), op != .equal, op != .notEqual {
        report(.typeError("\(l) values have no order"), at: range)
      }
      return .boolean
    case .add, .subtract, .multiply, .divide:
      let l = type(of: lhs)
      let r = type(of: rhs)
      if let result = arithmetic(op, l, r) { return result }
      return mismatch(range, "cannot \(verb(op)) \(l) and \(r)")
    }
  }

  /// The result of `l op r`, or nil when the operation means nothing.
  private func arithmetic(_ op: BinaryOperator, _ l: ValueType, _ r: ValueType) -> ValueType? {
    switch (op, l, r) {
    case (_, .error, _), (_, _, .error): return .error
    case (_, .number(let a), .number(let b)):
      return .number(integer: a && b && op != .divide)
    case (.subtract, .timestamp, .timestamp): return .duration
    case (.add, .timestamp, .duration), (.subtract, .timestamp, .duration),
      (.add, .duration, .timestamp):
      return .timestamp
    case (.add, .duration, .duration), (.subtract, .duration, .duration): return .duration
    case (.multiply, .duration, .number), (.multiply, .number, .duration),
      (.divide, .duration, .number):
      return .duration
    default: return nil
    }
  }

  private func verb(_ op: BinaryOperator) -> String {
    switch op {
    case .add: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    default: return "divide"
    }
  }

  private func isRow(_ t: ValueType) -> Bool {
    if case .row = t { return true }
    return false
  }

  private func hint(_ l: ValueType, _ r: ValueType) -> String? {
    switch (l, r) {
    case (.text, .number), (.number, .text): return "put text values in double quotes"
    case (.timestamp, .duration), (.duration, .timestamp):
      return "compare a time with a time, e.g. `now - 30d`"
    default: return nil
    }
  }

  private mutating func requireBoolean(_ expr: Expr, what: String) -> ValueType {
    let t = type(of: expr)
    switch t {
    case .boolean, .error: return .boolean
    case .row(let name) where model.rows[name]?.isCustomer == false: return .boolean
    default:
      report(.typeError("\(what) needs a true/false condition, but this is \(t)"), at: expr.range)
      return .boolean
    }
  }

  private mutating func requireText(_ expr: Expr, what: String) {
    let t = type(of: expr)
    if t != .text, t != .error {
      report(.typeError("\(what) needs text, but this is \(t)"), at: expr.range)
    }
  }

  private mutating func phraseType(row: Name, phrase: Phrase) -> ValueType {
    let t = pathType(row: row, field: nil)
    guard case .row(let name) = t else { return .boolean }
    guard let table = model.table(ofRow: name), !table.isCustomers else {
      report(
        .typeError(
          "'\(row.text)' has no lifecycle; phrases apply to event rows", hint: "e.g. `complaint resolved within 4h`"),
        at: row.range)
      return .error
    }
    for field in PhraseFields.needed(by: phrase) {
      guard let columns = schema.tables[table.name] else { break }
      let column = table.column(forField: field)
      guard let schemaColumn = columns.first(where: { $0.name == column }) else {
        // A column mapped with `with` is reported once, on the load.
        if table.isMapped(field) { return .error }
        report(
          .missingLifecycleColumn(table: table.name, column: column, for: field, field: field), at: row.range)
        return .error
      }
      if ValueType(schemaColumn.type) != .timestamp {
        report(
          .typeError(
            "'\(PhraseFields.keyword(phrase))' needs a time, but \(table.name).\(column) is \(schemaColumn.type.rawValue)",
            hint: "map '\(field)' to a timestamp column with `with \(field) = COLUMN`"), at: row.range)
        return .error
      }
    }
    return .boolean
  }

  private mutating func aggregateType(_ aggregate: Aggregate) -> ValueType {
    let row = aggregate.row
    guard let binding = model.rows[row.text], !binding.isCustomer,
      let table = model.table(ofRow: row.text)
    else {
      if model.rows[row.text]?.isCustomer == true {
        report(
          .typeError("\(aggregate.function.rawValue) ranges over a customer's event rows, not customers"), at: row.range
        )
      } else {
        _ = pathType(row: row, field: nil)
      }
      return .error
    }
    // Inside an aggregate the row is the aggregated one: it binds no trigger.
    var inner = self
    inner.bound = []
    inner.allowedRows = ["customer", row.text]
    inner.disallowedHint =
      "inside \(aggregate.function.rawValue)(\(row.text) …) only \(row.text) and customer can be used"
    var result: ValueType = .number(integer: true)
    if let field = aggregate.field {
      let t = inner.pathType(row: row, field: field)
      switch (aggregate.function, t) {
      case (_, .error): result = .error
      case (.sum, .number), (.avg, .number): result = aggregate.function == .avg ? .number(integer: false) : t
      case (.min, .number), (.max, .number), (.min, .timestamp), (.max, .timestamp): result = t
      default:
        inner.report(
          .typeError("\(aggregate.function.rawValue) needs a number, but \(row.text).\(field.text) is \(t)"),
          at: field.range)
        result = .error
      }
    } else if aggregate.function != .count {
      inner.report(
        .typeError(
          "\(aggregate.function.rawValue) needs a field, e.g. \(aggregate.function.rawValue)(\(row.text).FIELD)"),
        at: row.range)
    }
    if let filter = aggregate.filter { inner.checkCondition(filter) }
    if let inLast = aggregate.inLast {
      for field in PhraseFields.needed(by: .inLast(inLast)) {
        let column = table.column(forField: field)
        if let columns = schema.tables[table.name], !columns.contains(where: { $0.name == column }),
          !table.isMapped(field)
        {
          inner.report(
            .missingLifecycleColumn(table: table.name, column: column, for: "in last", field: field),
            at: row.range)
        }
      }
    }
    diagnostics = inner.diagnostics
    typedStack = inner.typedStack
    return result
  }

  private mutating func mismatch(_ range: SourceRange, _ message: String) -> ValueType {
    report(.typeError(message), at: range)
    return .error
  }

  mutating func report(_ message: DiagnosticMessage, at range: SourceRange) {
    diagnostics.append(Diagnostic(message, file: model.file, range: range))
  }
}

/// The lifecycle fields each phrase reads.
enum PhraseFields {
  static func needed(by phrase: Phrase) -> [String] {
    switch phrase {
    case .resolved, .resolvedWithin, .resolvedAfter, .openFor: return ["opened", "resolved"]
    case .respondedWithin, .respondedAfter: return ["opened", "responded"]
    case .inLast: return ["opened"]
    }
  }

  static func keyword(_ phrase: Phrase) -> String {
    switch phrase {
    case .resolved: return "resolved"
    case .resolvedWithin: return "resolved within"
    case .resolvedAfter: return "resolved after"
    case .respondedWithin: return "responded within"
    case .respondedAfter: return "responded after"
    case .openFor: return "open for"
    case .inLast: return "in last"
    }
  }
}

extension TableBinding {
  /// The nearest name the playbook can write for `field`. A header no word spells
  /// (`Total Charges`, `E-mail`) is never offered as is: the hint is the `with` line that
  /// names it, or the field that already does.
  fileprivate func hint(forUnknownField field: String, columns: [String]) -> String {
    let spelled = columns.first { !Lexer.isWord($0) && Self.snakeCase($0) == field }
    guard let near = spelled ?? NearNames.closest(to: field, in: columns + fieldColumns.keys.sorted()) else {
      return "\(name) has \(columns.map(ASTDump.column).joined(separator: ", "))"
    }
    let writable = Lexer.isWord(near) ? near : fieldColumns.filter { $0.value == near }.keys.min()
    if let writable, let hint = NearNames.didYouMean([writable]) { return hint }
    return "add `with \(field) = \(ASTDump.column(near))` to the load"
  }

  /// `Total Charges ($)` → `total_charges`: a header as the word a playbook would write.
  private static func snakeCase(_ header: String) -> String {
    let words = header.lowercased().split { !($0.isLetter || $0.isNumber) }
    return words.joined(separator: "_")
  }

  /// True when the load maps `field` with `with field = COLUMN`: a missing column is
  /// then reported on the load, not at every use.
  fileprivate func isMapped(_ field: String) -> Bool {
    load.fieldMap.contains { $0.field.text == field }
  }
}
