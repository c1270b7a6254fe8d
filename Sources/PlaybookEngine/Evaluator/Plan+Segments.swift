import PlaybookLanguage

extension Plan {
  /// Whether the customer numbered `customer` is in segment `name`; nil when the
  /// playbook has no such segment.
  public func isInSegment(_ name: String, customer: Int) -> Bool? {
    segments[name].map { Truth(rawValue: $0.value(customer)) == .yes }
  }

  /// Compiles every segment, dependencies first, into per-customer values (computed for
  /// all customers when a full evaluation prepares them).
  static func evaluateSegments(
    _ checked: CheckedPlaybook, compiler: ExpressionCompiler
  ) -> [String: PerCustomer<UInt8>] {
    var compiler = compiler
    var visiting: Set<String> = []
    func ensure(_ name: String) {
      guard compiler.segments[name] == nil, !visiting.contains(name) else { return }
      guard let segment = checked.segments[name] else {
        preconditionFailure("unknown segment '\(name)'; the checker resolves every segment")
      }
      visiting.insert(name)
      for dependency in segmentReferences(segment.expr) { ensure(dependency) }
      let condition = compiler.counting(for: "segment '\(name)'").compile(segment)
      let values = PerCustomer(
        { condition.truth(Frame(customer: $0)).rawValue },
        computeAll: { count in Partitions.map(count: count) { truths(of: condition, customers: $0) } })
      compiler.values.register(values)
      compiler.segments[name] = values
    }
    for statement in checked.model.playbook.statements {
      if case .segment(let segment) = statement.kind { ensure(segment.name.text) }
    }
    return compiler.segments
  }

  /// `condition`'s truth for each of `customers`, evaluated a batch of customers at a
  /// time (`CompiledExpr.truths`), as raw values.
  private static func truths(of condition: CompiledExpr, customers: Range<Int>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(customers.count)
    var batch = RowBatch(capacity: 0) { _ in nil }
    var scratch = BatchScratch()
    for start in stride(from: customers.lowerBound, to: customers.upperBound, by: RowBatch.size) {
      let end = min(start + RowBatch.size, customers.upperBound)
      batch.refill(capacity: end - start) { (Int32(start + $0), -1) }
      let positions = batch.all(&scratch.positions)
      var truths = scratch.truths.take(batch.count)
      condition.truths(batch, positions, into: &truths, &scratch)
      out.append(contentsOf: truths[0..<batch.count].lazy.map(\.rawValue))
      scratch.truths.give(truths)
      scratch.positions.give(positions.storage)
    }
    return out
  }

  private static func segmentReferences(_ e: Expr) -> [String] {
    switch e.kind {
    case .inSegment(let a, let s, _): return segmentReferences(a) + [s.text]
    case .unary(_, let a): return segmentReferences(a)
    case .binary(_, let a, let b): return segmentReferences(a) + segmentReferences(b)
    default: return []
    }
  }
}
