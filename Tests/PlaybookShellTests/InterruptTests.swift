import Testing

@testable import PlaybookShell

#if canImport(Glibc)
  import Glibc
#endif

/// The SIGINT handler, in this process: it touches process-wide signal state.
@Suite(.serialized) struct InterruptTests {
  @Test func ctrlCSetsTheFlagAndClearForgetsIt() {
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
