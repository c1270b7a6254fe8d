import PlaybookLanguage

extension Plan {
  /// For each `define`d row name, which rows of its table it covers: its filters are
  /// evaluated once per row here instead of once per rule and aggregate.
  static func evaluateMembers(
    _ checked: CheckedPlaybook, compiler: ExpressionCompiler
  ) -> [String: [Bool]] {
    var members: [String: [Bool]] = [:]
    for (name, filters) in checked.rowFilters.sorted(by: { $0.key < $1.key }) {
      guard let table = checked.model.table(ofRow: name),
        let link = compiler.dataset.links[table.name]
      else { preconditionFailure("defined row '\(name)' has no loaded event table") }
      var rowCompiler = compiler.counting(for: "define '\(name)'")
      for filter in filters { rowCompiler.slots[filter.row] = .row }
      // Filters a column can answer at once are; the rest go row by row.
      let rowCount = link.customerOfRow.count
      let compiled = filters.map { rowCompiler.compile($0.condition) }.map { filter in
        (filter, RowMask.textEquality(filter, rowCount: rowCount))
      }
      let masks = compiled.compactMap(\.1)
      let filters = compiled.filter { $0.1 == nil }.map(\.0)
      members[name] = Partitions.map(count: rowCount) { range in
        range.map { row in
          let customer = link.customerOfRow[row]
          guard customer >= 0 else { return false }
          for mask in masks where !mask[row] { return false }
          let frame = Frame(customer: Int(customer), row: row)
          return filters.allSatisfy { $0.truth(frame).holds }
        }
      }
    }
    return members
  }
}
