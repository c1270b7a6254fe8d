/// The vectors and position lists batch evaluation works in, kept from one batch to the
/// next by the thread evaluating them: made per batch they were most of the allocations
/// of a run (155k, 806 MB of zeroed memory at 1M customers). A node takes what it needs
/// and gives it back when done, so a batch reuses what the previous one left.
struct BatchScratch {
  var truths = VectorPool<Truth>(filler: .unknown)
  var numbers = VectorPool<Double?>(filler: nil)
  var times = VectorPool<Int64?>(filler: nil)
  var positions = VectorPool<Int32>(filler: 0)

  init() {}
}

/// Vectors at least as long as a batch, taken and given back. A vector's entries are
/// whatever the last user left: batch nodes read an entry only where they wrote it.
struct VectorPool<Element> {
  private var free: [[Element]] = []
  private let filler: Element

  init(filler: Element) { self.filler = filler }

  /// A vector of at least `count` entries, the pool's no longer (so writing to it copies nothing).
  mutating func take(_ count: Int) -> [Element] {
    if let vector = free.popLast(), vector.count >= count { return vector }
    return [Element](repeating: filler, count: max(count, RowBatch.size))
  }

  /// Gives `vector` back for a later `take`.
  mutating func give(_ vector: consuming [Element]) {
    free.append(vector)
  }
}
