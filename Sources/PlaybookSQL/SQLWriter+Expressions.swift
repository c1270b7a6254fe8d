import PlaybookLanguage

/// Expressions in SQL's three-valued logic, which is the engine's (`Truth`): a boolean
/// that is null is unknown, and `and`, `or`, `not` and comparisons treat it alike.
extension SQLWriter {
  func expr(_ typed: TypedExpr, _ scope: inout Scope) -> String {
    let e = typed.expr
    let ops = typed.operands
    switch e.kind {
    case .number(let n): return d.floatLiteral(n.value)
    case .percent(let p): return d.floatLiteral(p.value)
    case .string(let s): return literal(s.value, at: e.range)
    case .bool(let b): return b ? "TRUE" : "FALSE"
    case .null: return "NULL"
    case .duration(let duration): return "\(duration.seconds)"
    case .timestamp(let t): return "\(t.secondsSinceEpoch)"
    case .now: return "\(clock)"
    case .list: return refuse(e.range, "a list is compiled only after `in` and `contains any`")
    case .path(let row, let field):
      guard let field else { return refuse(e.range, "a row is no value to compute with") }
      return path(row, field.text, at: e.range, scope)
    case .unary(.not, _): return "NOT (\(expr(ops[0], &scope)))"
    case .unary(.negate, _): return "-(\(expr(ops[0], &scope)))"
    case .binary(let op, _, _): return binary(typed, op, &scope)
    case .inSegment(_, let segment, let negated):
      let name = self.segment(segment.text)
      scope.join("JOIN \(name) ON \(name).\(d.identifier("@key")) = \(customerAlias).\(d.identifier("@key"))")
      return negated ? "NOT \(name).value" : "\(name).value"
    case .inList(_, _, let negated):
      guard ops.allSatisfy({ Self.isScalar($0.type) }) else {
        return refuse(e.range, "only values are compared, not rows or lists")
      }
      let subject = ordered(ops[0], &scope)
      let items = ops.dropFirst().map { expr($0, &scope) }
      let test = "\(subject) IN (\(items.joined(separator: ", ")))"
      return negated ? "NOT (\(test))" : test
    case .contains, .containsAny:
      let subject = d.asciiLower(expr(ops[0], &scope))
      let needles = ops.dropFirst().map { needle -> String in
        guard let folded = asciiFolded(needle) else {
          return refuse(
            needle.expr.range,
            "only ASCII text literals are searched for: the engine folds other text with Unicode's case mapping",
            construct: text(of: needle.expr.range))
        }
        return d.occurs(literal(folded, at: needle.expr.range), in: subject)
      }
      return needles.count == 1 ? needles[0] : "(" + needles.joined(separator: " OR ") + ")"
    case .isNull(_, let negated):
      let test: String
      switch ops[0].type {
      case .row, .list: test = "FALSE"
      // A text literal is never null; a text value is null when missing or empty.
      case .text:
        if case .string = ops[0].expr.kind {
          test = "FALSE"
        } else {
          let value = expr(ops[0], &scope)
          test = "(\(value) IS NULL OR \(value) = '')"
        }
      default: test = "\(expr(ops[0], &scope)) IS NULL"
      }
      return negated ? "NOT \(test)" : test
    case .phrase(let row, let phrase):
      guard let alias = scope.rows[row.text], let binding = model.table(ofRow: row.text) else {
        return refuse(e.range, "it reads a row that is not bound here")
      }
      return lifecycle(phrase, alias: alias, binding: binding).truth
    case .aggregate(let aggregate): return self.aggregate(typed, aggregate, &scope)
    case .sent:
      return refuse(e.range, "it reads the send ledger, which the database does not hold")
    case .between(_, _, _, let negated):
      // Unknown when any of the three is null (SQL's BETWEEN would say false for 5
      // between 10 and null).
      let x = ordered(ops[0], &scope)
      let low = expr(ops[1], &scope)
      let high = expr(ops[2], &scope)
      let test = "\(x) >= \(low) AND \(x) <= \(high)"
      return "CASE WHEN \(x) IS NULL OR \(low) IS NULL OR \(high) IS NULL THEN NULL ELSE "
        + (negated ? "NOT (\(test))" : test) + " END"
    case .textMatch(_, let test, _):
      guard test != .matches else {
        return refuse(e.range, "regular expressions differ between the engine and the database")
      }
      guard let affix = asciiFolded(ops[1]) else {
        return refuse(
          ops[1].expr.range,
          "only ASCII text literals are compared: the engine folds other text with Unicode's case mapping",
          construct: text(of: ops[1].expr.range))
      }
      let subject = d.asciiLower(expr(ops[0], &scope))
      return
        "\(d.affix(subject, count: affix.utf8.count, atEnd: test == .endsWith)) = \(literal(affix, at: ops[1].expr.range))"
    case .call(let name, _): return call(typed, name, &scope)
    }
  }

  /// `row.field`: the column it reads in the row's CTE.
  private func path(_ row: Name, _ field: String, at range: SourceRange, _ scope: Scope) -> String {
    guard let alias = scope.rows[row.text], let binding = model.table(ofRow: row.text) else {
      return refuse(range, "an aggregate's filter that reads the trigger row is not compiled yet")
    }
    return "\(alias).\(d.identifier(binding.column(forField: field)))"
  }

  /// A value that is compared: text in byte order.
  private func ordered(_ typed: TypedExpr, _ scope: inout Scope) -> String {
    let sql = expr(typed, &scope)
    return typed.type == .text ? d.byteOrder(sql) : sql
  }

  /// An ASCII text literal, lower-cased as the engine folds it; nil for anything else.
  private func asciiFolded(_ typed: TypedExpr) -> String? {
    guard case .string(let s) = typed.expr.kind, s.value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return String(decoding: s.value.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }

  static func isScalar(_ type: ValueType) -> Bool {
    switch type {
    case .row, .list, .error: false
    default: true
    }
  }

  private func binary(_ typed: TypedExpr, _ op: BinaryOperator, _ scope: inout Scope) -> String {
    let (lt, rt) = (typed.operands[0].type, typed.operands[1].type)
    switch op {
    case .and: return "(\(expr(typed.operands[0], &scope)) AND \(expr(typed.operands[1], &scope)))"
    case .or: return "(\(expr(typed.operands[0], &scope)) OR \(expr(typed.operands[1], &scope)))"
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      // Rows and lists have no value: comparing them is unknown.
      guard Self.isScalar(lt), Self.isScalar(rt) else { return "NULL" }
      let sqlOp = op == .equal ? "=" : (op == .notEqual ? "<>" : op.rawValue)
      return "\(ordered(typed.operands[0], &scope)) \(sqlOp) \(expr(typed.operands[1], &scope))"
    case .add, .subtract, .multiply, .divide:
      let l = expr(typed.operands[0], &scope)
      let r = expr(typed.operands[1], &scope)
      return arithmetic(op, l, lt, r, rt, at: typed.expr.range)
    }
  }

  /// Numbers are 64-bit floats, as in the engine; times and durations whole seconds,
  /// null outside the span the language computes in (`TimeBounds`).
  private func arithmetic(
    _ op: BinaryOperator, _ l: String, _ lt: ValueType, _ r: String, _ rt: ValueType, at range: SourceRange
  ) -> String {
    switch (op, Self.kind(lt), Self.kind(rt)) {
    case (.divide, .number, .number): return "(\(l) / NULLIF(\(r), 0))"
    case (_, .number, .number): return "(\(l) \(op.rawValue) \(r))"
    case (.subtract, .time, .time): return "(\(l) - \(r))"
    case (.subtract, .time, .duration), (.add, .time, .duration), (.add, .duration, .time):
      return bounded("(\(l) \(op.rawValue) \(r))", TimeBounds.earliest, TimeBounds.latest)
    case (.add, .duration, .duration), (.subtract, .duration, .duration):
      return bounded("(\(l) \(op.rawValue) \(r))", -TimeBounds.longestDuration, TimeBounds.longestDuration)
    case (.multiply, .duration, .number): return scaled("\(d.float(l)) * \(r)")
    case (.multiply, .number, .duration): return scaled("\(d.float(r)) * \(l)")
    case (.divide, .duration, .number): return scaled("\(d.float(l)) / NULLIF(\(r), 0)")
    default: return refuse(range, "this arithmetic is not compiled")
    }
  }

  private enum Kind { case number, time, duration, other }

  private static func kind(_ type: ValueType) -> Kind {
    switch type {
    case .number, .percent: .number
    case .timestamp: .time
    case .duration: .duration
    default: .other
    }
  }

  /// `sql` when within `low…high`, else null (an overflow).
  private func bounded(_ sql: String, _ low: Int64, _ high: Int64) -> String {
    "CASE WHEN \(sql) BETWEEN \(low) AND \(high) THEN \(sql) END"
  }

  /// A duration scaled by a number: rounded toward zero, null beyond the longest duration.
  private func scaled(_ sql: String) -> String {
    "CASE WHEN abs(\(sql)) <= \(TimeBounds.longestDuration) THEN \(d.truncatedInteger(sql)) END"
  }
}
