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
      // A mask at a time over each range, in loops reading plain memory: a row at a time
      // through the list of masks copied (and retained) each mask at every row.
      members[name] = Partitions.map(count: rowCount) { range in
        var kept = [Bool](unsafeUninitializedCapacity: range.count) { kept, count in
          link.customerOfRow.withUnsafeBufferPointer { links in
            for (k, row) in range.enumerated() { kept[k] = links[row] >= 0 }
          }
          for mask in masks {
            mask.withUnsafeBufferPointer { mask in
              for (k, row) in range.enumerated() { kept[k] = kept[k] && mask[row] }
            }
          }
          count = range.count
        }
        guard !filters.isEmpty else { return kept }
        for (k, row) in range.enumerated() where kept[k] {
          let frame = Frame(customer: Int(link.customerOfRow[row]), row: row)
          kept[k] = filters.allSatisfy { $0.truth(frame).holds }
        }
        return kept
      }
    }
    return members
  }
}
