import Foundation

/// How many computed times and durations overflowed (left `TimeBounds`) while a plan
/// evaluated, per rule, segment, define or channel: such a value reads as null, and the
/// run says how many there were instead of crashing or going quiet. Unchecked: the
/// counts change only under `lock`; overflows are rare, so the lock costs nothing.
final class OverflowLog: @unchecked Sendable {
  private var owners: [String] = []
  private var counts: [String: Int] = [:]
  private let lock = NSLock()

  /// Makes `owner` (`rule 'x'`) known, so counts come out in the order owners were compiled.
  func register(_ owner: String) {
    lock.withLock {
      if counts[owner] == nil {
        owners.append(owner)
        counts[owner] = 0
      }
    }
  }

  /// One more value of `owner` overflowed.
  func add(_ owner: String) {
    lock.withLock { counts[owner, default: 0] += 1 }
  }

  /// The owners with overflows and how many, in the order they were registered.
  var overflows: [(owner: String, count: Int)] {
    lock.withLock { owners.compactMap { owner in counts[owner].flatMap { $0 > 0 ? (owner, $0) : nil } } }
  }
}

/// One owner's tally in an `OverflowLog`, captured by the closures that may overflow.
struct OverflowCounter: Sendable {
  let log: OverflowLog
  let owner: String

  /// `value`, counting it when it is nil (the arithmetic overflowed).
  @inline(__always) func checked(_ value: Int64?) -> Int64? {
    if value == nil { log.add(owner) }
    return value
  }
}
