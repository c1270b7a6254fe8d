extension DeclarationCollector {
  /// Points each `define` at its table, following chains (`define a = complaint where …`).
  mutating func resolveDefines() {
    for statement in model.playbook.statements {
      guard case .define(let define) = statement.kind,
        var binding = model.rows[define.name.text], binding.table.isEmpty
      else { continue }
      var source = define.source.text
      var visited: Set<String> = [define.name.text]
      while let base = model.rows[source], base.table.isEmpty, !visited.contains(source) {
        visited.insert(source)
        binding.filters = base.filters + binding.filters
        binding.filterRows = base.filterRows + binding.filterRows
        source = base.filterRows.first ?? ""
      }
      guard let base = model.rows[source], !base.table.isEmpty else {
        report(
          define.source.range, "unknown row '\(define.source.text)'", code: "unknown_row",
          hint: suggestion(define.source.text, among: model.rows.keys.sorted()))
        model.rows[define.name.text] = nil
        continue
      }
      if base.isCustomer {
        report(
          define.source.range, "define names a kind of event row; customers are grouped with segment",
          code: "invalid_define", hint: "write `segment \(define.name.text) = …`")
        model.rows[define.name.text] = nil
        continue
      }
      binding.table = base.table
      binding.filters = base.filters + binding.filters
      binding.filterRows = base.filterRows + binding.filterRows
      model.rows[define.name.text] = binding
    }
  }
}
