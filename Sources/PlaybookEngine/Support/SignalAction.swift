#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A process's signal handlers, set with `sigaction`: the programs catch Ctrl-C (the
/// shell) and the signals that stop a run while a child works for it (`spark-sql`).
/// A handler runs in signal context: it may only touch atomics and make async-signal-safe
/// calls.
public enum SignalAction {
  /// Makes `handler` the action for `number` and returns the action it replaces.
  /// `restartingCalls`: whether a system call the signal interrupts is restarted
  /// (`SA_RESTART`) or returns `EINTR`, which a reader waiting in `poll` needs to wake.
  @discardableResult
  public static func install(_ handler: @convention(c) (Int32) -> Void, for number: Int32, restartingCalls: Bool)
    -> sigaction
  {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = restartingCalls ? Int32(SA_RESTART) : 0
    var previous = sigaction()
    sigaction(number, &action, &previous)
    return previous
  }

  /// Puts back an action `install` returned.
  public static func restore(_ action: sigaction, for number: Int32) {
    var action = action
    sigaction(number, &action, nil)
  }
}
