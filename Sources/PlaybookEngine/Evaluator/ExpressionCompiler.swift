import PlaybookLanguage

/// Compiles checked expressions into closures over column arrays, once per plan: no
/// lookup by name happens per row.
///
/// It compiles only what the checker typed (`TypedExpr`): every name resolves, every
/// operand has a type its operator takes. Where that does not hold the compiler stops
/// with the broken invariant rather than compile a value that means nothing.
struct ExpressionCompiler {
  let checked: CheckedPlaybook
  let dataset: Dataset
  let clock: Int64
  /// Row name → the frame slot it reads here.
  var slots: [String: Slot]
  /// Lifecycles by table name, built once.
  let lifecycles: [String: Lifecycle]
  /// Compiled segments by name (filled as they are compiled, in file order).
  var segments: [String: PerCustomer<UInt8>]
  /// For each `define`d row name, whether each row of its table is one (computed once).
  var members: [String: [Bool]] = [:]
  /// Aggregate and segment values per customer, shared with plans that may reuse them.
  var values = PerCustomerValues()
  /// The wall clock `month`, `day_of_week` and `hour` read times on.
  var localTime = LocalTime.utc
  /// Each `sent(…)` query's latest send time per customer.
  var sentTimes = SentTimes.none
  /// Where the expressions compiled now count their overflows.
  var overflow = OverflowCounter(log: OverflowLog(), owner: "")

  var model: PlaybookModel { checked.model }

  func table(named name: String) -> Table? {
    if name == model.customerTable?.name { return dataset.customers }
    return dataset.events[name]
  }

  /// The frame slot `row` reads here: every row name a checked expression uses is bound.
  func slot(of row: String) -> Slot {
    guard let slot = slots[row] else {
      preconditionFailure("row '\(row)' is used where it is not bound; the checker allows only bound rows")
    }
    return slot
  }

  func compile(_ typed: TypedExpr) -> CompiledExpr {
    let expr = typed.expr
    let operands = typed.operands
    switch expr.kind {
    case .number(let n):
      let v = n.value
      return CompiledExpr(expr, .number { _ in v }, columnar: .constant)
    case .string(let s):
      return CompiledExpr(expr, .text(.literal(Array(s.value.utf8))))
    case .bool(let b):
      let t = Truth(b)
      return CompiledExpr(expr, .truth { _ in t }, columnar: .constant)
    case .null:
      return CompiledExpr(expr, .truth { _ in .unknown }, columnar: .constant)
    case .duration(let d):
      let v = d.seconds
      return CompiledExpr(expr, .duration { _ in v }, columnar: .constant)
    case .timestamp(let t):
      let v = t.secondsSinceEpoch
      return CompiledExpr(expr, .time { _ in v }, columnar: .constant)
    case .percent(let p):
      let v = p.value
      return CompiledExpr(expr, .number { _ in v }, columnar: .constant)
    case .now:
      let clock = self.clock
      return CompiledExpr(expr, .time { _ in clock }, columnar: .constant)
    case .list:
      return CompiledExpr(expr, .list(operands.map(compile)))
    case .path(let row, let field):
      return compilePath(expr, row: row.text, field: field?.text)
    case .unary(.not, _):
      let c = compile(operands[0])
      return CompiledExpr(expr, .truth { !c.truth($0) }, children: [c], columnar: .not)
    case .unary(.negate, _):
      let c = compile(operands[0])
      switch c.evaluation {
      case .number(let f): return CompiledExpr(expr, .number { f($0).map { -$0 } }, children: [c])
      // Durations are bounded both ways, so negating one stays in bounds.
      case .duration(let f): return CompiledExpr(expr, .duration { f($0).map { -$0 } }, children: [c])
      default:
        preconditionFailure("'-' on \(operands[0].type); the checker negates only numbers and durations")
      }
    case .binary(let op, _, _):
      return compileBinary(typed, op, compile(operands[0]), compile(operands[1]))
    case .inSegment(_, let segment, let negated):
      guard let members = segments[segment.text] else {
        // Not evaluated yet (a define's filter naming a segment): evaluate it in place.
        guard let condition = checked.segments[segment.text] else {
          preconditionFailure("unknown segment '\(segment.text)'; the checker resolves every segment")
        }
        var customerOnly = self
        customerOnly.slots = ["customer": .customer]
        let c = customerOnly.compile(condition)
        return CompiledExpr(
          expr,
          .truth { frame in
            negated ? !c.truth(Frame(customer: frame.customer)) : c.truth(Frame(customer: frame.customer))
          })
      }
      return CompiledExpr(
        expr, .truth { Self.membership(members, $0.customer, negated: negated) },
        columnar: .segment(members, negated: negated))
    case .inList(_, _, let negated):
      return compileInList(
        typed, compile(operands[0]), operands.dropFirst().map(compile), negated: negated)
    case .contains, .containsAny:
      return compileContains(expr, compile(operands[0]), operands.dropFirst().map(compile))
    case .isNull(_, let negated):
      let c = compile(operands[0])
      let isNull = nullTest(c)
      return CompiledExpr(
        expr, .truth { Truth(isNull($0) != negated) }, children: [c])
    case .phrase(let row, let phrase):
      let lifecycle = self.lifecycle(ofRow: row.text)
      let slot = slot(of: row.text)
      let test = Lifecycle.Test(phrase)
      return CompiledExpr(
        expr, .truth { lifecycle.evaluate(test, row: slot.index($0)).0 },
        columnar: slot == .inner ? nil : .phrase(lifecycle, test, slot))
    case .aggregate(let aggregate):
      return compileAggregate(typed, aggregate)
    case .sent(let sent):
      return compileSent(expr, sent)
    case .between(_, _, _, let negated):
      return compileBetween(typed, operands.map(compile), negated: negated)
    case .textMatch(_, let test, _):
      return compileTextMatch(expr, test, compile(operands[0]), compile(operands[1]))
    case .call(let name, _):
      return compileCall(typed, name.text, operands.map(compile))
    }
  }

  /// Whether `customer` is in the segment of `members` (not in it, when `negated`).
  @inline(__always) static func membership(_ members: PerCustomer<UInt8>, _ customer: Int, negated: Bool) -> Truth {
    let t = Truth(stored: members.value(customer))
    return negated ? !t : t
  }

  /// This compiler with overflows counted for `owner` (`rule 'x'`).
  func counting(for owner: String) -> ExpressionCompiler {
    var compiler = self
    compiler.overflow = OverflowCounter(log: overflow.log, owner: owner)
    overflow.log.register(owner)
    return compiler
  }

  /// A closure telling whether a compiled value is null in a frame.
  func nullTest(_ c: CompiledExpr) -> (Frame) -> Bool {
    switch c.evaluation {
    case .truth(let f): return { f($0) == .unknown }
    case .number(let f): return { f($0) == nil }
    case .time(let f), .duration(let f): return { f($0) == nil }
    case .text(.literal): return { _ in false }
    case .text(.column(let column, let nulls, let slot)):
      return { frame in
        let row = slot.index(frame)
        return nulls.isNull(row) || column.start(row) == column.end(row)
      }
    case .text(let operand): return { TextComparison.with(operand, $0) { $0.isEmpty } ?? true }
    case .list, .row: return { _ in false }
    }
  }

  /// The lifecycle of the event table `row` names.
  func lifecycle(ofRow row: String) -> Lifecycle {
    guard let table = model.table(ofRow: row), let lifecycle = lifecycles[table.name] else {
      preconditionFailure("row '\(row)' has no loaded event table; the checker resolves every row")
    }
    return lifecycle
  }

  func compilePath(_ expr: Expr, row: String, field: String?) -> CompiledExpr {
    guard let field else { return CompiledExpr(expr, .row) }
    guard let binding = model.table(ofRow: row), let table = table(named: binding.name),
      let index = table.columnIndex(binding.column(forField: field))
    else {
      preconditionFailure("\(row).\(field) reads no loaded column; the checker resolves every field")
    }
    let slot = slot(of: row)
    let column = table.columns[index]
    let nulls = column.nulls
    let described = (row: row, field: field)
    // No batch binds the aggregate slot: aggregates read their rows one by one.
    let columnar = slot == .inner ? nil : Columnar.column(column, slot, clock: nil)
    switch column.values {
    case .integer(let values):
      return CompiledExpr(
        expr,
        .number { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? nil : Double(values[r])
        }, field: described, columnar: columnar)
    case .decimal(let values):
      return CompiledExpr(
        expr,
        .number { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? nil : values[r]
        }, field: described, columnar: columnar)
    case .boolean(let values):
      return CompiledExpr(
        expr,
        .truth { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? .unknown : Truth(values[r])
        }, field: described, columnar: columnar)
    case .timestamp(let values):
      // A lifecycle time after the clock has not happened yet: it reads as null.
      let clockView =
        !binding.isCustomers
        && binding.fieldColumns.contains { field, mapped in
          Lifecycle.isLifecycleField(field) && mapped == column.name
        }
      let clock = self.clock
      return CompiledExpr(
        expr,
        .time { frame in
          let r = slot.index(frame)
          guard !nulls.isNull(r) else { return nil }
          let v = values[r]
          return clockView && v > clock ? nil : v
        }, field: described,
        columnar: slot == .inner ? nil : .column(column, slot, clock: clockView ? clock : nil))
    case .text(let text):
      return CompiledExpr(expr, .text(.column(text, nulls, slot)), field: described)
    }
  }
}
