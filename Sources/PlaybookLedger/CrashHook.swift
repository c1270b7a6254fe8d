#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `playloop` binary's test-only crash hook: with `PLAYLOOP_CRASH_AT=<phase>` (a
/// `LedgerPhase` raw value such as `pending-write`) in the environment, the process
/// kills itself with SIGKILL on reaching that phase, exactly as `kill -9` would. The
/// end-to-end tests use it to kill a run at every point; without the variable it does
/// nothing.
public enum CrashHook {
  /// The hook for `environment` (usually the process's): it kills the process at the phase
  /// named by `PLAYLOOP_CRASH_AT`, and does nothing when the variable is unset or names no phase.
  public static func from(environment: [String: String]) -> PhaseHook {
    guard let name = environment["PLAYLOOP_CRASH_AT"], let target = LedgerPhase(rawValue: name) else {
      return { _ in }
    }
    return { phase in
      if phase == target { kill(getpid(), SIGKILL) }
    }
  }
}
