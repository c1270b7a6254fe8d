/// The order of rows in every export file: by offer, then customer id, then rule, then
/// trigger id (none first), comparing text by its UTF-8 bytes so the order never depends
/// on a locale. Trigger time, send time, channel and status break any remaining tie.
enum DecisionOrder {
  /// Decisions in export order, as indices into the array arranged, and each offer's run
  /// of them (offers in byte order, every decision of an offer in one run).
  struct Arrangement: Sendable {
    var indices: [Int]
    var offers: [(offer: String, range: Range<Int>)]
  }

  static func precedes(_ a: Decision, _ b: Decision) -> Bool {
    ByteOrder.compare(a.offer, b.offer) ?? ByteOrder.compare(a.customerID, b.customerID) ?? tieBreak(a, b) ?? false
  }

  /// Rule, trigger id (none first), trigger time, send time, channel, status; nil when all equal.
  private static func tieBreak(_ a: Decision, _ b: Decision) -> Bool? {
    if let order = ByteOrder.compare(a.rule, b.rule) { return order }
    if a.triggerID != b.triggerID {
      guard let x = a.triggerID else { return true }
      guard let y = b.triggerID else { return false }
      if let order = ByteOrder.compare(x, y) { return order }
    }
    if a.triggerTime != b.triggerTime { return a.triggerTime < b.triggerTime }
    if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
    if let order = ByteOrder.compare(a.channel ?? "", b.channel ?? "") { return order }
    if a.status != b.status { return a.status < b.status }
    return nil
  }

  /// `decisions` in export order.
  ///
  /// The decider gives decisions by customer and, within a customer, by offer, rule and
  /// trigger; when customer ids are numbered in id order (as files usually are) that is
  /// the export order with customer and offer swapped, and a stable grouping by offer
  /// finishes the job in linear time. Anything else is sorted in full.
  static func arrange(_ decisions: [Decision]) -> Arrangement {
    let offers = offerRanks(count: decisions.count) { decisions[$0].offer }
    return arrangement(inCustomerOrder(decisions) ? group(offers) : sortedIndices(decisions), offers)
  }

  /// `rows` in the order `arrange(_:)` gives them spelled out: grouped by offer when in
  /// customer order (told from their ids in place), else spelled out and sorted.
  static func arrange(_ rows: DecisionRows) -> Arrangement {
    let offers = offerRanks(rows.offerCodes, count: rows.count, rows.offerNumber)
    guard rows.inCustomerOrder(offerRanks: offers.ranks) else { return arrange(rows.spelled()) }
    return arrangement(group(offers), offers)
  }

  /// The arrangement of `indices` (in export order), with each offer's run of them.
  private static func arrangement(_ indices: [Int], _ offers: (names: [String], ranks: [Int])) -> Arrangement {
    var runs: [(offer: String, range: Range<Int>)] = []
    var start = 0
    while start < indices.count {
      let rank = offers.ranks[indices[start]]
      var end = start + 1
      while end < indices.count, offers.ranks[indices[end]] == rank { end += 1 }
      runs.append((offers.names[rank], start..<end))
      start = end
    }
    return Arrangement(indices: indices, offers: runs)
  }

  /// The distinct offers in byte order, and each of `count` decisions' offer (`offer(i)`)
  /// as a position in them.
  private static func offerRanks(count: Int, _ offer: (Int) -> String) -> (names: [String], ranks: [Int]) {
    // A run has a handful of offers: a scan of those met so far is quicker than hashing.
    var met: [String] = []
    var ranks: [Int] = []
    ranks.reserveCapacity(count)
    // By index: `for decision in decisions` would copy each decision, retaining all its strings.
    for d in 0..<count {
      let offer = offer(d)
      if let i = met.firstIndex(where: { ByteOrder.same($0, offer) }) {
        ranks.append(i)
      } else {
        ranks.append(met.count)
        met.append(offer)
      }
    }
    return offerRanks(met, count: count) { ranks[$0] }
  }

  /// The offers `names` in byte order, and each of `count` decisions' offer (`offer(i)`,
  /// an index into `names`) as a position in them: no offer's text read per decision.
  private static func offerRanks(_ names: [String], count: Int, _ offer: (Int) -> Int) -> (
    names: [String], ranks: [Int]
  ) {
    let order = names.indices.sorted { ByteOrder.compare(names[$0], names[$1]) ?? false }
    var position = [Int](repeating: 0, count: names.count)
    for (rank, i) in order.enumerated() { position[i] = rank }
    return (order.map { names[$0] }, (0..<count).map { position[offer($0)] })
  }

  /// Whether every decision is at or after the one before it by customer id, then offer,
  /// rule, trigger and the rest of the tie break.
  private static func inCustomerOrder(_ decisions: [Decision]) -> Bool {
    decisions.withUnsafeBufferPointer { d in
      d.indices.dropFirst().allSatisfy { i in
        !(ByteOrder.compare(d[i].customerID, d[i - 1].customerID)
          ?? ByteOrder.compare(d[i].offer, d[i - 1].offer) ?? tieBreak(d[i], d[i - 1]) ?? false)
      }
    }
  }

  /// The indices grouped by offer rank, keeping their order within each offer.
  private static func group(_ offers: (names: [String], ranks: [Int])) -> [Int] {
    var next = [Int](repeating: 0, count: offers.names.count + 1)
    for rank in offers.ranks { next[rank + 1] += 1 }
    for rank in offers.names.indices { next[rank + 1] += next[rank] }
    var indices = [Int](repeating: 0, count: offers.ranks.count)
    for (i, rank) in offers.ranks.enumerated() {
      indices[next[rank]] = i
      next[rank] += 1
    }
    return indices
  }

  /// Comparing decisions copies them, retaining every string, millions of times over; so
  /// the four text keys are laid out once as bytes (each ended by 0, the trigger id led by
  /// 1, or just 0 when there is none) for `ByteOrder`. `ends[i]` is where decision i's key ends.
  private static func sortedIndices(_ decisions: [Decision]) -> [Int] {
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
    return keys.withUnsafeBufferPointer { keys in
      ends.withUnsafeBufferPointer { ends in
        decisions.indices.sorted { i, j in
          let a = UnsafeBufferPointer(rebasing: keys[(i == 0 ? 0 : ends[i - 1])..<ends[i]])
          let b = UnsafeBufferPointer(rebasing: keys[(j == 0 ? 0 : ends[j - 1])..<ends[j]])
          let sign = ByteOrder.sign(a, b)
          return sign != 0 ? sign < 0 : precedes(decisions[i], decisions[j])
        }
      }
    }
  }
}
