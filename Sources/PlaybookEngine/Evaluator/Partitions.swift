import Dispatch
import Foundation

/// Splits `0..<count` into contiguous partitions run on all cores, joined in order, so
/// the result equals a single thread's.
enum Partitions {
  /// Partitions per core: more than one evens out uneven customers.
  static let perCore = 4

  static func map<T>(count: Int, _ body: @escaping @Sendable (Range<Int>) -> [T]) -> [T] {
    let cores = Parallel.coreCount
    let parts = count < 4096 ? 1 : cores * perCore
    if parts == 1 { return body(0..<count) }
    if cores == 1 {
      return (0..<parts).flatMap { p in body(count * p / parts..<count * (p + 1) / parts) }
    }
    let results = PartitionResults<[T]>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      let lower = count * p / parts
      let upper = count * (p + 1) / parts
      results.set(p, body(lower..<upper))
    }
    return results.values.flatMap { part in
      guard let part else { preconditionFailure("a partition gave no result; every one runs before the join") }
      return part
    }
  }
}

/// Slots written by one partition each; read after all have finished.
final class PartitionResults<T>: @unchecked Sendable {
  var values: [T?]
  private let lock = NSLock()
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: T) {
    lock.withLock { values[i] = value }
  }
}
