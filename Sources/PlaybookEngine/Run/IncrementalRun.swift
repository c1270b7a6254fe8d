import Dispatch
public import PlaybookLanguage

/// An evaluation that remembers each rule's candidates, so the next one after an edit
/// re-evaluates only the rules that changed (the shell's `:run`).
///
/// A rule's candidates depend on the rule itself and on everything around it: the data,
/// the clock, and every statement that is not a rule or a test (rows, segments, channels,
/// offers, window, …). When those are unchanged, a rule whose text is unchanged keeps its
/// candidates from the previous run; the rest are evaluated, the lists are merged customer
/// by customer in rule order (exactly `Plan.candidates()`'s order) and decided afresh,
/// since deciding is cheap and depends on every rule. Anything else changed means a full
/// evaluation.
public struct IncrementalRun: Sendable {
  public let plan: Plan
  public let decisions: [Decision]
  public let counts: DecisionCounts
  /// The rules evaluated this time, in rule order; the others were reused.
  public let evaluatedRules: [String]
  public let evaluateMilliseconds: Int
  public let decideMilliseconds: Int

  /// Each rule's candidates, by rule index in `plan`, in customer order.
  public let ruleCandidates: [[Candidate]]
  /// What every candidate depends on besides its rule.
  let context: Context
  /// Each rule's canonical text, by rule index.
  let ruleTexts: [String]

  struct Context: Equatable, Sendable {
    var dataVersion: Int
    var clock: Int64
    var statements: [String]
  }

  /// Evaluates `workspace` at `clock`, reusing what `previous` evaluated when it can.
  /// - Parameters:
  ///   - dataVersion: changes whenever the workspace's data is reloaded; runs over
  ///     different data never share candidates.
  /// - Returns: nil when `interrupted` stopped the evaluation.
  public static func evaluate(
    _ workspace: Workspace, clock: Int64, dataVersion: Int, previous: IncrementalRun?,
    interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> IncrementalRun? {
    let started = DispatchTime.now()
    let model = workspace.model
    let plan = Plan(model: model, dataset: workspace.dataset, clock: clock)
    let context = Context(
      dataVersion: dataVersion, clock: clock,
      statements: model.playbook.statements.compactMap { statement in
        switch statement.kind {
        case .rule, .test: nil
        default: canonicalText(statement)
        }
      })
    let ruleTexts = model.rules.map { binding in
      canonicalText(Statement(.rule(binding.rule), range: binding.rule.name.range))
    }
    var reusable: [String: (index: Int, candidates: [Candidate])] = [:]
    if let previous, previous.context == context {
      for (index, text) in previous.ruleTexts.enumerated() {
        reusable[text] = (index, previous.ruleCandidates[index])
      }
    }
    var lists: [[Candidate]] = []
    var evaluated: [String] = []
    for (index, text) in ruleTexts.enumerated() {
      if let kept = reusable[text] {
        lists.append(
          kept.index == index
            ? kept.candidates
            : kept.candidates.map { var c = $0; c.rule = Int32(index); return c })
        continue
      }
      lists.append(plan.candidates(ofRule: index, interrupted: interrupted))
      evaluated.append(model.rules[index].rule.name.text)
      if interrupted() { return nil }
    }
    let merged = merge(lists)
    let decidedAt = DispatchTime.now()
    let decisions = Decider(plan: plan).decide(merged)
    let done = DispatchTime.now()
    return IncrementalRun(
      plan: plan, decisions: decisions,
      counts: DecisionCounts(
        decisions, rules: model.rules.map(\.rule.name.text), offers: model.offers.map(\.code.text)),
      evaluatedRules: evaluated,
      evaluateMilliseconds: CampaignRun.milliseconds(started, decidedAt),
      decideMilliseconds: CampaignRun.milliseconds(decidedAt, done),
      ruleCandidates: lists, context: context, ruleTexts: ruleTexts)
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

  /// A statement as the formatter prints it: the same for the same meaning, wherever
  /// and however it was typed.
  static func canonicalText(_ statement: Statement) -> String {
    PlaybookFormatter.format(Playbook(statements: [statement]))
  }
}
