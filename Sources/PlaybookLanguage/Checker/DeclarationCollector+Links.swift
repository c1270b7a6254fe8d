extension DeclarationCollector {
  /// Checks each `link COL to TABLE`: the table must be loaded, and following links
  /// from any table must reach the customers without coming round again. A link to the
  /// customers table itself is the ordinary link.
  mutating func resolveLinkTables() {
    let names = model.tables.map(\.name)
    for index in model.tables.indices {
      guard let target = model.tables[index].load.linkTable, !model.tables[index].isCustomers else { continue }
      guard let linked = model.tables.first(where: { $0.name == target.text }) else {
        report(
          .unknownTable(
            target.text,
            hint: NearNames.didYouMean(target.text, in: names) ?? "a link names a table the playbook loads"),
          at: target.range)
        model.tables[index].linkTable = nil
        continue
      }
      if linked.isCustomers { model.tables[index].linkTable = nil }
    }
    var reported: Set<String> = []
    for start in model.tables where start.linkTable != nil && !reported.contains(start.name) {
      var path = [start.name]
      var next = start.linkTable
      while let name = next, let table = model.tables.first(where: { $0.name == name }) {
        if let repeated = path.firstIndex(of: name) {
          let circle = Array(path[repeated...]) + [name]
          if reported.isDisjoint(with: circle) {
            let first = model.tables.first { $0.name == circle[0] }
            report(.linkCycle(circle), at: first?.load.linkTable?.range ?? start.load.table.range)
          }
          reported.formUnion(circle)
          break
        }
        path.append(name)
        next = table.linkTable
      }
    }
  }
}
