import PlaybookLanguage

/// A checked playbook compiled against loaded data at one clock: every rule, segment and
/// channel turned into closures over column arrays, once. Evaluating it touches no name.
public final class Plan: Sendable {
  /// The playbook compiled; holding it proves it checked.
  public let checked: CheckedPlaybook
  /// `checked.model`, kept at hand for the decider's per-customer reads.
  public let model: PlaybookModel
  /// The data the plan reads.
  public let dataset: Dataset
  /// The evaluation clock, in seconds since the epoch.
  public let clock: Int64
  let rules: [RulePlan]
  let channels: [ChannelPlan]
  /// Each offer's code and validity, in declaration order.
  let offers: [(code: String, valid: Int64)]
  /// Each table's lifecycle at the clock, by table name.
  let lifecycles: [String: Lifecycle]
  /// Segment membership per customer (`Truth` raw values), by segment name.
  let segments: [String: PerCustomer<UInt8>]
  /// Which rows each `define`d row name covers, by row name.
  let members: [String: [Bool]]
  let values: PerCustomerValues
  /// What earlier runs sent (the ledger), for `sent(…)`; nil for none.
  let history: (any SendHistory)?
  /// Each customer's time zone (UTC without a `timezone` statement).
  let zones: CustomerZones
  /// Values that overflowed while this plan evaluated, by rule, segment, define, channel.
  let overflowLog: OverflowLog

  /// Offers without `valid` stay valid for this long.
  public static let defaultValidity: Int64 = 30 * 86_400

  /// Compiles `checked` (checked against `dataset`'s schema) for `clock`.
  ///
  /// - Parameters:
  ///   - checked: the playbook as the checker passed it; only a checked playbook compiles.
  ///   - dataset: the loaded tables, the same whose schema `checked` was checked against.
  ///   - clock: the evaluation time, in seconds since 1970-01-01 UTC: the window ends
  ///     here, and rows opened after it do not exist yet.
  ///   - previous: a plan over the same dataset and clock whose playbook had the
  ///     same `load`, `define`, `segment`, `window` and `timezone` statements: its
  ///     segments, row filters, aggregates and customer zones are reused instead of
  ///     computed again (the shell after an edit to a rule). The caller vouches for the
  ///     sameness.
  ///   - history: what earlier runs sent (the ledger), which `sent(…)` reads; nil for
  ///     none, when `sent(…)` is never true.
  public init(
    checked: CheckedPlaybook, dataset: Dataset, clock: Int64, reusing previous: Plan? = nil,
    history: (any SendHistory)? = nil
  ) {
    let model = checked.model
    self.checked = checked
    self.model = model
    self.dataset = dataset
    self.clock = clock
    self.history = history
    var lifecycles: [String: Lifecycle] = [:]
    for binding in model.tables {
      guard let table = binding.isCustomers ? dataset.customers : dataset.events[binding.name]
      else { preconditionFailure("table '\(binding.name)' is not loaded; a workspace loads every table") }
      lifecycles[binding.name] = Lifecycle(table: table, binding: binding, clock: clock)
    }
    self.lifecycles = lifecycles
    let zones = previous?.zones ?? CustomerZones(model: model, dataset: dataset)
    self.zones = zones
    var compiler = ExpressionCompiler(
      checked: checked, dataset: dataset, clock: clock, slots: ["customer": .customer],
      lifecycles: lifecycles, segments: [:])
    compiler.sentTimes = SentTimes(checked.sentQueries, history: history, dataset: dataset)
    if model.timezone != nil { compiler.localTime = .customer(zones) }
    if let previous {
      compiler.members = previous.members
      compiler.values = previous.values
      compiler.segments = previous.segments
    } else {
      compiler.members = Self.evaluateMembers(checked, compiler: compiler)
      compiler.segments = Self.evaluateSegments(checked, compiler: compiler)
    }
    overflowLog = compiler.overflow.log
    members = compiler.members
    values = compiler.values
    segments = compiler.segments
    let offers = model.offers.map { ($0.code.text, $0.valid?.seconds ?? Self.defaultValidity) }
    self.offers = offers
    channels = checked.channels.map { channel in
      let compiler = compiler.counting(for: "channel '\(channel.channel.name.text)'")
      let address = compiler.compile(channel.address)
      return ChannelPlan(
        name: channel.channel.name.text, address: address,
        requires: channel.requires.map(compiler.compile), addressIsNull: compiler.nullTest(address),
        window: SendWindow(channel.channel))
    }
    rules = checked.rules.map { Self.compile($0, with: compiler, offers: offers) }
  }

  /// One warning per rule, segment, define or channel whose times or durations
  /// overflowed (read as null) in what this plan has evaluated so far.
  public func overflowWarnings() -> [Diagnostic] {
    overflowLog.overflows.map { Diagnostic(.valuesOverflowed($0.count, in: $0.owner), file: nil) }
  }

  /// Customer count, for partitioning.
  public var customerCount: Int { dataset.customers.rowCount }

  /// Every candidate of every rule, in customer, rule, then trigger row order.
  public func candidates(interrupted: @escaping @Sendable () -> Bool = { false }) -> [Candidate] {
    candidates(ofRules: Array(rules.indices), interrupted: interrupted)
  }

  /// The candidates of some rules, in customer, rule, then trigger row order. Each rule
  /// scans its trigger table in file order (columns are read front to back), split into
  /// partitions on all cores, a batch of rows at a time; the result is the same as one
  /// thread's.
  public func candidates(
    ofRules ruleIndices: [Int], interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> [Candidate] {
    values.prepareAll(count: customerCount)
    var all: [Candidate] = []
    for ruleIndex in ruleIndices {
      let rule = rules[ruleIndex]
      all += Partitions.map(count: rule.trigger?.table.rowCount ?? customerCount) { range in
        var out: [Candidate] = []
        var batch = RowBatch(capacity: 0) { _ in nil }
        var scratch = BatchScratch()
        for start in stride(from: range.lowerBound, to: range.upperBound, by: RowBatch.size) {
          if interrupted() { break }
          self.fill(&batch, rule, rows: start..<min(start + RowBatch.size, range.upperBound))
          self.collect(rule, ruleIndex, batch, &scratch, to: &out)
        }
        return out
      }
    }
    return Self.groupedByCustomer(all, customerCount: customerCount)
  }

  /// The rows among `rows` of `rule`'s trigger table that can trigger — linked to a
  /// customer, existing at the clock, of the trigger's kind, in the window when that
  /// depends on the row alone — or, for a customer-only rule, the customers numbered `rows`.
  private func fill(_ batch: inout RowBatch, _ rule: RulePlan, rows: Range<Int>) {
    guard let trigger = rule.trigger else {
      return batch.refill(capacity: rows.count) { (Int32(rows.lowerBound + $0), -1) }
    }
    trigger.fill(&batch, rows: rows)
  }

  /// A stable counting sort by customer: (rule, row) order is kept within a customer.
  static func groupedByCustomer(_ candidates: [Candidate], customerCount: Int) -> [Candidate] {
    guard let first = candidates.first else { return [] }
    // 32-bit places: half the memory read and written at random of a million customers'.
    var starts = [Int32](repeating: 0, count: customerCount + 1)
    var out = [Candidate](repeating: first, count: candidates.count)
    starts.withUnsafeMutableBufferPointer { starts in
      for c in candidates { starts[Int(c.customer) + 1] += 1 }
      for i in 0..<customerCount { starts[i + 1] += starts[i] }
      out.withUnsafeMutableBufferPointer { out in
        for c in candidates {
          out[Int(starts[Int(c.customer)])] = c
          starts[Int(c.customer)] += 1
        }
      }
    }
    return out
  }

  /// The candidates of the rules at `ruleIndices` for one customer (explain, the shell).
  func appendCandidates(customer: Int, rules ruleIndices: Range<Int>, to out: inout [Candidate]) {
    var scratch = BatchScratch()
    for ruleIndex in ruleIndices {
      let rule = rules[ruleIndex]
      if let trigger = rule.trigger {
        let rows = trigger.link.rows(ofCustomer: customer)
        let batch = RowBatch(capacity: rows.count) { i in
          let row = Int(rows[rows.startIndex + i])
          return trigger.test.keeps(row) ? (Int32(customer), Int32(row)) : nil
        }
        collect(rule, ruleIndex, batch, &scratch, to: &out)
      } else {
        collect(rule, ruleIndex, RowBatch(capacity: 1) { _ in (Int32(customer), -1) }, &scratch, to: &out)
      }
    }
  }

  /// The candidates among a batch of a rule's trigger rows (or customers): the one
  /// place a row becomes a candidate. Each condition narrows the batch to the rows it
  /// holds for before the next is evaluated, as row by row a failed condition ends the
  /// row's evaluation; then each exception drops the rows it holds for.
  private func collect(
    _ rule: RulePlan, _ ruleIndex: Int, _ batch: RowBatch, _ scratch: inout BatchScratch,
    to out: inout [Candidate]
  ) {
    var positions = batch.all(&scratch.positions)
    var truths = scratch.truths.take(batch.count)
    for condition in rule.conditions where !positions.isEmpty {
      condition.truths(batch, positions, into: &truths, &scratch)
      let held = positions.kept(&scratch.positions) { truths[$0].holds }
      scratch.positions.give(positions.storage)
      positions = held
    }
    for exception in rule.exceptions where !positions.isEmpty {
      exception.truths(batch, positions, into: &truths, &scratch)
      let held = positions.kept(&scratch.positions) { !truths[$0].holds }
      scratch.positions.give(positions.storage)
      positions = held
    }
    scratch.truths.give(truths)
    defer { scratch.positions.give(positions.storage) }
    // What every row reads of the rule and the plan, taken once for the batch: taken for
    // each row, each was an object both cores retained and released at once.
    let (lifecycle, phrases) = (rule.trigger?.lifecycle, rule.phrases)
    let (lines, afters, ids) = (rule.lines, rule.afters, dataset.customerIDs)
    for p in positions {
      let row = Int(batch.rows[Int(p)])
      // A customer-only rule's trigger time is the clock, always in the window.
      guard let time = RulePlan.triggerTime(row: row, clock: clock, lifecycle: lifecycle, phrases: phrases),
        inWindow(time)
      else { continue }
      let customer = Int(batch.customers[Int(p)])
      // A split's bucket is the customer's for the whole rule: hashed once, when needed.
      var bucket = -1
      for line in lines.indices {
        let send = lines[line].send(customer: customer, ids: ids, bucket: &bucket)
        out.append(
          Candidate(
            customer: Int32(customer), rule: Int32(ruleIndex), send: Int32(send), triggerRow: Int32(row),
            triggerTime: time, sendAt: sendAt(triggerTime: time, after: afters[send])))
      }
    }
  }

  /// The candidate's trigger id (its row's key); nil for a customer-only rule.
  public func triggerID(of c: Candidate) -> String? {
    guard c.triggerRow >= 0, let trigger = rules[Int(c.rule)].trigger else { return nil }
    return trigger.id(Int(c.triggerRow))
  }

  /// clock − window ≤ time ≤ clock.
  @inline(__always) func inWindow(_ time: Int64) -> Bool {
    guard time <= clock else { return false }
    guard let window = model.window else { return true }
    return time >= clock - window
  }

  /// When a send goes out before any channel window moves it: the trigger time plus
  /// the send's delay, never before the clock.
  @inline(__always) func sendAt(triggerTime: Int64, after: Int64) -> Int64 {
    max(triggerTime + after, clock)
  }
}
