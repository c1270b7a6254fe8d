import Testing

@testable import PlaybookShell

#if canImport(Glibc)
  import Glibc
#endif

/// The SIGINT handler, in this process: it touches process-wide signal state.
@Suite(.serialized) struct InterruptTests {
  @Test func ctrlCSetsTheFlagAndClearForgetsIt() {
    // Put back the test process's own SIGINT handling afterwards, so Ctrl-C still
    // stops `swift test`.
    var original = sigaction()
    sigaction(SIGINT, nil, &original)
    defer { sigaction(SIGINT, &original, nil) }
    Interrupt.install()
    Interrupt.clear()
    #expect(!Interrupt.requested)
    // The test thread may block SIGINT; unblock it so raise() runs the handler now.
    var only = sigset_t()
    var previous = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &only, &previous)
    raise(SIGINT)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    #expect(Interrupt.requested)
    Interrupt.clear()
    #expect(!Interrupt.requested)
  }

  @Test func historyPathPrefersTheEnvironmentVariable() {
    #expect(
      LineEditor.defaultHistoryPath(environment: ["PLAYLOOP_HISTORY": "/tmp/h", "HOME": "/home/m"])
        == "/tmp/h")
    #expect(
      LineEditor.defaultHistoryPath(environment: ["HOME": "/home/m"]) == "/home/m/.playloop_history"
    )
    #expect(LineEditor.defaultHistoryPath(environment: ["PLAYLOOP_HISTORY": ""]) == nil)
  }
}
