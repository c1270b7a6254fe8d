/// Compact event rows, held until every customer is generated and then written in
/// time order (as a real export would be), not grouped by customer. Times are seconds
/// relative to the clock; `script` indexes a persona's text, else -1 and `seed` makes it.
struct TicketRecord {
  var customer: Int32
  var opened: Int32
  /// Seconds after `opened`, or -1 when it has not happened by the clock.
  var respondedAfter: Int32
  var resolvedAfter: Int32
  var kind: UInt8
  var channel: UInt8
  /// 1–5, or 0 when unrated.
  var csat: UInt8
  var script: Int16
  var seed: UInt32
}

struct OrderRecord {
  var customer: Int32
  var ordered: Int32
  var cents: Int32
  var status: UInt8
}

struct CallRecord {
  var customer: Int32
  var started: Int32
  var minutes: Int16
  var agent: UInt8
  var mentionsLeaving: Bool
  var script: Int16
  var seed: UInt32
}

/// Record indexes sorted by time, ties by generation order, so output is deterministic.
func timeOrder(count: Int, time: (Int) -> Int32) -> [Int] {
  var keys = [UInt64](repeating: 0, count: count)
  for i in 0..<count {
    keys[i] = UInt64(Int64(time(i)) + (1 << 31)) << 32 | UInt64(i)
  }
  keys.sort()
  return keys.map { Int($0 & 0xFFFF_FFFF) }
}
