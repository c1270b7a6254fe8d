import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one flag Ctrl-C sets. The handler only stores to an atomic, which is safe in a
/// signal handler; the prompt and long commands read it.
private let interruptFlag = Atomic<Bool>(false)

/// Ctrl-C (SIGINT), as a flag the session can poll while it works.
public enum Interrupt {
  /// True when Ctrl-C was pressed since the shell last cleared the flag.
  public static var requested: Bool { interruptFlag.load(ordering: .relaxed) }

  /// Forgets an earlier Ctrl-C; the shell calls this before each prompt and command.
  public static func clear() { interruptFlag.store(false, ordering: .relaxed) }

  /// Installs the SIGINT handler: `sigaction` without `SA_RESTART`, so a blocked read
  /// (libedit's included) returns `EINTR` and the prompt can drop the line.
  static func install() {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
    #else
      action.__sigaction_u.__sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
