/// Splits `0..<count` into contiguous partitions run on all cores, joined in order, so
/// the result equals a single thread's.
enum Partitions {
  /// Partitions per core: more than one evens out uneven customers.
  static let perCore = 4

  static func map<T: Sendable>(count: Int, _ body: (Range<Int>) -> [T]) -> [T] {
    let parts = count < 4096 ? 1 : Parallel.coreCount * perCore
    if parts == 1 { return body(0..<count) }
    return Parallel.map(parts) { p in body(count * p / parts..<count * (p + 1) / parts) }.flatMap { $0 }
  }
}
