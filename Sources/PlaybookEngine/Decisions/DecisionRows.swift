import PlaybookLanguage

/// A run's decisions as the decider leaves them: each one's outcome (numbers, its reason
/// too), in customer order then offer order, not yet spelled out as `Decision`s.
///
/// Spelling a decision out makes its strings (customer id, trigger id, address) and a
/// value of some 200 bytes: at a million customers, most of deciding's time and the top of
/// the run's memory. Counting, ordering and exporting need none of it: they read numbers,
/// and ids and addresses in place in the plan's columns (`DecisionSpeller.value`). So a
/// run that only exports never spells its decisions; `spelled()` does, for whatever takes
/// `[Decision]` (the ledger, the shell, a sending tool's files).
public struct DecisionRows: Sendable {
  let decider: Decider
  /// Each decision's outcome.
  let outcomes: [Decider.Outcome]
  /// Where each of the decider's partitions starts in `outcomes`, and the end: each is
  /// spelled on a core of its own.
  let partStarts: [Int]
  /// How many decisions of each rule's each send (in plan order, a rule's sends after the
  /// rule before it's) ended in each status.
  private let tallies: [StatusCounts]

  /// The outcomes of the decider's partitions, in order. Each partition is copied into
  /// place and tallied on a core of its own (on one, the copy's fresh pages and the count
  /// were 40 ms of one core at a million customers, the other idle).
  init(decider: Decider, parts: [[Decider.Outcome]]) {
    self.decider = decider
    var starts = [0]
    for part in parts { starts.append(starts[starts.count - 1] + part.count) }
    partStarts = starts
    var firsts = [0]
    for rule in decider.plan.rules { firsts.append(firsts[firsts.count - 1] + rule.sends.count) }
    let statuses = DecisionStatus.allCases.count
    var partTallies: [[Int]] = []
    outcomes = [Decider.Outcome](unsafeUninitializedCapacity: starts[starts.count - 1]) { buffer, initialized in
      guard let start = buffer.baseAddress else { return }
      let base = SharedBuffer(start)
      partTallies = Parallel.map(parts.count) { p in
        var tally = [Int](repeating: 0, count: firsts[firsts.count - 1] * statuses)
        parts[p].withUnsafeBufferPointer { part in
          for (i, outcome) in part.enumerated() {
            (base.base + starts[p] + i).initialize(to: outcome)
            let c = outcome.candidate
            tally[(firsts[Int(c.rule)] + Int(c.send)) * statuses + StatusCounts.index(outcome.status)] += 1
          }
        }
        return tally
      }
      initialized = starts[starts.count - 1]
    }
    tallies = (0..<firsts[firsts.count - 1]).map { slot in
      var counts = StatusCounts()
      for status in DecisionStatus.allCases {
        counts[status] = partTallies.reduce(0) { $0 + $1[slot * statuses + StatusCounts.index(status)] }
      }
      return counts
    }
  }

  /// How many decisions.
  public var count: Int { outcomes.count }

  /// Whether every export column's value can be read without spelling decisions out: the
  /// playbook has no message lines and no local send times (`DecisionSpeller.value`).
  var isPlain: Bool { !decider.hasMessages && !decider.hasLocalTime }

  /// Every decision spelled out, each partition on a core of its own.
  public func spelled() -> [Decision] {
    let count = outcomes.count
    guard count > 0 else { return [] }
    let starts = partStarts
    return [Decision](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = SharedBuffer(buffer.baseAddress!)
      outcomes.withUnsafeBufferPointer { outcomes in
        _ = Parallel.map(starts.count - 1) { p in
          DecisionSpeller(decider).spell(
            UnsafeBufferPointer(rebasing: outcomes[starts[p]..<starts[p + 1]]), into: base.base + starts[p])
        }
      }
      initialized = count
    }
  }

  /// The decisions counted as `DecisionCounts(_:rules:offers:variants:)` counts them
  /// spelled out, from the tallies by rule, send and status: no text is read per decision.
  func counts(rules: [String], offers: [String], variants: [VariantCounts]) -> DecisionCounts {
    var counter = DecisionCounts.Counter(rules: rules, offers: offers, variants: variants)
    var slot = 0
    for rule in decider.plan.rules {
      for send in rule.sends {
        for status in DecisionStatus.allCases where tallies[slot][status] > 0 {
          counter.add(rule: rule.name, offer: send.offer, variant: send.variant, status, times: tallies[slot][status])
        }
        slot += 1
      }
    }
    return counter.counts
  }

  /// Decision `i`'s offer, as its index in the plan's offers (`offerCodes`).
  func offerNumber(_ i: Int) -> Int { decider.sends.offer(outcomes[i].candidate) }

  /// The plan's offer codes, by index.
  var offerCodes: [String] { decider.plan.offers.map(\.code) }

  /// Whether each decision comes after the one before it in `DecisionOrder`, told by
  /// customer id and, within a customer, by offer (`offerRanks`, one per decision); false
  /// also when two neighbours need more than those to tell (the same offer for one
  /// customer), which `DecisionOrder` then sorts spelled out.
  func inCustomerOrder(offerRanks: [Int]) -> Bool {
    let speller = DecisionSpeller(decider)
    return outcomes.withUnsafeBufferPointer { o in
      o.indices.dropFirst().allSatisfy { i in
        let (a, b) = (o[i - 1].candidate.customer, o[i].candidate.customer)
        guard a == b else { return ByteOrder.sign(speller.customerID(a), speller.customerID(b)) < 0 }
        return offerRanks[i - 1] < offerRanks[i]
      }
    }
  }
}

extension DecisionRows: ExportedDecisions {
  func arranged() -> DecisionOrder.Arrangement { DecisionOrder.arrange(self) }

  func recounted(_ counts: DecisionCounts) -> DecisionCounts {
    self.counts(
      rules: counts.byRule.map(\.name), offers: counts.byOffer.map(\.name), variants: counts.uncountedVariants)
  }

  func encode(
    _ rows: ArraySlice<Int>, sendOnly: Bool, with encoder: inout DecisionRowEncoder,
    written: (inout DecisionRowEncoder) throws(Diagnostic) -> Void
  ) throws(Diagnostic) {
    precondition(isPlain, "only a plain run's values are read without spelling")
    let speller = DecisionSpeller(decider)
    let block = DecisionSpeller.block
    var found = [DecisionSpeller.RowTexts](repeating: DecisionSpeller.RowTexts(), count: block)
    try outcomes.withUnsafeBufferPointer { (outcomes) throws(Diagnostic) in
      var start = rows.startIndex
      while start < rows.endIndex {
        let end = min(start + block, rows.endIndex)
        // A row's texts lie in three columns (and a trigger row anywhere in its table): a
        // block's are found and asked for in a loop doing nothing else, so their reads
        // from memory overlap instead of queueing (as spelling does).
        for k in start..<end where !sendOnly || outcomes[rows[k]].status == .send {
          found[k - start] = speller.texts(outcomes[rows[k]])
        }
        for k in start..<end {
          // One copy of the outcome per row (its reason retained once), not one per column.
          let outcome = outcomes[rows[k]]
          guard !sendOnly || outcome.status == .send else { continue }
          let texts = found[k - start]
          encoder.write { speller.value(outcome, $0, texts: texts) }
          try written(&encoder)
        }
        start = end
      }
    }
  }
}
