extension DeclarationCollector {
  /// The most defines one chain may stack (`define a = b where …`, `define b = c where …`):
  /// each row of a define is tried against every filter of its chain, so chains are
  /// bounded to keep that cost linear (docs/LANGUAGE.md "Limits").
  public static let maxDefineChain = 100

  /// Points each `define` at its table, following chains (`define a = complaint where …`).
  /// `cyclic` are the defines `reportCycles` took out, so no chain loops. A define that
  /// cannot be resolved is dropped, and one built on a dropped define is dropped without
  /// a report of its own: the root cause is reported once. A chain is resolved from its
  /// root up, whatever the order of the file, so each define is resolved once.
  mutating func resolveDefines(dropping cyclic: Set<String>) {
    var dropped = cyclic
    var defines: [String: Define] = [:]
    for statement in model.playbook.statements {
      if case .define(let define) = statement.kind, model.rows[define.name.text]?.range == define.name.range {
        defines[define.name.text] = define
      }
    }
    for statement in model.playbook.statements {
      guard case .define(let define) = statement.kind, defines[define.name.text] != nil,
        model.rows[define.name.text]?.table.isEmpty == true
      else { continue }
      // Down the chain to a row already resolved (or none), then back up resolving.
      var chain = [define]
      while let source = chain.last?.source.text, model.rows[source]?.table.isEmpty == true,
        let next = defines[source]
      {
        chain.append(next)
      }
      for link in chain.reversed() { resolve(link, dropped: &dropped) }
    }
    model.unresolvedRows = dropped
  }

  /// Resolves one define whose source is resolved, missing or dropped.
  private mutating func resolve(_ define: Define, dropped: inout Set<String>) {
    guard var binding = model.rows[define.name.text], binding.table.isEmpty else { return }
    let source = define.source.text
    guard let base = model.rows[source], !base.table.isEmpty else {
      // Only where the chain breaks: a define further down reports its own source.
      if !dropped.contains(source) {
        report(
          .unknownRow(source, hint: NearNames.didYouMean(source, in: model.rows.keys.sorted())),
          at: define.source.range)
      }
      model.rows[define.name.text] = nil
      dropped.insert(define.name.text)
      return
    }
    if base.isCustomer {
      report(.defineOverCustomers(define.name.text), at: define.source.range)
      model.rows[define.name.text] = nil
      dropped.insert(define.name.text)
      return
    }
    guard base.filters.count < Self.maxDefineChain else {
      report(.defineChainTooLong(define.name.text, limit: Self.maxDefineChain), at: define.source.range)
      model.rows[define.name.text] = nil
      dropped.insert(define.name.text)
      return
    }
    binding.table = base.table
    binding.filters = base.filters + binding.filters
    binding.filterRows = base.filterRows + binding.filterRows
    model.rows[define.name.text] = binding
  }
}
