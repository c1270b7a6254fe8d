extension DeclarationCollector {
  /// Points each `define` at its table, following chains (`define a = complaint where …`).
  /// `cyclic` are the defines `reportCycles` took out, so no chain loops. A define that
  /// cannot be resolved is dropped, and one built on a dropped define is dropped without
  /// a report of its own: the root cause is reported once.
  mutating func resolveDefines(dropping cyclic: Set<String>) {
    var dropped = cyclic
    for statement in model.playbook.statements {
      guard case .define(let define) = statement.kind,
        var binding = model.rows[define.name.text], binding.table.isEmpty
      else { continue }
      var source = define.source.text
      while let base = model.rows[source], base.table.isEmpty {
        binding.filters = base.filters + binding.filters
        binding.filterRows = base.filterRows + binding.filterRows
        source = base.filterRows.first ?? ""
      }
      guard let base = model.rows[source], !base.table.isEmpty else {
        // Only where the chain breaks: a define further down reports its own source.
        if source == define.source.text, !dropped.contains(source) {
          report(
            .unknownRow(
              define.source.text, hint: NearNames.didYouMean(define.source.text, in: model.rows.keys.sorted())),
            at: define.source.range)
        }
        model.rows[define.name.text] = nil
        dropped.insert(define.name.text)
        continue
      }
      if base.isCustomer {
        report(.defineOverCustomers(define.name.text), at: define.source.range)
        model.rows[define.name.text] = nil
        dropped.insert(define.name.text)
        continue
      }
      binding.table = base.table
      binding.filters = base.filters + binding.filters
      binding.filterRows = base.filterRows + binding.filterRows
      model.rows[define.name.text] = binding
    }
    model.unresolvedRows = dropped
  }
}
