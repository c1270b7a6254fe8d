#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `playloop` binary's test-only crash hook: with `PLAYLOOP_CRASH_AT=<phase>` (a
/// `LedgerPhase` raw value such as `pending-write`) in the environment, the process
/// kills itself with SIGKILL on reaching that phase, exactly as `kill -9` would; with
/// `PLAYLOOP_STOP_AT=<phase>` it stops itself with SIGSTOP there, as a stalled run would,
/// until a SIGCONT. The end-to-end tests use it to kill a run at every point and to hold
/// a ledger's lock from another process; without the variables it does nothing.
public enum CrashHook {
  /// The hook for `environment` (usually the process's): it kills the process at the phase
  /// named by `PLAYLOOP_CRASH_AT`, stops it at the one named by `PLAYLOOP_STOP_AT`, and
  /// does nothing when the variables are unset or name no phase.
  public static func from(environment: [String: String]) -> PhaseHook {
    let crash = environment["PLAYLOOP_CRASH_AT"].flatMap(LedgerPhase.init(rawValue:))
    let stop = environment["PLAYLOOP_STOP_AT"].flatMap(LedgerPhase.init(rawValue:))
    guard crash != nil || stop != nil else { return { _ in } }
    return { phase in
      if phase == crash { kill(getpid(), SIGKILL) }
      if phase == stop { kill(getpid(), SIGSTOP) }
    }
  }
}
