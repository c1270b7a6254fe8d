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
  /// partitions on all cores; the result is the same as one thread's.
  public func candidates(
    ofRules ruleIndices: [Int], interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> [Candidate] {
    values.prepareAll(count: customerCount)
    var all: [Candidate] = []
    for ruleIndex in ruleIndices {
      let rule = rules[ruleIndex]
      if let trigger = rule.trigger {
        all += Partitions.map(count: trigger.table.rowCount) { range in
          var out: [Candidate] = []
          for row in range {
            if row & 4095 == 0, interrupted() { break }
            let customer = trigger.link.customerOfRow[row]
            if customer >= 0 {
              self.tryTrigger(rule, ruleIndex, trigger, customer: Int(customer), row: row, to: &out)
            }
          }
          return out
        }
      } else {
        all += Partitions.map(count: customerCount) { range in
          var out: [Candidate] = []
          for customer in range {
            if customer & 4095 == 0, interrupted() { break }
            self.tryCustomer(rule, ruleIndex, customer: customer, to: &out)
          }
          return out
        }
      }
    }
    return Self.groupedByCustomer(all, customerCount: customerCount)
  }

  /// A stable counting sort by customer: (rule, row) order is kept within a customer.
  static func groupedByCustomer(_ candidates: [Candidate], customerCount: Int) -> [Candidate] {
    var starts = [Int](repeating: 0, count: customerCount + 1)
    for c in candidates { starts[Int(c.customer) + 1] += 1 }
    for i in 0..<customerCount { starts[i + 1] += starts[i] }
    guard let first = candidates.first else { return [] }
    var out = [Candidate](repeating: first, count: candidates.count)
    for c in candidates {
      out[starts[Int(c.customer)]] = c
      starts[Int(c.customer)] += 1
    }
    return out
  }

  /// The candidates of the rules at `ruleIndices` for one customer (explain, the shell).
  func appendCandidates(customer: Int, rules ruleIndices: Range<Int>, to out: inout [Candidate]) {
    for ruleIndex in ruleIndices {
      let rule = rules[ruleIndex]
      if let trigger = rule.trigger {
        for r in trigger.link.rows(ofCustomer: customer) {
          tryTrigger(rule, ruleIndex, trigger, customer: customer, row: Int(r), to: &out)
        }
      } else {
        tryCustomer(rule, ruleIndex, customer: customer, to: &out)
      }
    }
  }

  /// One trigger row tried against a rule: the one place a row becomes a candidate.
  @inline(__always) private func tryTrigger(
    _ rule: RulePlan, _ ruleIndex: Int, _ trigger: TriggerSource, customer: Int, row: Int,
    to out: inout [Candidate]
  ) {
    guard trigger.admits(row) else { return }
    let frame = Frame(customer: customer, row: row)
    guard holds(rule, frame), let time = rule.triggerTime(row: row, clock: clock), inWindow(time)
    else { return }
    emit(rule, ruleIndex, customer: customer, row: row, triggerTime: time, to: &out)
  }

  /// A customer-only rule tried for one customer.
  @inline(__always) private func tryCustomer(
    _ rule: RulePlan, _ ruleIndex: Int, customer: Int, to out: inout [Candidate]
  ) {
    guard holds(rule, Frame(customer: customer)) else { return }
    emit(rule, ruleIndex, customer: customer, row: -1, triggerTime: clock, to: &out)
  }

  /// The candidate's trigger id (its row's key); nil for a customer-only rule.
  public func triggerID(of c: Candidate) -> String? {
    guard c.triggerRow >= 0, let trigger = rules[Int(c.rule)].trigger else { return nil }
    return trigger.id(Int(c.triggerRow))
  }

  @inline(__always) func holds(_ rule: RulePlan, _ frame: Frame) -> Bool {
    for condition in rule.conditions where !condition.truth(frame).holds { return false }
    for exception in rule.exceptions where exception.truth(frame).holds { return false }
    return true
  }

  /// clock − window ≤ time ≤ clock.
  @inline(__always) func inWindow(_ time: Int64) -> Bool {
    guard time <= clock else { return false }
    guard let window = model.window else { return true }
    return time >= clock - window
  }

  private func emit(
    _ rule: RulePlan, _ ruleIndex: Int, customer: Int, row: Int, triggerTime: Int64,
    to out: inout [Candidate]
  ) {
    // A split's bucket is the customer's for the whole rule: hashed once, when needed.
    var bucket = -1
    for line in rule.lines {
      var sendIndex = line.first
      if let split = line.split {
        if bucket < 0 { bucket = dataset.customerIDs.withUTF8(customer) { split.bucket(customerID: $0) } }
        sendIndex += split.variant(bucket: bucket)
      }
      let send = rule.sends[sendIndex]
      out.append(
        Candidate(
          customer: Int32(customer), rule: Int32(ruleIndex), send: Int32(sendIndex),
          triggerRow: Int32(row), triggerTime: triggerTime,
          sendAt: sendAt(triggerTime: triggerTime, after: send.after)))
    }
  }

  /// When a send goes out before any channel window moves it: the trigger time plus
  /// the send's delay, never before the clock.
  @inline(__always) func sendAt(triggerTime: Int64, after: Int64) -> Int64 {
    max(triggerTime + after, clock)
  }
}
