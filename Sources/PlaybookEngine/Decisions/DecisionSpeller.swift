import CPrefetch

/// Spells a partition's outcomes out as `Decision`s, on one core; or, for an export,
/// reads each value of an outcome's row where it lies (`value(_:_:texts:)`).
///
/// Spelling a million decisions out costs little work and much waiting on memory, for two
/// reasons; a speller, made once per partition, removes both:
///
/// - **Shared reference counts.** A decision holds its rule's name, its reason and, for
///   longer names, its offer, channel and variant: strings the whole plan shares. When
///   both cores add and drop references to the same string, its count's cache line moves
///   between them at every change. A speller takes its own copy of each name and of each
///   reason made before deciding (a few dozen strings, and one per held-out bucket), so
///   each core counts references only on strings no other core touches. (Deciding counts
///   none: outcomes carry `Reason` numbers.)
/// - **Reads at random.** Outcomes come in customer order, so customer ids and addresses
///   are read in order, but a trigger row's id sits wherever the row is in its table, and
///   reading it waits on main memory. `spell` makes the trigger ids of a block of decisions
///   before spelling any of them, so those waits overlap instead of queueing.
///
/// Columns are read through `TextColumn.Pointers`, which the speller's decider keeps
/// valid: its plan holds the dataset.
struct DecisionSpeller {
  private let decider: Decider
  private let customerIDs: TextColumn.Pointers
  /// By rule: its name, and its trigger rows' key column (nil for a customer-only rule);
  /// the column's texts when it is of text.
  private let ruleNames: [String]
  private let triggerKeys: [Column?]
  private let triggerTexts: [TextField?]
  /// By rule, then send: the offer code and the variant's name.
  private let offers: [[String]]
  private let variants: [[String?]]
  /// By channel: its name, and its address when that is a text column of the customer's
  /// (read straight from the column); nil when the address is computed otherwise.
  private let channelNames: [String]
  private let addressColumns: [TextField?]
  /// The run's reasons, and the texts of those made before deciding, copied.
  private let reasons: ReasonTexts
  private let fixedReasons: [String]
  /// The same names and reasons as bytes, for an export's rows (`value(_:_:texts:)`).
  private let rowNames: RowNames

  /// How many trigger ids `spell` reads ahead: enough reads in flight to cover a wait on
  /// memory, few enough that the block's ids stay in cache until spelled.
  static let block = 16

  init(_ decider: Decider) {
    let plan = decider.plan
    self.decider = decider
    customerIDs = decider.customerIDs
    ruleNames = plan.rules.map { Self.own($0.name) }
    triggerKeys = plan.rules.map { $0.trigger?.keys }
    triggerTexts = triggerKeys.map { keys in
      guard let keys, case .text(let texts) = keys.values else { return nil }
      return TextField(texts, keys.nulls)
    }
    offers = plan.rules.map { $0.sends.map { Self.own($0.offer) } }
    variants = plan.rules.map { $0.sends.map { $0.variant.map(Self.own) } }
    channelNames = plan.channels.map { Self.own($0.name) }
    reasons = decider.reasons.texts
    fixedReasons = reasons.fixed.map(Self.own)
    rowNames = RowNames(plan, reasons: reasons.fixed)
    addressColumns = plan.channels.map { channel in
      guard case .text(.column(let column, let nulls, .customer)) = channel.address.evaluation else { return nil }
      return TextField(column, nulls)
    }
  }

  /// A copy of `text` in storage of its own (a short text is stored inline anyway).
  static func own(_ text: String) -> String {
    String(decoding: Array(text.utf8), as: UTF8.self)
  }

  /// Each of `outcomes` spelled out into `destination`, which has room for them all.
  func spell(_ outcomes: UnsafeBufferPointer<Decider.Outcome>, into destination: UnsafeMutablePointer<Decision>) {
    var found = [UnsafeBufferPointer<UInt8>?](repeating: nil, count: Self.block)
    var ids = [String?](repeating: nil, count: Self.block)
    var start = 0
    while start < outcomes.count {
      let end = min(start + Self.block, outcomes.count)
      // The block's trigger ids are found, then made into strings, each in a loop doing
      // nothing else, so the processor has the reads of several ids in flight at once.
      for i in start..<end { found[i - start] = triggerUTF8(outcomes[i].candidate) }
      for k in 0..<(end - start) { ids[k] = found[k].map { String(decoding: $0, as: UTF8.self) } }
      for i in start..<end { (destination + i).initialize(to: decision(outcomes[i], triggerID: ids[i - start])) }
      start = end
    }
  }

  /// Where the texts of one decision's row lie in their columns, found a block of rows
  /// ahead of writing them (`texts(_:)`): customer id, trigger id and address; nil where
  /// the value is not text in a column (none, null, or computed).
  struct RowTexts {
    var customerID = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var trigger: UnsafeBufferPointer<UInt8>?
    var address: UnsafeBufferPointer<UInt8>?
  }

  /// Where `o`'s texts lie, each one's first bytes asked for from memory.
  @inline(__always)
  func texts(_ o: Decider.Outcome) -> RowTexts {
    let c = o.candidate
    var texts = RowTexts()
    texts.customerID = customerIDs.utf8(Int(c.customer))
    texts.trigger = triggerUTF8(c)
    if let channel = o.channel, let column = addressColumns[channel] { texts.address = column.utf8(Int(c.customer)) }
    if let start = texts.customerID.baseAddress { playloop_prefetch(start) }
    if let start = texts.trigger?.baseAddress { playloop_prefetch(start) }
    if let start = texts.address?.baseAddress { playloop_prefetch(start) }
    return texts
  }

  /// The value `column` of the decision `o` spells out, its texts read in place where
  /// `texts(o)` found them, so exporting makes no strings. Only for a decider without
  /// messages or local times (`DecisionRows.isPlain`): the local send time, subject and
  /// message are always null here.
  @inline(__always)
  func value(_ o: Decider.Outcome, _ column: ExportColumn, texts: RowTexts) -> ExportValue {
    let c = o.candidate
    let rule = Int(c.rule)
    // A null id or address column value is spelled out empty.
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    switch column {
    case .customerID: return .utf8(texts.customerID)
    case .rule: return rowNames.rule(rule)
    case .offer: return rowNames.offer(send: decider.sends.send(c))
    case .triggerID:
      guard c.triggerRow >= 0 else { return .text(nil) }
      guard triggerTexts[rule] != nil else { return .text(triggerID(c)) }
      return .utf8(texts.trigger ?? empty)
    case .triggerTime: return .time(c.triggerTime)
    case .sendAt: return .time(c.sendAt)
    case .localSendAt: return .localTime(c.sendAt, offset: nil)
    case .expiresAt: return .time(c.sendAt + decider.sends.valid(c))
    case .channel: return o.channel.map(rowNames.channel) ?? .text(nil)
    case .address:
      guard let channel = o.channel else { return .text(nil) }
      guard addressColumns[channel] != nil else { return .text(address(Int(c.customer), channel: channel)) }
      return .utf8(texts.address ?? empty)
    case .status: return rowNames.status(o.status)
    case .reason: return reasons.isFixed(o.reason) ? rowNames.reason(Int(o.reason.number)) : .text(reason(o.reason))
    case .merged: return .integer(o.merged)
    case .priority: return .integer(decider.sends.priorities[rule])
    case .variant: return rowNames.variant(send: decider.sends.send(c))
    case .description, .subject, .message: return .text(nil)
    }
  }

  /// The UTF-8 bytes of customer `customer`'s id.
  func customerID(_ customer: Int32) -> UnsafeBufferPointer<UInt8> { customerIDs.utf8(Int(customer)) }

  /// Where the text of `c`'s trigger id lies; nil when the trigger key is not a text
  /// column, the id is null or there is no trigger row.
  @inline(__always)
  func triggerUTF8(_ c: Candidate) -> UnsafeBufferPointer<UInt8>? {
    guard c.triggerRow >= 0, let ids = triggerTexts[Int(c.rule)] else { return nil }
    return ids.utf8(Int(c.triggerRow))
  }

  /// The outcome spelled out; its channel also gives the address.
  /// `triggerID` is the trigger id when `triggerUTF8` found it.
  func decision(_ o: Decider.Outcome, triggerID id: String? = nil) -> Decision {
    let c = o.candidate
    let rule = Int(c.rule)
    let send = Int(c.send)
    let customer = Int(c.customer)
    let localTime =
      decider.hasLocalTime
      ? decider.localTime(
        sendAt: c.sendAt, customer: customer, channel: o.channel,
        unmoved: decider.plan.sendAt(triggerTime: c.triggerTime, after: decider.plan.rules[rule].sends[send].after))
      : nil
    let decision = Decision(
      customerID: customerIDs.string(customer), rule: ruleNames[rule], offer: offers[rule][send],
      triggerID: id ?? triggerID(c), triggerTime: c.triggerTime, sendAt: c.sendAt,
      expiresAt: c.sendAt + decider.sends.valid(c),
      channel: o.channel.map { channelNames[$0] }, address: o.channel.map { address(customer, channel: $0) },
      status: o.status, reason: reason(o.reason), merged: o.merged, priority: decider.sends.priorities[rule],
      variant: variants[rule][send], localTime: localTime)
    return decider.hasMessages ? decider.withTexts(decision, o) : decision
  }

  /// The text of `reason`.
  private func reason(_ reason: Reason) -> String {
    reasons.isFixed(reason) ? fixedReasons[Int(reason.number)] : reasons.text(reason)
  }

  private func triggerID(_ c: Candidate) -> String? {
    guard c.triggerRow >= 0 else { return nil }
    let row = Int(c.triggerRow)
    if let ids = triggerTexts[Int(c.rule)] { return ids.string(row) ?? "" }
    guard let keys = triggerKeys[Int(c.rule)] else { return nil }
    return ValueText.text(of: keys, row: row) ?? ""
  }

  /// The customer's address on `channel`; empty when it has none.
  private func address(_ customer: Int, channel: Int) -> String {
    guard let address = addressColumns[channel] else {
      return decider.plan.channels[channel].addressText(customer: customer) ?? ""
    }
    return address.string(customer) ?? ""
  }
}

/// A text column and its nulls, read through pointers (`TextColumn.Pointers`).
private struct TextField {
  let texts: TextColumn.Pointers
  /// The null mask's words (`NullMask`: row `r` is bit `r % 64` of word `r / 64`).
  let nulls: UnsafePointer<UInt64>?

  init(_ texts: TextColumn, _ nulls: NullMask) {
    self.texts = TextColumn.Pointers(texts)
    self.nulls = nulls.words.buffer.baseAddress
  }

  /// `row`'s text; nil when it is null.
  @inline(__always) func string(_ row: Int) -> String? {
    utf8(row).map { String(decoding: $0, as: UTF8.self) }
  }

  /// `row`'s UTF-8 bytes; nil when it is null.
  @inline(__always) func utf8(_ row: Int) -> UnsafeBufferPointer<UInt8>? {
    if let nulls, NullMask.isNull(row, in: nulls) { return nil }
    return texts.utf8(row)
  }
}
