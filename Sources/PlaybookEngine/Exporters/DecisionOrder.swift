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
    let (keys, ends) = sortKeys(decisions)
    return keys.withUnsafeBufferPointer { keys in
      ends.withUnsafeBufferPointer { ends in
        func precedes(_ i: Int, _ j: Int) -> Bool {
          let a = i == 0 ? 0 : ends[i - 1]
          let b = j == 0 ? 0 : ends[j - 1]
          let (countA, countB) = (ends[i] - a, ends[j] - b)
          let sign = memcmp(keys.baseAddress! + a, keys.baseAddress! + b, min(countA, countB))
          if sign != 0 { return sign < 0 }
          if countA != countB { return countA < countB }
          return Self.precedes(decisions[i], decisions[j])
        }
        let ordered = decisions.indices.dropFirst().allSatisfy { !precedes($0, $0 - 1) }
        guard !ordered else { return decisions }
        return decisions.indices.sorted(by: precedes).map { decisions[$0] }
      }
    }
  }

  /// Comparing decisions copies them, retaining every string, millions of times over; so
  /// the four text keys are laid out once as bytes (each ended by 0, the trigger id led by
  /// 1, or just 0 when there is none) for memcmp. `ends[i]` is where decision i's key ends.
  private static func sortKeys(_ decisions: [Decision]) -> (keys: [UInt8], ends: [Int]) {
    var keys: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(decisions.count)
    func append(_ text: String) {
      var text = text
      text.withUTF8 { keys.append(contentsOf: $0) }
      keys.append(0)
    }
    for decision in decisions {
      append(decision.offer)
      append(decision.customerID)
      append(decision.rule)
      if let trigger = decision.triggerID {
        keys.append(1)
        append(trigger)
      } else {
        keys.append(0)
      }
      ends.append(keys.count)
    }
    return (keys, ends)
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
