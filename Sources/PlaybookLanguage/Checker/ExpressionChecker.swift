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
  /// The `sent(…)` conditions met so far, in source order (the ledger loads what they ask).
  var sentConditions: [SentCondition] = []
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
        return mismatch(operand.range, "cannot negate \(t)", operands: [operand])
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
          report(comparison(subject, t, item, it), at: item.range)
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
    case .between(let subject, let low, let high, _): return betweenType(subject, low: low, high: high)
    case .textMatch(let subject, let test, let needle):
      requireText(subject, what: "'\(test.rawValue)'")
      requireText(needle, what: "'\(test.rawValue)'")
      return .boolean
    case .call(let name, let arguments): return callType(name, arguments, range: expr.range)
    case .phrase(let row, let phrase): return phraseType(row: row, phrase: phrase)
    case .aggregate(let aggregate): return aggregateType(aggregate)
    case .sent(let sent): return sentType(sent, range: expr.range)
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
        report(comparison(lhs, l, rhs, r), at: range)
      } else if l == .boolean || isRow(l), op != .equal, op != .notEqual {
        report(.typeError("\(l) values have no order"), at: range)
      }
      return .boolean
    case .add, .subtract, .multiply, .divide:
      let l = type(of: lhs)
      let r = type(of: rhs)
      if let result = arithmetic(op, l, r) { return result }
      return mismatch(range, "cannot \(verb(op)) \(l) and \(r)", operands: [lhs, rhs])
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

  /// `cannot compare l with r`, with what the data or the operands tell about the fix.
  /// A quoted number is never the fix: a number compared as text is always wrong.
  private func comparison(_ lhs: Expr, _ l: ValueType, _ rhs: Expr, _ r: ValueType) -> DiagnosticMessage {
    let problem = "cannot compare \(l) with \(r)"
    if let message = fromData(problem, operands: [lhs, rhs]) { return message }
    switch (l, r) {
    case (.text, .number), (.number, .text):
      let text = l == .text ? lhs : rhs
      if case .string(let literal) = text.kind, Self.spellsNumber(literal.value) {
        return .quotedNumber(problem, number: literal.value)
      }
      if case .path(let row, let field?) = text.kind {
        return .textColumnComparedWithNumber(problem, field: "\(row.text).\(field.text)")
      }
      return .typeError(problem)
    case (.timestamp, .duration), (.duration, .timestamp):
      return .typeError(problem, hint: "compare a time with a time, e.g. `now - 30d`")
    default: return .typeError(problem)
    }
  }

  /// Whether a string literal holds a number as the language writes one (`"5000"`, `"9.5"`).
  private static func spellsNumber(_ text: String) -> Bool {
    text.contains { $0.isNumber } && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
      && Double(text) != nil
  }

  /// `problem` said with the data's reason, when one of `operands` reads a column that is
  /// text only because of some of its values; nil when none does.
  private func fromData(_ problem: String, operands: [Expr]) -> DiagnosticMessage? {
    for operand in operands {
      guard case .path(let row, let field?) = operand.kind, let table = model.table(ofRow: row.text),
        let use = textColumnUse(table, field: field.text, spelling: "\(row.text).\(field.text)")
      else { continue }
      return .textFromData(problem, use)
    }
    return nil
  }

  /// The column `field` of `table` reads, when the data made it text.
  private func textColumnUse(_ table: TableBinding, field: String, spelling: String) -> TextColumnUse? {
    let name = table.column(forField: field)
    guard let column = schema.tables[table.name]?.first(where: { $0.name == name }), column.type == .text,
      let reason = column.textReason
    else { return nil }
    return TextColumnUse(spelling: spelling, column: name, table: table.name, path: table.path, reason: reason)
  }

  private mutating func requireBoolean(_ expr: Expr, what: String) -> ValueType {
    let t = type(of: expr)
    switch t {
    case .boolean, .error: return .boolean
    case .row(let name) where model.rows[name]?.isCustomer == false: return .boolean
    default:
      let problem = "\(what) needs a true/false condition, but this is \(t)"
      report(fromData(problem, operands: [expr]) ?? .typeError(problem), at: expr.range)
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
    return checkLifecycleTimes(phrase, of: table, at: row.range, use: nil) ? .boolean : .error
  }

  /// Checks that the lifecycle fields `phrase` reads are time columns of `table`,
  /// reporting the first that is missing or not a time; `use` names the phrase in a
  /// missing column's message (the field itself when nil).
  private mutating func checkLifecycleTimes(
    _ phrase: Phrase, of table: TableBinding, at range: SourceRange, use: String?
  ) -> Bool {
    for field in PhraseFields.needed(by: phrase) {
      guard let columns = schema.tables[table.name] else { break }
      let column = table.column(forField: field)
      guard let schemaColumn = columns.first(where: { $0.name == column }) else {
        // A column mapped with `with` is reported once, on the load.
        if table.isMapped(field) { return false }
        report(
          .missingLifecycleColumn(table: table.name, column: column, for: use ?? field, field: field), at: range)
        return false
      }
      if ValueType(schemaColumn.type) != .timestamp {
        let spelling = "\(table.name).\(ASTDump.column(column))"
        let problem = "'\(PhraseFields.keyword(phrase))' needs a time, but \(spelling) is \(schemaColumn.type.rawValue)"
        let message: DiagnosticMessage =
          textColumnUse(table, field: field, spelling: spelling).map { .textFromData(problem, $0) }
          ?? .typeError(problem, hint: "map '\(field)' to a timestamp column with `with \(field) = COLUMN`")
        report(message, at: range)
        return false
      }
    }
    return true
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
    // In a rule the filter may also read the trigger row (a `CorrelatedFilter`).
    let correlates = allowedRows == nil
    inner.allowedRows = correlates ? nil : ["customer", row.text]
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
        let problem = "\(aggregate.function.rawValue) needs a number, but \(row.text).\(field.text) is \(t)"
        let operand = Expr(.path(row: row, field: field), range: row.range.union(field.range))
        inner.report(inner.fromData(problem, operands: [operand]) ?? .typeError(problem), at: field.range)
        result = .error
      }
    } else if aggregate.function != .count {
      inner.report(
        .typeError(
          "\(aggregate.function.rawValue) needs a field, e.g. \(aggregate.function.rawValue)(\(row.text).FIELD)"),
        at: row.range)
    }
    if let filter = aggregate.filter {
      let reported = inner.diagnostics.count
      inner.checkCondition(filter)
      if correlates, inner.diagnostics.count == reported, let typed = inner.typedStack.last,
        case .failure(let problem) = CorrelatedFilter.split(typed, inner: row.text)
      {
        let name = "\(aggregate.function.rawValue)(\(row.text) …)"
        inner.report(.correlatedAggregate(problem, aggregate: name, row: row.text), at: problem.range)
        result = .error
      }
      // A row read here other than the aggregated one is the rule's trigger.
      bound += inner.bound.filter { $0.text != row.text }
    }
    // `in last` reads a time like the phrase does: a text column is an error, never 0.
    if let inLast = aggregate.inLast,
      !inner.checkLifecycleTimes(.inLast(inLast), of: table, at: row.range, use: "in last")
    {
      result = .error
    }
    diagnostics = inner.diagnostics
    typedStack = inner.typedStack
    return result
  }

  private mutating func mismatch(_ range: SourceRange, _ message: String, operands: [Expr] = []) -> ValueType {
    report(fromData(message, operands: operands) ?? .typeError(message), at: range)
    return .error
  }

  /// Reports `problem` at `expr` unless its type `t` is already an error, saying why a
  /// column is text when the data made it so.
  mutating func reportMismatch(_ problem: String, _ expr: Expr, _ t: ValueType) {
    guard t != .error else { return }
    report(fromData(problem, operands: [expr]) ?? .typeError(problem), at: expr.range)
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
