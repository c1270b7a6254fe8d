public import PlaybookEngine

/// What earlier runs sent, loaded from the ledger into memory once per run so the
/// decider's checks are hash lookups, not queries.
public struct LedgerHistory: SendHistory {
  /// Rule → trigger ids it was sent for (rules that trigger on an event row).
  var triggers: [String: Set<String>] = [:]
  /// Rule → (customer, offer) pairs it was sent for (customer-only rules).
  var customerOffers: [String: Set<CustomerOffer>] = [:]
  /// Customer → send times, ascending, of the sends `limit … per D` counts.
  var sendTimes: [String: [Int64]] = [:]

  struct CustomerOffer: Hashable {
    var customerID: String
    var offer: String
  }

  /// A history from ledger rows; `counted` says whether a send counts towards
  /// `limit … per D` (a replay counts only the runs before the one it replays).
  init(_ sends: [LedgerSend], counted: (LedgerSend) -> Bool) {
    for send in sends {
      if let trigger = send.triggerID {
        triggers[send.rule, default: []].insert(trigger)
      } else {
        customerOffers[send.rule, default: []].insert(CustomerOffer(customerID: send.customerID, offer: send.offer))
      }
      if counted(send) { sendTimes[send.customerID, default: []].append(send.sendAt) }
    }
    for key in sendTimes.keys { sendTimes[key]?.sort() }
  }

  /// Already sent: the rule was sent for this trigger (any offer), or, for a
  /// customer-only rule, this offer to this customer.
  public func alreadySent(rule: String, triggerID: String?, customerID: String, offer: String) -> Bool {
    if let triggerID { return triggers[rule]?.contains(triggerID) ?? false }
    return customerOffers[rule]?.contains(CustomerOffer(customerID: customerID, offer: offer)) ?? false
  }

  /// Sends to the customer whose `send_at` is at or after `since` (including those
  /// scheduled later than the clock: they are promised already).
  public func sentCount(customerID: String, since: Int64) -> Int {
    guard let times = sendTimes[customerID] else { return 0 }
    var lo = 0
    var hi = times.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if times[mid] < since { lo = mid + 1 } else { hi = mid }
    }
    return times.count - lo
  }
}
