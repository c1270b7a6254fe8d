import Foundation
import PlaybookLanguage

/// A value every customer has (a segment's membership, an aggregate), computed for one
/// customer on demand — explain, the shell's start-up — or for all of them at once, in
/// parallel, before a full evaluation reads it many times (`prepare`). Unchecked: `all`
/// is written by `prepare` alone, before any evaluation reads it.
final class PerCustomer<T: Sendable>: @unchecked Sendable {
  private let compute: (Int) -> T
  /// Every customer's value at once (given how many customers), when that is faster
  /// than one by one.
  private let computeAll: ((Int) -> [T])?
  /// Every customer's value once prepared. Written only by `prepare`, which runs before
  /// any evaluation that reads it, never during one.
  private var all: [T]?

  /// Values computed by `compute`, and prepared by `computeAll` when given: it must give
  /// `compute`'s value for each customer, in order, on all cores as it sees fit.
  init(_ compute: @escaping (Int) -> T, computeAll: ((Int) -> [T])? = nil) {
    self.compute = compute
    self.computeAll = computeAll
  }

  @inline(__always) func value(_ customer: Int) -> T {
    if let all { return all[customer] }
    return compute(customer)
  }

  func prepare(count: Int) {
    guard all == nil else { return }
    all = computeAll?(count) ?? Partitions.map(count: count) { range in range.map(compute) }
  }
}

/// The per-customer values of a plan, in the order they were made: a value only reads
/// values made before it, so preparing in this order never computes one twice. Plans
/// compiled after a rule edit share their predecessor's (`Plan(…, reusing:)`).
/// Unchecked: its lists change only under `lock`.
final class PerCustomerValues: @unchecked Sendable {
  /// `PerCustomer<Double?>` for an aggregate, `PerCustomer<AccumulatedRun>` for one
  /// referring to the trigger row: the same expression is always the same kind.
  private var aggregates: [Structure<Expr>: AnyObject] = [:]
  private var ordered: [(Int) -> Void] = []
  private let lock = NSLock()

  /// The aggregate of structure `key`, made on first use: the same aggregate written
  /// twice, anywhere, is computed once.
  func aggregate<T>(
    _ key: Structure<Expr>, make: () -> PerCustomer<T>
  ) -> PerCustomer<T> {
    if let existing = lock.withLock({ aggregates[key] }) {
      guard let values = existing as? PerCustomer<T> else {
        preconditionFailure("one aggregate compiled to two kinds of per-customer value")
      }
      return values
    }
    let made = make()
    lock.withLock {
      aggregates[key] = made
      ordered.append(made.prepare)
    }
    return made
  }

  /// Registers a segment's values for preparing.
  func register(_ values: PerCustomer<UInt8>) {
    lock.withLock { ordered.append(values.prepare) }
  }

  /// Computes every value for all `count` customers.
  func prepareAll(count: Int) {
    for prepare in lock.withLock({ ordered }) { prepare(count) }
  }
}
