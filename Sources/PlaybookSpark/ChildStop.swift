import Foundation
import PlaybookEngine
import Synchronization

/// The child to stop and the signal that stopped it: atomics, the only state a signal
/// handler may touch.
private let stoppedChild = Atomic<Int32>(0)
private let stoppingSignal = Atomic<Int32>(0)

/// While a child process runs for this one, the signals that stop a run (SIGINT from
/// Ctrl-C, SIGTERM from a job's timeout, SIGHUP) stop the child too, rather than leaving
/// it to run on for nobody: `spark-sql` is a JVM that a signal to its parent alone does
/// not reach. The signal is remembered, so that the caller cleans up and then ends as it
/// says. Handlers, not ignored signals: the child must get the default dispositions back
/// at `exec`, and an ignored signal would stay ignored there. One child at a time.
enum ChildStop {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Runs `process` to its end with the stopping signals passed on to it as SIGTERM;
  /// returns the signal that stopped it, if one did. Throws what `run()` throws.
  static func run(_ process: Process) throws -> Int32? {
    stoppingSignal.store(0, ordering: .relaxed)
    stoppedChild.store(0, ordering: .relaxed)
    let handler: @convention(c) (Int32) -> Void = { number in
      _ = stoppingSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
      let child = stoppedChild.load(ordering: .relaxed)
      if child > 0 { kill(child, SIGTERM) }
    }
    let previous = signals.map { SignalAction.install(handler, for: $0, restartingCalls: true) }
    defer { for (number, action) in zip(signals, previous) { SignalAction.restore(action, for: number) } }
    try process.run()
    stoppedChild.store(process.processIdentifier, ordering: .relaxed)
    // A signal that came before the child's number was known.
    if stoppingSignal.load(ordering: .relaxed) != 0 { process.terminate() }
    process.waitUntilExit()
    stoppedChild.store(0, ordering: .relaxed)
    let number = stoppingSignal.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }

  /// Ends this process as `number` would have, had it not been caught: the shell or the
  /// scheduler that sent it sees the signal, not an exit status.
  static func endAsTold(by number: Int32) -> Never {
    signal(number, SIG_DFL)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, number)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    raise(number)
    exit(128 + number)
  }
}
