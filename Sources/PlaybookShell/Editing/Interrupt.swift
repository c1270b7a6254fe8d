import PlaybookEngine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one flag Ctrl-C sets. The handler only stores to atomics and writes a byte to a
/// pipe, both safe in a signal handler.
private let interruptFlag = Atomic<Bool>(false)
/// The ends of the wake-up pipe, -1 until `install()`.
private let wakeReadEnd = Atomic<Int32>(-1)
private let wakeWriteEnd = Atomic<Int32>(-1)

/// Ctrl-C (SIGINT), as a flag the session can poll while it works.
enum Interrupt {
  /// True when Ctrl-C was pressed since the shell last cleared the flag.
  static var requested: Bool { interruptFlag.load(ordering: .relaxed) }

  /// Forgets an earlier Ctrl-C; the shell calls this before each prompt and command.
  static func clear() { interruptFlag.store(false, ordering: .relaxed) }

  /// The read end of a pipe that becomes readable on Ctrl-C, so a reader waiting in
  /// `poll` wakes even when the signal arrived just before it started waiting.
  static var wakeDescriptor: Int32 { wakeReadEnd.load(ordering: .relaxed) }

  /// Installs the SIGINT handler: `sigaction` without `SA_RESTART`, so a blocked
  /// `poll` or `read` returns `EINTR`. Idempotent.
  static func install() {
    if wakeDescriptor < 0 {
      var ends: [Int32] = [-1, -1]
      if pipe(&ends) == 0 {
        for end in ends {
          _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
          _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReadEnd.store(ends[0], ordering: .relaxed)
        wakeWriteEnd.store(ends[1], ordering: .relaxed)
      }
    }
    let handler: @convention(c) (Int32) -> Void = { _ in
      interruptFlag.store(true, ordering: .relaxed)
      var byte: UInt8 = 1
      _ = write(wakeWriteEnd.load(ordering: .relaxed), &byte, 1)
    }
    SignalAction.install(handler, for: SIGINT, restartingCalls: false)
  }

  /// Empties the wake-up pipe.
  static func drainWakeups() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
  }
}
