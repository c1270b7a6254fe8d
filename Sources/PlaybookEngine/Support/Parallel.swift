import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way the engine runs work on all cores: independent pieces, each call of
/// `body` writing only its own result slot, results back in index order, so output
/// never depends on scheduling.
enum Parallel {
  /// The cores to use: all online ones, or `PLAYLOOP_THREADS` when set (1 runs everything
  /// on one thread, which tests use to show the output does not depend on it).
  static let coreCount: Int = {
    if let value = getenv("PLAYLOOP_THREADS").flatMap({ Int(String(cString: $0)) }), value > 0 {
      return value
    }
    #if canImport(Glibc) || canImport(Darwin)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 1
    #endif
  }()

  /// `body` of each of `0..<count`, called on all cores.
  static func map<T: Sendable>(_ count: Int, _ body: (Int) -> T) -> [T] {
    if count == 1 || coreCount == 1 { return (0..<count).map(body) }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
      let base = UnsafeMutableSendablePointer(slots.baseAddress!)
      withoutActuallyEscaping(body) { body in
        let work = UnsafeSendableBox(body)
        DispatchQueue.concurrentPerform(iterations: count) { k in
          base.pointer[k] = work.value(k)
        }
      }
    }
    return results.map { $0! }
  }
}

/// Memory that worker threads fill in disjoint parts. Unchecked: a raw pointer, whose
/// writes the callers keep apart.
struct SharedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
  init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// A pointer handed to worker threads that each write a different element. Unchecked:
/// a raw pointer.
private struct UnsafeMutableSendablePointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T?>
  init(_ pointer: UnsafeMutablePointer<T?>) { self.pointer = pointer }
}

/// A non-escaping closure that only reads shared state, called from worker threads.
/// Unchecked: the callers' closures read unsafe pointers into memory no one writes
/// meanwhile, which the compiler cannot see.
private struct UnsafeSendableBox<T>: @unchecked Sendable {
  let value: (Int) -> T
  init(_ value: @escaping (Int) -> T) { self.value = value }
}
