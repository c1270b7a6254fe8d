import CPrefetch

/// Asking for a field's bytes some rows before they are read. A chunk's columns are
/// typed, copied and hashed one after another once the whole chunk is scanned, each
/// reading one value per row, a row's length apart through tens of megabytes: the
/// processor's own prefetching does not follow that, and each value's first load waited
/// on memory (at 1M customers, half of the time reading times, `CanonicalTimes.read`).
enum FieldPrefetch {
  /// How many rows ahead: enough loads in flight to cover memory's latency, few enough
  /// that the lines asked for are still in the cache when their row comes.
  static let distance = 24

  /// Asks for the first bytes of the field `distance` rows after `row`, if there is one.
  @inline(__always)
  static func ahead<Spans: RandomAccessCollection<FieldSpan>>(
    of row: Int, in spans: Spans, bytes: UnsafeBufferPointer<UInt8>
  ) {
    guard row &+ distance < spans.count, let base = bytes.baseAddress else { return }
    playloop_prefetch(base + spans[spans.index(spans.startIndex, offsetBy: row &+ distance)].start)
  }
}
