#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order of rows in every export file: by offer, then customer id, then rule, then
/// trigger id (none first), comparing text by its UTF-8 bytes so the order never depends
/// on a locale. Trigger time, send time, channel and status break any remaining tie.
enum DecisionOrder {
  static func precedes(_ a: Decision, _ b: Decision) -> Bool {
    if let order = compare(a.offer, b.offer) { return order }
    if let order = compare(a.customerID, b.customerID) { return order }
    if let order = compare(a.rule, b.rule) { return order }
    if a.triggerID != b.triggerID {
      guard let x = a.triggerID else { return true }
      guard let y = b.triggerID else { return false }
      return compare(x, y) ?? false
    }
    if a.triggerTime != b.triggerTime { return a.triggerTime < b.triggerTime }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    if let order = compare(a.channel ?? "", b.channel ?? "") { return order }
    return a.status < b.status
  }

  /// `decisions` in export order; already ordered input (the usual case) is not re-sorted.
  static func sorted(_ decisions: [Decision]) -> [Decision] {
    let ordered = decisions.withUnsafeBufferPointer { buffer in
      buffer.indices.dropFirst().allSatisfy { !precedes(buffer[$0], buffer[$0 - 1]) }
    }
    guard !ordered else { return decisions }
    // Sort positions, reading decisions in place: copying a decision retains its strings.
    return decisions.withUnsafeBufferPointer { buffer in
      buffer.indices.sorted { precedes(buffer[$0], buffer[$1]) }.map { buffer[$0] }
    }
  }

  /// nil when the bytes are equal, else whether `a` precedes `b` byte by byte.
  static func compare(_ a: String, _ b: String) -> Bool? {
    var a = a
    var b = b
    let sign = a.withUTF8 { x in
      b.withUTF8 { y in
        let common = min(x.count, y.count)
        let sign = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return sign != 0 ? Int(sign) : x.count - y.count
      }
    }
    return sign == 0 ? nil : sign < 0
  }
}
