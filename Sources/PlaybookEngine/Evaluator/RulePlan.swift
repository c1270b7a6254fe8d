import PlaybookLanguage

/// One rule, compiled: where its triggers come from, its conditions, and its sends.
final class RulePlan: Sendable {
  let name: String
  let priority: Int
  /// Position in the file (ties break by it).
  let order: Int
  let trigger: TriggerSource?
  let conditions: [CompiledExpr]
  let exceptions: [CompiledExpr]
  /// The trigger row's lifecycle phrases in `when`, in source order: the first that holds
  /// gives the trigger time.
  let phrases: [Lifecycle.Test]
  /// Each variant of each `send` line, in order: a candidate's `send` indexes these.
  let sends: [SendPlan]
  /// The `send` lines, each pointing at its variants in `sends`.
  let lines: [SendLine]
  /// Each send's delay (`after`), in seconds, read without its send.
  let afters: [Int64]
  /// `every D`, in seconds: a customer-level rule sends again once D has passed since
  /// its last send to the customer; nil sends once ever.
  let every: Int64?
  /// `every`'s duration as written (`90d`), for reasons.
  let everySpelling: String

  init(
    name: String, priority: Int, order: Int, trigger: TriggerSource?, conditions: [CompiledExpr],
    exceptions: [CompiledExpr], phrases: [Phrase], sends: [SendPlan], lines: [SendLine], every: DurationLiteral?
  ) {
    self.every = every?.seconds
    everySpelling = every?.spelling ?? ""
    self.name = name
    self.priority = priority
    self.order = order
    self.trigger = trigger
    self.conditions = conditions
    self.exceptions = exceptions
    self.phrases = phrases.map(Lifecycle.Test.init)
    self.sends = sends
    afters = sends.map(\.after)
    self.lines = lines
  }

  /// The trigger time of a row whose conditions hold (see docs/LANGUAGE.md).
  func triggerTime(row: Int, clock: Int64) -> Int64? {
    Self.triggerTime(row: row, clock: clock, lifecycle: trigger?.lifecycle, phrases: phrases)
  }

  /// The trigger time of a row whose conditions hold, for a rule with these trigger
  /// rows' `lifecycle` (nil for a customer-only rule) and `phrases`: taken once for many
  /// rows.
  @inline(__always)
  static func triggerTime(row: Int, clock: Int64, lifecycle: Lifecycle?, phrases: [Lifecycle.Test]) -> Int64? {
    guard let lifecycle else { return clock }
    for phrase in phrases {
      let (truth, time) = lifecycle.evaluate(phrase, row: row)
      if truth.holds, let time { return time }
    }
    return lifecycle.opened(row) ?? clock
  }
}

/// The rows a rule triggers on: an event table's rows for the customer that pass the
/// row name's `define` filters.
final class TriggerSource: Sendable {
  let rowName: String
  let table: Table
  let link: LinkIndex
  let lifecycle: Lifecycle
  /// Whether each row is of the trigger's kind (a `define`); nil when every row is.
  let members: ColumnArray<Bool>?
  /// The key column, for trigger ids.
  let keyColumn: Int
  /// That column, taken out of the table once rather than for every trigger id.
  let keys: Column

  /// Which rows can become candidates.
  let test: RowTest

  init(
    rowName: String, table: Table, link: LinkIndex, lifecycle: Lifecycle, members: [Bool]?,
    keyColumn: Int, phrases: [Phrase] = [], window: Int64? = nil
  ) {
    self.rowName = rowName
    self.table = table
    self.link = link
    self.lifecycle = lifecycle
    let members = members.map(ColumnArray.init)
    self.members = members
    test = RowTest(link: link, members: members, lifecycle: lifecycle, phrases: phrases, window: window)
    self.keyColumn = keyColumn
    keys = table.columns[keyColumn]
  }

  /// Whether `row` is tried: it exists at the clock and is of the trigger's kind
  /// (explain shows such a row even when it is outside the window).
  @inline(__always) func admits(_ row: Int) -> Bool {
    lifecycle.exists(row) && (members?[row] ?? true)
  }

  /// The rows among `rows` that can become a candidate, each with its customer, in
  /// order, into `batch`.
  func fill(_ batch: inout RowBatch, rows: Range<Int>) {
    let test = self.test
    batch.refill(rows: rows, customer: { test.customerOf[$0] }, keeps: { test.keeps($0) })
  }

  /// The trigger id of `row` (the key's text).
  func id(_ row: Int) -> String {
    ValueText.text(of: keys, row: row) ?? ""
  }
}

/// One offer of a `send` line, resolved: the offer and the channels in order of
/// preference (a split's variants each have one, sharing the channels). A class, so the
/// decider reading a candidate's send shares it rather than copying its texts and lists.
final class SendPlan: Sendable {
  let offer: String
  let offerIndex: Int
  let channels: [Int]
  let after: Int64
  let valid: Int64
  /// The variant's name (`A`, `B`, …) when the line splits; nil when it does not.
  let variant: String?
  /// The line's variants in the rule's `sends` (only this one when the line does not split).
  let line: Range<Int>
  /// The offer's message lines for this rule; empty when the offer has none.
  let messages: [MessagePlan]

  init(
    offer: String, offerIndex: Int, channels: [Int], after: Int64, valid: Int64, variant: String?,
    line: Range<Int>, messages: [MessagePlan] = []
  ) {
    self.offer = offer
    self.offerIndex = offerIndex
    self.channels = channels
    self.after = after
    self.valid = valid
    self.variant = variant
    self.line = line
    self.messages = messages
  }
}

/// A `send` line: where its variants start in the rule's `sends`, and the split that
/// picks one of them for each customer (nil when the line has one offer).
struct SendLine: Sendable {
  let first: Int
  let split: VariantSplit?

  /// The send the line makes to `customer` (whose key is in `ids`): its first, or for a
  /// split the customer's variant. `bucket` is the customer's split bucket, hashed on first
  /// need and kept for the rule's other lines (-1 until then).
  @inline(__always)
  func send(customer: Int, ids: TextColumn, bucket: inout Int) -> Int {
    guard let split else { return first }
    if bucket < 0 { bucket = ids.withUTF8(customer) { split.bucket(customerID: $0) } }
    return first + split.variant(bucket: bucket)
  }
}

/// A channel, compiled: its address and consent condition per customer. Unchecked: its
/// closure only reads columns fixed when it was compiled.
final class ChannelPlan: @unchecked Sendable {
  let name: String
  let address: CompiledExpr
  let requires: CompiledExpr?
  let addressIsNull: (Frame) -> Bool
  /// `quiet` and `days`: when the channel sends on the customer's clock; nil for any time.
  let window: SendWindow?

  init(
    name: String, address: CompiledExpr, requires: CompiledExpr?, addressIsNull: @escaping (Frame) -> Bool,
    window: SendWindow? = nil
  ) {
    self.name = name
    self.address = address
    self.requires = requires
    self.addressIsNull = addressIsNull
    self.window = window
  }

  func addressText(customer: Int) -> String? {
    ValueText.text(of: address, frame: Frame(customer: customer))
  }
}
