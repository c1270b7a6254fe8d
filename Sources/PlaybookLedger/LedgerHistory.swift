public import PlaybookEngine

/// What earlier runs sent, read from the ledger into memory once per run so the
/// decider's checks are hash lookups, not queries.
public struct LedgerHistory: SendHistory {
  /// Rule → trigger ids it was sent for (rules that trigger on an event row).
  private var triggers: [String: Set<String>] = [:]
  /// Rule → (customer, offer) pairs it was sent for (customer-only rules).
  private var customerOffers: [String: Set<CustomerOffer>] = [:]
  /// Customer → send times, ascending, of the sends `limit … per D` counts.
  private var sendTimes: [String: [Int64]] = [:]
  /// The same by customer and channel, for `limit … per D via CHANNEL`.
  private var channelSendTimes: [CustomerChannel: [Int64]] = [:]
  /// The rules with `every D`, whose latest sends are kept.
  private let everyRules: Set<String>
  /// Rule → customer → its latest send to them (customer-only rules with `every D`).
  private var lastSends: [String: [String: LastSend]] = [:]
  /// The `sent(…)` queries the history was loaded for.
  private let queries: [SentQuery]
  /// For each of `queries`: customer → their latest send it matches.
  private var queried: [[String: LastSend]]

  private struct CustomerOffer: Hashable {
    var customerID: String
    var offer: String
  }

  private struct CustomerChannel: Hashable {
    var customerID: String
    var channel: String
  }

  /// An empty history that will answer `queries` (the playbook's `sent(…)`) and keep the
  /// latest sends of `everyRules` (its rules with `every D`).
  init(queries: [SentQuery] = [], everyRules: Set<String> = []) {
    self.queries = queries
    self.everyRules = everyRules
    queried = queries.map { _ in [:] }
  }

  /// Adds one send, recorded by run `run`; `counted` says whether it counts towards
  /// `limit … per D`, `queried` whether `sent(…)` sees it.
  mutating func add(
    rule: String, offer: String, customerID: String, triggerID: String?, channel: String, sendAt: Int64,
    run: Int64, counted: Bool, queried seen: Bool = true
  ) {
    let send = LastSend(sendAt: sendAt, run: run, offer: offer, channel: channel)
    if let triggerID {
      triggers[rule, default: []].insert(triggerID)
    } else {
      customerOffers[rule, default: []].insert(CustomerOffer(customerID: customerID, offer: offer))
      if everyRules.contains(rule) { Self.keepLatest(send, of: customerID, in: &lastSends[rule, default: [:]]) }
    }
    if seen {
      for (i, query) in queries.enumerated() where query.matches(offer: offer, channel: channel) {
        Self.keepLatest(send, of: customerID, in: &queried[i])
      }
    }
    guard counted else { return }
    sendTimes[customerID, default: []].append(sendAt)
    channelSendTimes[CustomerChannel(customerID: customerID, channel: channel), default: []].append(sendAt)
  }

  /// Keeps `send` as the customer's latest unless a later one is kept: by `send_at`, then
  /// run, then offer and channel (`ByteOrder`), so a tie is settled the same way whatever the rows' order.
  private static func keepLatest(_ send: LastSend, of customerID: String, in latest: inout [String: LastSend]) {
    if let kept = latest[customerID], !precedes(kept, send) { return }
    latest[customerID] = send
  }

  /// Whether `a` is before `b`: by `send_at`, run, then offer and channel in `ByteOrder`.
  private static func precedes(_ a: LastSend, _ b: LastSend) -> Bool {
    if (a.sendAt, a.run) != (b.sendAt, b.run) { return (a.sendAt, a.run) < (b.sendAt, b.run) }
    return ByteOrder.compare(a.offer, b.offer) ?? ByteOrder.precedes(a.channel, b.channel)
  }

  /// Sorts the send times; call once after the last `add`.
  mutating func finish() {
    for key in sendTimes.keys { sendTimes[key]?.sort() }
    for key in channelSendTimes.keys { channelSendTimes[key]?.sort() }
  }

  /// Already sent: the rule was sent for this trigger (any offer), or, for a
  /// customer-only rule, this offer to this customer.
  public func alreadySent(rule: String, triggerID: String?, customerID: String, offer: String) -> Bool {
    if let triggerID { return triggers[rule]?.contains(triggerID) ?? false }
    return customerOffers[rule]?.contains(CustomerOffer(customerID: customerID, offer: offer)) ?? false
  }

  /// The latest send of the customer-only `rule` (one with `every D`) to the customer, any offer.
  public func lastSend(rule: String, customerID: String) -> LastSend? {
    lastSends[rule]?[customerID]
  }

  /// Customer → their latest send `query` matches; empty for a query the history was not
  /// loaded for.
  public func lastSends(_ query: SentQuery) -> [String: LastSend] {
    queries.firstIndex(of: query).map { queried[$0] } ?? [:]
  }

  /// Sends to the customer (on `channel`, or on any when nil) whose `send_at` is at or
  /// after `since` (including those scheduled later than the clock: they are promised already).
  public func sentCount(customerID: String, since: Int64, channel: String?) -> Int {
    let times =
      channel.map { channelSendTimes[CustomerChannel(customerID: customerID, channel: $0)] } ?? sendTimes[customerID]
    guard let times else { return 0 }
    var lo = 0
    var hi = times.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if times[mid] < since { lo = mid + 1 } else { hi = mid }
    }
    return times.count - lo
  }
}
