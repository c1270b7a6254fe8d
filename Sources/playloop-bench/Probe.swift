import Dispatch
import MallocCounter

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one phase cost: wall time, the process's peak resident memory during it, and
/// the heap in use at its end.
struct PhaseCost: Sendable {
  var milliseconds: Double
  /// Peak resident set during the phase (VmHWM after resetting it), in bytes; the
  /// process's lifetime peak (ru_maxrss) where the reset is not possible.
  var peakBytes: Int
  /// Heap bytes in use when the phase ended (glibc's mallinfo2), nil where unknown.
  var heapBytes: Int? = nil
  /// malloc, calloc and realloc calls during the phase, and the bytes they asked for
  /// (nil where they are not counted).
  var allocations: Int? = nil
  var allocatedBytes: Int? = nil
}

/// Measures phases of this process.
enum Probe {
  /// Runs `body`, timing it and tracking the memory it peaks at.
  static func measure<T>(_ body: () throws -> T) rethrows -> (T, PhaseCost) {
    let resettable = resetPeak()
    let calls = malloc_counter_calls()
    let bytes = malloc_counter_bytes()
    let started = DispatchTime.now()
    let value = try body()
    let ended = DispatchTime.now()
    let ms = Double(ended.uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
    let peak = (resettable ? statusBytes("VmHWM:") : nil) ?? maxResidentBytes()
    let counted = malloc_counter_calls() > 0
    let inUse = Int(malloc_counter_in_use())
    return (
      value,
      PhaseCost(
        milliseconds: ms, peakBytes: peak, heapBytes: inUse > 0 ? inUse : nil,
        allocations: counted ? Int(malloc_counter_calls() - calls) : nil,
        allocatedBytes: counted ? Int(malloc_counter_bytes() - bytes) : nil)
    )
  }

  /// Times `body` run `times` times and keeps the fastest run (the least disturbed by
  /// other work on a shared machine) and the last run's value.
  static func fastest<T>(of times: Int, _ body: () throws -> T) rethrows -> (T, PhaseCost) {
    var best: (T, PhaseCost)? = nil
    for _ in 0..<max(1, times) {
      let run = try measure(body)
      if best == nil || run.1.milliseconds < best!.1.milliseconds { best = run }
    }
    return best!
  }

  /// Times `body` run `times` times and keeps the median run (what an interactive user
  /// meets on a shared machine) and the last run's value.
  static func median<T>(of times: Int, _ body: () throws -> T) rethrows -> (T, PhaseCost) {
    var runs: [PhaseCost] = []
    var value: T? = nil
    for _ in 0..<max(1, times) {
      let run = try measure(body)
      runs.append(run.1)
      value = run.0
    }
    return (value!, runs.sorted { $0.milliseconds < $1.milliseconds }[runs.count / 2])
  }

  /// Linux resets the peak resident set (VmHWM) when "5" is written to clear_refs.
  private static func resetPeak() -> Bool {
    #if os(Linux)
      let fd = open("/proc/self/clear_refs", O_WRONLY)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      return write(fd, "5", 1) == 1
    #else
      return false
    #endif
  }

  /// A `kB` figure from /proc/self/status, in bytes.
  static func statusBytes(_ field: String) -> Int? {
    #if os(Linux)
      guard let file = fopen("/proc/self/status", "r") else { return nil }
      defer { fclose(file) }
      var line = [CChar](repeating: 0, count: 256)
      while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard text.hasPrefix(field) else { continue }
        let digits = text.dropFirst(field.count).filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
      }
    #endif
    return nil
  }

  /// The lifetime peak resident set (getrusage), in bytes.
  static func maxResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return usage.ru_maxrss * 1024
    #else
      getrusage(RUSAGE_SELF, &usage)
      return usage.ru_maxrss
    #endif
  }
}
