/// Room for one column's eight-byte values (integers, times, decimals as their bits),
/// laid out as the column will hold them: each chunk of a file read in parallel writes
/// its values into its own run of slots, starting where its rows can start at the
/// latest (`CSVChunkReader.readAll` bounds every chunk's rows by its line ends), and
/// joining the chunks moves each run down to where its rows do start, in place
/// (`joined`). A column is thus written once, into memory it keeps, instead of into
/// each chunk's array and then again into the column (at 1M customers, 250 MB of the
/// tickets', orders' and customers' times and numbers written twice).
///
/// Unchecked `Sendable`: chunks write disjoint runs, and the join runs once they are done.
final class ValueSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<UInt64>
  let capacity: Int

  /// Room for `capacity` values, none written: pages never written are never mapped.
  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: max(1, capacity))
  }

  deinit { base.deallocate() }

  /// The slots from `start` on, `count` of them, for one chunk's column.
  func run(from start: Int, count: Int) -> Run {
    precondition(start >= 0 && start + count <= capacity, "a run inside the slots")
    return Run(slots: self, base: base + start, capacity: count, grows: false)
  }

  /// A chunk's values of one column, written in order: into a run of shared slots,
  /// which is full at its end, or into slots of its own, which grow.
  struct Run {
    private(set) var slots: ValueSlots
    private(set) var base: UnsafeMutablePointer<UInt64>
    private(set) var capacity: Int
    /// Whether the run moves to larger slots of its own when full.
    let grows: Bool
    private(set) var count = 0

    fileprivate init(slots: ValueSlots, base: UnsafeMutablePointer<UInt64>, capacity: Int, grows: Bool) {
      self.slots = slots
      self.base = base
      self.capacity = capacity
      self.grows = grows
    }

    /// Slots of its own, about `capacity` at first.
    init(capacity: Int) {
      let slots = ValueSlots(capacity: max(16, capacity))
      self.init(slots: slots, base: slots.base, capacity: slots.capacity, grows: true)
    }

    /// How many values fit before the run is full (or grows).
    var room: Int { capacity - count }

    /// Makes room for `count` more values: false when the run is shared and has not.
    @inline(__always) mutating func reserve(_ more: Int) -> Bool {
      if more <= room { return true }
      guard grows else { return false }
      let wider = ValueSlots(capacity: max(capacity * 2, count + more))
      wider.base.initialize(from: base, count: count)
      slots = wider
      base = wider.base
      capacity = wider.capacity
      return true
    }

    /// Adds a value; false when there is no room for it (a shared run is full).
    @inline(__always) mutating func append(_ value: UInt64) -> Bool {
      guard reserve(1) else { return false }
      base[count] = value
      count += 1
      return true
    }

    /// Counts the next `written` values as written (straight to `base + count`, after
    /// `reserve`).
    @inline(__always) mutating func added(_ written: Int) { count += written }

    /// Rewrites each value kept so far.
    mutating func update(_ body: (UInt64) -> UInt64) {
      for i in 0..<count { base[i] = body(base[i]) }
    }

    /// The values written, read as `T` (eight bytes), kept alive by the slots.
    func values<T: BitwiseCopyable>(as _: T.Type) -> ColumnArray<T> {
      precondition(MemoryLayout<T>.stride == 8, "eight-byte values")
      return ColumnArray(
        borrowing: UnsafeBufferPointer(start: UnsafeRawPointer(base).assumingMemoryBound(to: T.self), count: count),
        from: slots)
    }
  }

  /// `pieces` (a column's chunks in order) end to end, when at least one lies in
  /// these slots and they have room for all: each piece moved down to where its rows
  /// start, in chunk order (so none is written over before it moves), or copied there
  /// when it lies elsewhere (a chunk typed from its spans); nil otherwise.
  static func joined<T: BitwiseCopyable>(_ pieces: [ColumnArray<T>]) -> ColumnArray<T>? {
    guard MemoryLayout<T>.stride == 8, let slots = pieces.lazy.compactMap({ $0.owner as? ValueSlots }).first else {
      return nil
    }
    let total = pieces.reduce(0) { $0 + $1.count }
    guard total <= slots.capacity else { return nil }
    let destination = UnsafeMutableRawPointer(slots.base).assumingMemoryBound(to: T.self)
    // Each piece in the slots must lie at or after its rows' place, or moving the pieces
    // before it would write over it.
    var row = 0
    for piece in pieces {
      if piece.owner === slots, let base = piece.buffer.baseAddress, base < UnsafePointer(destination + row) {
        return nil
      }
      row += piece.count
    }
    row = 0
    for piece in pieces {
      piece.withUnsafeBufferPointer { values in
        guard let from = values.baseAddress, from != UnsafePointer(destination + row) else { return }
        // Overlapping moves go down only (a piece's rows start no later than its run).
        UnsafeMutableRawPointer(destination + row).copyMemory(from: from, byteCount: values.count * 8)
      }
      row += piece.count
    }
    return ColumnArray(borrowing: UnsafeBufferPointer(start: destination, count: total), from: slots)
  }
}
