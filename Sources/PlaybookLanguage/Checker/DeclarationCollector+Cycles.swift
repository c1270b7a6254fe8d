extension DeclarationCollector {
  /// A segment or a `define`d row: what can be defined in terms of others.
  private enum Definition: Hashable {
    case segment(String)
    case row(String)

    var name: String {
      switch self {
      case .segment(let name), .row(let name): name
      }
    }

    /// How a message names it: `segment 'vip'`, `row 'complaint'`.
    var kind: String {
      switch self {
      case .segment: "segment"
      case .row: "row"
      }
    }
  }

  /// A definition naming another, and where it does.
  private struct Use {
    var target: Definition
    var range: SourceRange
  }

  /// Reports segments and defines that use themselves, directly or through others
  /// (`segment vip = customer in gold` with `segment gold = customer in vip`): such a
  /// definition means nothing, and evaluating it would never end. Each knot is one
  /// error, at the first-declared definition in it, with a note at every other link of
  /// the circle. The defines in a knot leave `model.rows`, as a define with an unknown
  /// source does; their names are returned so the defines built on them are dropped
  /// without a second report.
  mutating func reportCycles() -> Set<String> {
    var order: [Definition] = []
    var uses: [Definition: [Use]] = [:]
    for statement in model.playbook.statements {
      switch statement.kind {
      case .segment(let segment) where model.segments[segment.name.text]?.name.range == segment.name.range:
        order.append(.segment(segment.name.text))
        uses[.segment(segment.name.text)] = self.uses(in: segment.condition)
      case .define(let define) where model.rows[define.name.text]?.range == define.name.range:
        order.append(.row(define.name.text))
        uses[.row(define.name.text)] =
          (isDefinedRow(define.source.text) ? [Use(target: .row(define.source.text), range: define.source.range)] : [])
          + self.uses(in: define.condition)
      default: break
      }
    }
    var knotted: Set<Definition> = []
    let knots = Self.knots(order, uses)
    for start in order where !knotted.contains(start) {
      guard let knot = knots[start] else { continue }
      knotted.formUnion(knot)
      reportCycle(Self.shortestCycle(from: start, within: knot, uses), uses: uses)
    }
    var rows: Set<String> = []
    for case .row(let name) in knotted {
      model.rows[name] = nil
      rows.insert(name)
    }
    return rows
  }

  /// `vip → gold → vip` at vip's use of gold, with a note where gold uses vip.
  private mutating func reportCycle(_ cycle: [Use], uses: [Definition: [Use]]) {
    guard let first = cycle.first, let start = cycle.last?.target else { return }
    let names = [start.name] + cycle.map(\.target.name)
    let notes = zip(cycle.dropLast(), cycle.dropFirst()).map { from, to in
      Diagnostic.Note("'\(from.target.name)' uses '\(to.target.name)' here", file: model.file, range: to.range)
    }
    diagnostics.append(
      Diagnostic(.definitionCycle(start.kind, names), file: model.file, range: first.range, notes: notes))
  }

  /// The definitions `expr` names: segments (`customer in vip`) and defined rows
  /// (`complaint.csat`, `count(complaint …)`), in source order.
  private func uses(in expr: Expr) -> [Use] {
    switch expr.kind {
    case .number, .string, .bool, .null, .duration, .timestamp, .percent, .now, .sent:
      return []
    case .path(let row, _), .phrase(let row, _):
      return rowUse(row)
    case .inSegment(let subject, let segment, _):
      let named = model.segments[segment.text] == nil ? [] : [Use(target: .segment(segment.text), range: segment.range)]
      return uses(in: subject) + named
    case .list(let items):
      return items.flatMap(uses)
    case .unary(_, let operand), .isNull(let operand, _):
      return uses(in: operand)
    case .binary(_, let lhs, let rhs), .contains(let lhs, let rhs), .textMatch(let lhs, _, let rhs):
      return uses(in: lhs) + uses(in: rhs)
    case .between(let subject, let low, let high, _):
      return uses(in: subject) + uses(in: low) + uses(in: high)
    case .call(_, let arguments):
      return arguments.flatMap(uses)
    case .inList(let subject, let items, _), .containsAny(let subject, let items):
      return uses(in: subject) + items.flatMap(uses)
    case .aggregate(let aggregate):
      return rowUse(aggregate.row) + (aggregate.filter.map(uses) ?? [])
    }
  }

  private func rowUse(_ row: Name) -> [Use] {
    isDefinedRow(row.text) ? [Use(target: .row(row.text), range: row.range)] : []
  }

  /// A row name a `define` declares (its table is known only once defines resolve).
  private func isDefinedRow(_ name: String) -> Bool {
    model.rows[name].map { $0.table.isEmpty } ?? false
  }

  /// The knots: each definition on a circle, with every definition on a circle with it
  /// (its strongly connected component, when that has a circle). Tarjan's algorithm,
  /// iterative, so time is linear in the uses and long chains need no deep stack.
  private static func knots(
    _ order: [Definition], _ uses: [Definition: [Use]]
  ) -> [Definition: Set<Definition>] {
    var number: [Definition: Int] = [:]
    var low: [Definition: Int] = [:]
    var stack: [Definition] = []
    var onStack: Set<Definition> = []
    var knots: [Definition: Set<Definition>] = [:]
    for root in order where number[root] == nil {
      // Each frame: a definition and how many of its uses have been followed.
      var frames: [(definition: Definition, next: Int)] = [(root, 0)]
      number[root] = number.count
      low[root] = number[root]
      stack.append(root)
      onStack.insert(root)
      while let (definition, next) = frames.last {
        let targets = uses[definition, default: []]
        if next < targets.count {
          frames[frames.count - 1].next += 1
          let target = targets[next].target
          guard uses[target] != nil else { continue }
          if let seen = number[target] {
            if onStack.contains(target) { low[definition] = min(low[definition]!, seen) }
          } else {
            number[target] = number.count
            low[target] = number[target]
            stack.append(target)
            onStack.insert(target)
            frames.append((target, 0))
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last?.definition { low[parent] = min(low[parent]!, low[definition]!) }
        guard low[definition] == number[definition] else { continue }
        var component: Set<Definition> = []
        while let member = stack.popLast() {
          onStack.remove(member)
          component.insert(member)
          if member == definition { break }
        }
        let circular = component.count > 1 || targets.contains { $0.target == definition }
        if circular { for member in component { knots[member] = component } }
      }
    }
    return knots
  }

  /// The shortest circle from `start` back to it through `knot`, as the uses along it
  /// (breadth first, so `vip → vip` before `vip → gold → vip`).
  private static func shortestCycle(
    from start: Definition, within knot: Set<Definition>, _ uses: [Definition: [Use]]
  ) -> [Use] {
    var cameBy: [Definition: (from: Definition, use: Use)] = [:]
    var frontier = [start]
    while !frontier.isEmpty {
      var next: [Definition] = []
      for definition in frontier {
        for use in uses[definition, default: []] where knot.contains(use.target) {
          if use.target == start {
            var path = [use]
            var at = definition
            while at != start, let step = cameBy[at] {
              path.insert(step.use, at: 0)
              at = step.from
            }
            return path
          }
          guard cameBy[use.target] == nil else { continue }
          cameBy[use.target] = (definition, use)
          next.append(use.target)
        }
      }
      frontier = next
    }
    return []
  }
}
