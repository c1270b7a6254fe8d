import PlaybookLanguage

/// Compiles checked expressions into closures over column arrays, once per plan: no
/// lookup by name happens per row.
struct ExpressionCompiler {
  let model: PlaybookModel
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

  func table(named name: String) -> Table? {
    if name == model.customerTable?.name { return dataset.customers }
    return dataset.events[name]
  }

  func compile(_ expr: Expr) -> CompiledExpr {
    switch expr.kind {
    case .number(let n):
      let v = n.value
      return CompiledExpr(expr, .number { _ in v })
    case .string(let s):
      return CompiledExpr(expr, .text(.literal(Array(s.value.utf8))))
    case .bool(let b):
      let t = Truth(b)
      return CompiledExpr(expr, .truth { _ in t })
    case .null:
      return CompiledExpr(expr, .truth { _ in .unknown })
    case .duration(let d):
      let v = d.seconds
      return CompiledExpr(expr, .duration { _ in v })
    case .timestamp(let t):
      let v = t.secondsSinceEpoch
      return CompiledExpr(expr, .time { _ in v })
    case .percent(let p):
      let v = p.value
      return CompiledExpr(expr, .number { _ in v })
    case .now:
      let clock = self.clock
      return CompiledExpr(expr, .time { _ in clock })
    case .list(let items):
      return CompiledExpr(expr, .list(items.map(compile)))
    case .path(let row, let field):
      return compilePath(expr, row: row.text, field: field?.text)
    case .unary(.not, let operand):
      let c = compile(operand)
      return CompiledExpr(expr, .truth { !c.truth($0) }, children: [c])
    case .unary(.negate, let operand):
      let c = compile(operand)
      switch c.evaluation {
      case .number(let f): return CompiledExpr(expr, .number { f($0).map { -$0 } }, children: [c])
      case .duration(let f): return CompiledExpr(expr, .duration { f($0).map { -$0 } }, children: [c])
      default: return CompiledExpr(expr, .truth { _ in .unknown }, children: [c])
      }
    case .binary(let op, let lhs, let rhs):
      return compileBinary(expr, op, compile(lhs), compile(rhs))
    case .inSegment(_, let segment, let negated):
      guard let members = segments[segment.text] else {
        // Not evaluated yet (a define's filter naming a segment): evaluate it in place.
        guard let condition = model.segments[segment.text]?.condition else {
          return CompiledExpr(expr, .truth { _ in .unknown })
        }
        var customerOnly = self
        customerOnly.slots = ["customer": .customer]
        let c = customerOnly.compile(condition)
        return CompiledExpr(
          expr, .truth { frame in negated ? !c.truth(Frame(customer: frame.customer)) : c.truth(Frame(customer: frame.customer)) })
      }
      return CompiledExpr(
        expr,
        .truth { frame in
          let t = Truth(rawValue: members.value(frame.customer)) ?? .unknown
          return negated ? !t : t
        })
    case .inList(let subject, let items, let negated):
      return compileInList(expr, compile(subject), items.map(compile), negated: negated)
    case .contains(let subject, let needle):
      return compileContains(expr, compile(subject), [compile(needle)])
    case .containsAny(let subject, let needles):
      return compileContains(expr, compile(subject), needles.map(compile))
    case .isNull(let subject, let negated):
      let c = compile(subject)
      let isNull = nullTest(c)
      return CompiledExpr(
        expr, .truth { Truth(isNull($0) != negated) }, children: [c])
    case .phrase(let row, let phrase):
      guard let table = model.table(ofRow: row.text), let lifecycle = lifecycles[table.name]
      else { return CompiledExpr(expr, .truth { _ in .unknown }) }
      let slot = slots[row.text] ?? .row
      return CompiledExpr(expr, .truth { lifecycle.evaluate(phrase, row: slot.index($0)).0 })
    case .aggregate(let aggregate):
      return compileAggregate(expr, aggregate)
    }
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
    case .list, .row: return { _ in false }
    }
  }

  private func compilePath(_ expr: Expr, row: String, field: String?) -> CompiledExpr {
    guard let field else { return CompiledExpr(expr, .row) }
    guard let binding = model.table(ofRow: row), let table = table(named: binding.name),
      let index = table.columnIndex(binding.column(forField: field))
    else { return CompiledExpr(expr, .truth { _ in .unknown }) }
    let slot = slots[row] ?? (binding.isCustomers ? .customer : .row)
    let column = table.columns[index]
    let nulls = column.nulls
    let described = (row: row, field: field)
    switch column.values {
    case .integer(let values):
      return CompiledExpr(
        expr,
        .number { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? nil : Double(values[r])
        }, field: described)
    case .decimal(let values):
      return CompiledExpr(
        expr,
        .number { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? nil : values[r]
        }, field: described)
    case .boolean(let values):
      return CompiledExpr(
        expr,
        .truth { frame in
          let r = slot.index(frame)
          return nulls.isNull(r) ? .unknown : Truth(values[r])
        }, field: described)
    case .timestamp(let values):
      let clockView = !binding.isCustomers && binding.fieldColumns.values.contains(column.name)
        && Lifecycle.isLifecycleField(
          binding.fieldColumns.first { $0.value == column.name }?.key ?? "")
      let clock = self.clock
      return CompiledExpr(
        expr,
        .time { frame in
          let r = slot.index(frame)
          guard !nulls.isNull(r) else { return nil }
          let v = values[r]
          return clockView && v > clock ? nil : v
        }, field: described)
    case .text(let text):
      return CompiledExpr(expr, .text(.column(text, nulls, slot)), field: described)
    }
  }
}
