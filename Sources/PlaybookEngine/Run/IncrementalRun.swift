import Dispatch
import PlaybookLanguage

/// An evaluation that remembers each rule's candidates, so the next one after an edit
/// re-evaluates only the rules that changed (the shell's `:run`).
///
/// A rule's candidates depend on the rule itself, the data, the clock, and the
/// statements its conditions read: `load`, `define`, `segment`, `window` and `timezone` (channels,
/// offers, `limit` and `holdout` only matter when deciding). When those are unchanged, a
/// rule whose structure is unchanged keeps its candidates from the previous run (however
/// and wherever it was retyped: `Structure` sets positions and comments aside); the rest are
/// evaluated, and the lists are merged customer by customer in rule order (exactly
/// `Plan.candidates()`'s order). When they changed, every rule is evaluated.
///
/// Deciding is repeated only for the customers the re-evaluated rules reach (before or
/// now) when the rules kept their names and order and no other statement changed; any
/// other change decides every customer again. Either way the decisions equal a full run's.
public struct IncrementalRun: Sendable {
  /// The plan evaluated this time (reused from the previous run when nothing it compiles changed).
  public let plan: Plan
  /// Every decision, equal to what a full `CampaignRun` would decide.
  public let decisions: [Decision]
  /// `decisions` counted by the playbook's rules, offers and statuses.
  public let counts: DecisionCounts
  /// The rules evaluated this time, in rule order; the others were reused.
  public let evaluatedRules: [String]
  /// Wall time spent evaluating (and compiling, when the plan was not reused), in milliseconds.
  public let evaluateMilliseconds: Int
  /// Wall time spent deciding, in milliseconds.
  public let decideMilliseconds: Int

  /// Each rule's candidates, by rule index in `plan`, in customer order.
  public let ruleCandidates: [[Candidate]]
  /// What every candidate depends on besides its rule.
  let context: Context
  /// Each rule's structure, by rule index.
  let ruleStructures: [Structure<Rule>]
  let ruleNames: [String]
  /// Every statement but the rules and tests: what deciding depends on besides them.
  let decideContext: [Structure<Statement>]
  /// The customer number of each decision.
  let decisionCustomers: [Int32]
  /// What overflowed (read as null), by owner, as a full run would count it.
  let overflows: [(owner: String, count: Int)]

  /// True when this run is what evaluating `workspace` at `clock` over data
  /// `dataVersion` gives now: nothing it depends on changed since.
  public func isCurrent(for workspace: Workspace, clock: Int64, dataVersion: Int) -> Bool {
    context.dataVersion == dataVersion && plan.clock == clock
      && plan.checked.structure == workspace.checked.structure
  }

  struct Context: Equatable, Sendable {
    var dataVersion: Int
    var clock: Int64
    var statements: [Structure<Statement>]
  }

  /// Evaluates `workspace` at `clock`, reusing what `previous` evaluated when it can.
  /// - Parameters:
  ///   - workspace: the checked playbook and its loaded data.
  ///   - clock: the evaluation time, in seconds since 1970-01-01 UTC.
  ///   - dataVersion: changes whenever the workspace's data is reloaded; runs over
  ///     different data never share candidates.
  ///   - previous: the last run in this session, whose plan and candidates may be reused;
  ///     nil evaluates everything.
  ///   - interrupted: polled every few thousand rows; once it returns true the evaluation
  ///     stops (Ctrl-C in the shell).
  ///   - progress: told when evaluating and deciding begin.
  /// - Returns: nil when `interrupted` stopped the evaluation.
  public static func evaluate(
    _ workspace: Workspace, clock: Int64, dataVersion: Int, previous: IncrementalRun?,
    interrupted: @escaping @Sendable () -> Bool = { false }, progress: (any ProgressSink)? = nil
  ) -> IncrementalRun? {
    let started = DispatchTime.now()
    progress?.begin(.evaluating)
    let model = workspace.model
    // An A/B split's variants are drawn while evaluating, from the experiment seed.
    let splits = model.rules.contains { $0.rule.sends.contains(where: \.isSplit) }
    let context = Context(
      dataVersion: dataVersion, clock: clock,
      statements: model.playbook.statements.compactMap { statement in
        switch statement.kind {
        // The customers' zones are the calendar functions' clocks.
        case .load, .define, .segment, .window, .timezone: Structure(statement)
        case .playbook, .holdout: splits ? Structure(statement) : nil
        default: nil
        }
      })
    // Compiling computes segments and row filters over all the data: skipped when
    // nothing changed at all.
    let structure = workspace.checked.structure
    let plan =
      previous.flatMap {
        $0.context == context && $0.plan.checked.structure == structure ? $0.plan : nil
      }
      ?? Plan(
        checked: workspace.checked, dataset: workspace.dataset, clock: clock,
        reusing: previous.flatMap { $0.context == context ? $0.plan : nil })
    let ruleStructures = model.rules.map { Structure($0.rule) }
    var reusable: [Structure<Rule>: (index: Int, candidates: [Candidate])] = [:]
    if let previous, previous.context == context {
      for (index, rule) in previous.ruleStructures.enumerated() {
        reusable[rule] = (index, previous.ruleCandidates[index])
      }
    }
    var lists: [[Candidate]] = []
    var evaluated: [String] = []
    for (index, rule) in ruleStructures.enumerated() {
      if let kept = reusable[rule] {
        lists.append(
          kept.index == index
            ? kept.candidates
            : kept.candidates.map {
              var c = $0
              c.rule = Int32(index)
              return c
            })
        continue
      }
      lists.append(plan.candidates(ofRules: [index], interrupted: interrupted))
      evaluated.append(model.rules[index].rule.name.text)
      if interrupted() { return nil }
    }
    let merged = merge(lists)
    let decidedAt = DispatchTime.now()
    progress?.begin(.deciding)
    let decider = Decider(plan: plan)
    let ruleNames = model.rules.map(\.rule.name.text)
    let decideContext = model.playbook.statements.compactMap { statement -> Structure<Statement>? in
      switch statement.kind {
      case .rule, .test: nil
      default: Structure(statement)
      }
    }
    let decisions: [Decision]
    let decisionCustomers: [Int32]
    if let previous, previous.context == context, previous.decideContext == decideContext,
      previous.ruleNames == ruleNames
    {
      // Same rules in the same order and the same policies: only the customers that the
      // re-evaluated rules offer something to, before or now, can decide differently.
      var affected = [Bool](repeating: false, count: plan.customerCount)
      for (index, name) in ruleNames.enumerated() where evaluated.contains(name) {
        for c in lists[index] { affected[Int(c.customer)] = true }
        for c in previous.ruleCandidates[index] { affected[Int(c.customer)] = true }
      }
      (decisions, decisionCustomers) = redecide(merged, affected: affected, previous: previous, decider)
    } else {
      (decisions, decisionCustomers) = decider.decideNumbered(merged)
    }
    let done = DispatchTime.now()
    return IncrementalRun(
      plan: plan, decisions: decisions,
      counts: DecisionCounts(
        decisions, rules: ruleNames, offers: model.offers.map(\.code.text), variants: VariantCounts.declared(by: model)),
      evaluatedRules: evaluated,
      evaluateMilliseconds: CampaignRun.milliseconds(started, decidedAt),
      decideMilliseconds: CampaignRun.milliseconds(decidedAt, done),
      ruleCandidates: lists, context: context, ruleStructures: ruleStructures, ruleNames: ruleNames,
      decideContext: decideContext, decisionCustomers: decisionCustomers,
      overflows: overflows(
        plan, previous: previous?.context == context ? previous : nil, evaluatedRules: evaluated,
        ruleNames: ruleNames))
  }

  /// Decides the affected customers again and keeps the previous decisions of the rest,
  /// in customer order as `Decider.decide` gives them; partitions of customers on all
  /// cores, joined in order.
  static func redecide(
    _ candidates: [Candidate], affected: [Bool], previous: IncrementalRun, _ decider: Decider
  ) -> ([Decision], [Int32]) {
    let parts = Partitions.map(count: affected.count) { range in
      [redecide(candidates, customers: range, affected: affected, previous: previous, decider)]
    }
    if parts.count == 1 { return (parts[0].decisions, parts[0].customers) }
    var decisions: [Decision] = []
    var customers: [Int32] = []
    decisions.reserveCapacity(parts.reduce(0) { $0 + $1.decisions.count })
    customers.reserveCapacity(decisions.capacity)
    for part in parts {
      decisions += part.decisions
      customers += part.customers
    }
    return (decisions, customers)
  }

  /// `redecide` for the customers numbered in `range`.
  private static func redecide(
    _ candidates: [Candidate], customers range: Range<Int>, affected: [Bool], previous: IncrementalRun,
    _ decider: Decider
  ) -> (decisions: [Decision], customers: [Int32]) {
    var decisions: [Decision] = []
    var customers: [Int32] = []
    let old = previous.decisions
    let oldCustomers = previous.decisionCustomers
    var scratch = Decider.Scratch()
    var outcomes: [Decider.Outcome] = []
    var p = firstIndex(in: oldCustomers, atOrAfter: range.lowerBound)
    var lower = Decider.firstIndex(in: candidates, atOrAfter: range.lowerBound)
    let end = Decider.firstIndex(in: candidates, atOrAfter: range.upperBound)
    // About as many decisions as before: at most one per candidate.
    decisions.reserveCapacity(end - lower)
    customers.reserveCapacity(end - lower)
    while lower < end {
      let customer = candidates[lower].customer
      var upper = lower
      while upper < end, candidates[upper].customer == customer { upper += 1 }
      // Customers before this one kept no candidates: they were affected, and now get nothing.
      while p < old.count, oldCustomers[p] < customer { p += 1 }
      if affected[Int(customer)] {
        let before = decisions.count
        decider.decide(
          customer: Int(customer), candidates[lower..<upper], into: &decisions, scratch: &scratch, outcomes: &outcomes)
        customers += repeatElement(customer, count: decisions.count - before)
        while p < old.count, oldCustomers[p] == customer { p += 1 }
      } else {
        while p < old.count, oldCustomers[p] == customer {
          decisions.append(old[p])
          customers.append(customer)
          p += 1
        }
      }
      lower = upper
    }
    return (decisions, customers)
  }

  /// The first position in `customers` (ascending) holding `customer` or a later one.
  private static func firstIndex(in customers: [Int32], atOrAfter customer: Int) -> Int {
    var lo = 0
    var hi = customers.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(customers[mid]) < customer { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Interleaves per-rule lists (each in customer order) into customer-then-rule order.
  static func merge(_ lists: [[Candidate]]) -> [Candidate] {
    var out: [Candidate] = []
    out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    var next = Array(repeating: 0, count: lists.count)
    while true {
      // The lowest customer still pending in any list.
      var customer = Int32.max
      for (r, list) in lists.enumerated() where next[r] < list.count {
        customer = min(customer, list[next[r]].customer)
      }
      if customer == Int32.max { break }
      for r in lists.indices {
        let list = lists[r]
        var i = next[r]
        while i < list.count, list[i].customer == customer {
          out.append(list[i])
          i += 1
        }
        next[r] = i
      }
    }
    return out
  }
}
