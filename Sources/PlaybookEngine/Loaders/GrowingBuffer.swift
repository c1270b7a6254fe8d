#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Values written one after another through a pointer, into room that grows when it
/// must, and read afterwards as a `ColumnArray` without a copy (`values`). Room made and
/// never written costs no memory, so a guess can be generous; growing a large buffer
/// moves its pages instead of copying them (`realloc`). Unlike an array's, writing a
/// value checks nothing: the writer makes room first (`reserve`).
///
/// Unchecked `Sendable`: one thread writes it, and it is only read once written.
final class GrowingBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var capacity: Int
  /// The values written: `base[0..<count]`.
  var count = 0

  /// Room for about `capacity` values.
  init(capacity: Int) {
    self.capacity = max(16, capacity)
    base = malloc(self.capacity * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
  }

  deinit { free(base) }

  /// Makes room for `more` values past `count`; `base` may move.
  @inline(__always) func reserve(_ more: Int) {
    if count &+ more > capacity { grow(to: count + more) }
  }

  @inline(never) private func grow(to needed: Int) {
    let wider = max(needed, capacity * 2)
    base = realloc(base, wider * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
    capacity = wider
  }

  /// The values written, read in place; nothing may be written after.
  var values: ColumnArray<Element> {
    ColumnArray(borrowing: UnsafeBufferPointer(start: base, count: count), from: self)
  }
}
