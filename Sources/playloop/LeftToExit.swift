import Synchronization

/// What a command leaves for the end of the process to free. A run's tables and
/// decisions are thousands of arrays and hundreds of thousands of strings; dropped one
/// by one as the command returned, they cost about 50 ms at a million customers (an
/// `munmap` per column, a release per string), which the kernel does in one sweep when
/// the process exits (as compilers do with `-disable-free`).
enum LeftToExit {
  private static let kept = Mutex<[any Sendable]>([])

  /// Keeps `values` alive until the process exits.
  static func keep(_ values: any Sendable...) {
    kept.withLock { $0.append(contentsOf: values) }
  }
}
