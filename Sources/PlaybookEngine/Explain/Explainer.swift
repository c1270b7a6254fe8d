import PlaybookLanguage

/// Builds explanations from a compiled plan: the same closures the run uses, evaluated
/// part by part for one customer, so explain can never disagree with `run`.
public struct Explainer: Sendable {
  /// The compiled plan, whose clock the explanations are at.
  public let plan: Plan
  /// What earlier runs sent (a ledger), so explain shows `already_sent` as `run` would.
  public let history: (any SendHistory)?

  /// An explainer over `plan`; pass the ledger's `history` so `already_sent` is shown as `run`
  /// decides it (by default the plan's, which its `sent(…)` conditions read).
  public init(plan: Plan, history: (any SendHistory)? = nil) {
    self.plan = plan
    self.history = history ?? plan.history
  }

  /// A customer id that is not in the data, with the nearest ids that are; or a query
  /// (an email, a name) that several customers answer to.
  public struct UnknownCustomer: Error, Sendable {
    /// The key that was asked for.
    public var customerID: String
    /// The nearest customer keys in the data, best first; empty when none is near.
    public var suggestions: [String]
    /// The customers the query names when it names several (`C-0010 (Anna Smith)`); empty
    /// when it names none.
    public var matches: [String] = []

    /// The diagnostic's message (`no customer …`, with any suggestions).
    public var message: String { diagnostic.message }

    /// The error as a diagnostic with no place (the id came from a command).
    public var diagnostic: Diagnostic {
      matches.isEmpty
        ? Diagnostic(.unknownCustomer(customerID, suggestions: suggestions), file: nil)
        : Diagnostic(.ambiguousCustomer(customerID, matches: matches), file: nil)
    }
  }

  /// Explains every rule (or only `rule`) for the customer with id `customerID`.
  /// `customerID` may also be an email, a phone number or a name (`findCustomer`).
  /// `earlierSends` are what the ledger recorded for the customer, which the explanation
  /// names behind `already_sent` and a used-up `limit`.
  public func explain(customerID query: String, rule: String? = nil, earlierSends: [PastSend] = [])
    throws(UnknownCustomer) -> Explanation
  {
    let customer = try findCustomer(query)
    let customerID = plan.dataset.customerIDs.string(customer)
    var candidates: [Candidate] = []
    plan.appendCandidates(customer: customer, rules: plan.rules.indices, to: &candidates)
    var decisions: [Decision] = []
    let decider = Decider(plan: plan, history: history)
    decider.decide(customer: customer, candidates[...], into: &decisions)
    let rules = plan.rules.filter { rule == nil || $0.name == rule }.map {
      explain($0, customer: customer, decisions: decisions)
    }
    let facts = facts(customer: customer, earlierSends: earlierSends)
    return Explanation(
      customerID: customerID, clock: plan.clock, rules: rules, decisions: decisions,
      setAside: plan.dataset.setAside.filter { $0.customer == customerID }, customer: facts,
      causes: decisions.map { cause(of: $0, among: decisions, facts: facts, decider: decider) },
      window: plan.model.window)
  }

  /// The customer's number in the data, or an error suggesting near ids.
  public func customerNumber(_ customerID: String) throws(UnknownCustomer) -> Int {
    guard let number = plan.dataset.customerNumber(customerID) else {
      throw UnknownCustomer(customerID: customerID, suggestions: nearIDs(customerID))
    }
    return Int(number)
  }

  /// The customer a support agent means: the id as given, else the one customer whose id
  /// (in any case), email, phone or name the query is (`CustomerLookup`). Several matches
  /// are an error listing them (up to 10), none one suggesting near ids.
  public func findCustomer(_ query: String) throws(UnknownCustomer) -> Int {
    if let number = plan.dataset.customerNumber(query) { return Int(number) }
    let lookup = CustomerLookup(plan: plan)
    let found = lookup.matches(query)
    if found.count == 1 { return found[0] }
    guard found.isEmpty else {
      throw UnknownCustomer(customerID: query, suggestions: [], matches: found.prefix(10).map(lookup.label))
    }
    throw UnknownCustomer(customerID: query, suggestions: nearIDs(query))
  }

  private func explain(_ rule: RulePlan, customer: Int, decisions: [Decision]) -> RuleExplanation {
    let variants = variants(rule, customer: customer)
    // The offers this customer is offered: of a split, the customer's variant only.
    var splits = variants.makeIterator()
    let offers = rule.lines.map { line in
      line.split == nil ? rule.sends[line.first].offer : splits.next()?.offer ?? ""
    }
    guard let trigger = rule.trigger else {
      let attempt = attempt(
        rule, Frame(customer: customer), triggerID: nil, times: [], offers: offers, decisions: decisions)
      return RuleExplanation(
        rule: rule.name, triggerRow: nil, offers: rule.sends.map(\.offer), attempts: [attempt], variants: variants)
    }
    var attempts: [TriggerAttempt] = []
    for r in trigger.link.rows(ofCustomer: customer) {
      let row = Int(r)
      let frame = Frame(customer: customer, row: row)
      // Rows opened after the clock do not exist yet; rows of another kind are not tried.
      guard trigger.admits(row) else { continue }
      var times: [(String, Int64)] = []
      for (field, column) in [
        ("opened", trigger.lifecycle.opened), ("responded", trigger.lifecycle.responded),
        ("resolved", trigger.lifecycle.resolved),
      ] {
        if let t = trigger.lifecycle.read(column, row) { times.append((field, t)) }
      }
      attempts.append(
        attempt(rule, frame, triggerID: trigger.id(row), times: times, offers: offers, decisions: decisions))
    }
    return RuleExplanation(
      rule: rule.name, triggerRow: trigger.rowName, offers: rule.sends.map(\.offer), attempts: attempts,
      variants: variants)
  }

  /// The customer's variant of each of the rule's splits, from the bucket `run` uses.
  private func variants(_ rule: RulePlan, customer: Int) -> [VariantChoice] {
    let id = plan.dataset.customerIDs.string(customer)
    return rule.lines.compactMap { line in
      guard let split = line.split else { return nil }
      let bucket = split.bucket(customerID: id)
      let i = split.variant(bucket: bucket)
      let send = rule.sends[line.first + i]
      return VariantChoice(
        variant: send.variant ?? VariantSplit.name(i), offer: send.offer, bucket: bucket,
        start: split.start(of: i), end: split.ends[i])
    }
  }

  private func attempt(
    _ rule: RulePlan, _ frame: Frame, triggerID: String?, times: [(field: String, value: Int64)],
    offers: [String], decisions: [Decision]
  ) -> TriggerAttempt {
    let conditions = rule.conditions.map { value($0, frame) }
    let exceptions = rule.exceptions.map { value($0, frame) }
    let outcome: TriggerAttempt.Outcome
    if !conditions.allSatisfy({ $0.value.holds }) {
      outcome = .conditionFailed
    } else if exceptions.contains(where: { $0.value.holds }) {
      outcome = .excepted
    } else {
      let time = rule.triggerTime(row: frame.row, clock: plan.clock) ?? plan.clock
      if time > plan.clock {
        outcome = .afterClock(triggerTime: time)
      } else if !plan.inWindow(time) {
        outcome = .outsideWindow(triggerTime: time)
      } else {
        let own = decisions.filter { $0.rule == rule.name && $0.triggerID == triggerID }
        // A candidate merged into a better one for the same offer shows that one.
        let merged = decisions.filter { d in
          offers.contains(d.offer) && !own.contains { $0.offer == d.offer }
        }
        outcome = .candidate(triggerTime: time, decisions: own + merged)
      }
    }
    return TriggerAttempt(
      triggerID: triggerID, times: times, conditions: conditions, exceptions: exceptions,
      outcome: outcome)
  }

  /// A condition's value with its parts and the field values behind it.
  func value(_ c: CompiledExpr, _ frame: Frame) -> ConditionValue {
    var parts: [ConditionValue] = []
    switch c.expr.kind {
    case .binary(.and, _, _), .binary(.or, _, _), .unary(.not, _):
      parts = c.children.map { value($0, frame) }
    default: break
    }
    var details: [String] = []
    if parts.isEmpty { collectDetails(c, frame, into: &details) }
    var isConjunction = false
    if case .binary(.and, _, _) = c.expr.kind { isConjunction = true }
    return ConditionValue(
      text: c.expr.text, value: c.truth(frame), details: details, parts: parts,
      needs: parts.isEmpty ? Self.needs(c.expr) : nil, isConjunction: isConjunction,
      excerpt: parts.isEmpty ? excerpt(c, frame) : nil)
  }

  /// What would make a condition hold, as written: the comparison with its constant side
  /// (`>= 4`, `== "gold"`), or the whole condition when no side is a constant.
  static func needs(_ expr: Expr) -> String {
    // `resolved within 4h`: the phrase without its row, which the reader knows.
    if case .phrase(let row, _) = expr.kind, expr.text.hasPrefix(row.text + " ") {
      return String(expr.text.dropFirst(row.text.count + 1))
    }
    guard case .binary(let op, let l, let r) = expr.kind, let flipped = op.flipped else { return expr.text }
    if r.isConstant { return "\(op.rawValue) \(r.text)" }
    if l.isConstant { return "\(flipped.rawValue) \(l.text)" }
    return expr.text
  }

  /// The values a leaf condition read: fields, phrase durations, aggregates, segments.
  private func collectDetails(_ c: CompiledExpr, _ frame: Frame, into details: inout [String]) {
    func add(_ s: String) { if !details.contains(s) { details.append(s) } }
    switch c.expr.kind {
    case .path(_, let field?):
      add("\(field.text) = \(ValueText.text(of: c, frame: frame) ?? "null")")
    case .phrase(let row, let phrase):
      if let table = plan.model.table(ofRow: row.text), let lifecycle = plan.lifecycles[table.name] {
        add(phraseDetail(phrase, lifecycle, frame.row))
      }
    case .aggregate:
      add("\(c.expr.text) = \(ValueText.text(of: c, frame: frame) ?? "null")")
    case .call:
      for child in c.children { collectDetails(child, frame, into: &details) }
      add("\(c.expr.text) = \(ValueText.text(of: c, frame: frame) ?? "null")")
    case .sent(let sent):
      add(sentDetail(sent, customer: frame.customer))
    case .inSegment(_, let segment, _):
      let member = plan.segments[segment.text].map { Truth(stored: $0.value(frame.customer)) }
      add("\(segment.text): \(member.map(Self.word) ?? "null")")
    default:
      for child in c.children { collectDetails(child, frame, into: &details) }
    }
  }

  private func phraseDetail(_ phrase: Phrase, _ lifecycle: Lifecycle, _ row: Int) -> String {
    let opened = lifecycle.opened(row)
    switch phrase {
    case .resolved, .resolvedWithin, .resolvedAfter:
      guard let resolved = lifecycle.read(lifecycle.resolved, row) else { return "not resolved" }
      guard let opened else { return "resolved \(Timestamp.format(resolved))" }
      return "resolved in \(ValueText.duration(resolved - opened))"
    case .respondedWithin, .respondedAfter:
      guard let responded = lifecycle.read(lifecycle.responded, row) else { return "no response yet" }
      guard let opened else { return "responded \(Timestamp.format(responded))" }
      return "responded in \(ValueText.duration(responded - opened))"
    case .openFor:
      guard let opened else { return "never opened" }
      if lifecycle.read(lifecycle.resolved, row) != nil { return "resolved" }
      return "open for \(ValueText.duration(lifecycle.clock - opened))"
    case .inLast:
      guard let opened else { return "never opened" }
      return "opened \(ValueText.duration(lifecycle.clock - opened)) before the clock"
    }
  }

  /// How a condition's value reads: `true`, `false` or `null`.
  public static func word(_ t: Truth) -> String {
    switch t {
    case .yes: return "true"
    case .no: return "false"
    case .unknown: return "null"
    }
  }

  /// Up to three customer ids within two edits of `id`.
  private func nearIDs(_ id: String) -> [String] {
    let ids = plan.dataset.customerIDs
    let length = id.utf8.count
    var scored: [(Int, String)] = []
    for row in 0..<ids.count where abs((ids.end(row) - ids.start(row)) - length) <= 2 {
      let candidate = ids.string(row)
      let d = NearNames.distance(id, candidate)
      if d <= 2 { scored.append((d, candidate)) }
    }
    return scored.sorted { $0 < $1 }.prefix(3).map(\.1)
  }
}
