import Foundation

/// Each aggregate's value per customer, by the aggregate's canonical text. Computed once
/// per plan; a plan compiled from an edit that left the data, clock, loads, defines and
/// segments alone shares its predecessor's cache, so only new aggregates are computed.
final class AggregateCache: @unchecked Sendable {
  private var values: [String: [Double?]] = [:]
  private let lock = NSLock()

  /// The cached values for `key`, computing and keeping them on first use.
  func values(_ key: String, compute: () -> [Double?]) -> [Double?] {
    if let cached = lock.withLock({ values[key] }) { return cached }
    let computed = compute()
    lock.withLock { values[key] = computed }
    return computed
  }
}
