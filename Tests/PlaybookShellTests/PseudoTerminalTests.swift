import Foundation
import PlayloopTestSupport
import Testing

/// Proves the pseudo-terminal harness with `cat`: a terminal in cooked mode echoes what
/// is typed and turns Ctrl-C and Ctrl-D into a signal and an end of file.
@Suite(.serialized) struct PseudoTerminalTests {
  let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"]

  @Test func typedTextIsEchoedAndCatRepeatsIt() throws {
    let terminal = try PseudoTerminal("/bin/cat", environment: environment)
    terminal.send("café ✓\tend\r")
    try terminal.expect("café ✓\tend\n")  // the terminal's echo
    try terminal.expect("café ✓\tend\n")  // cat's copy
    terminal.send("\u{4}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func ctrlCInterruptsTheChild() throws {
    let terminal = try PseudoTerminal("/bin/cat", environment: environment)
    terminal.send("half a line")
    try terminal.expect("half a line")
    terminal.send("\u{3}")
    #expect(terminal.waitForExit() == 128 + SIGINT)
  }

  @Test func theChildHasItsOwnSessionAndTerminalSize() throws {
    let terminal = try PseudoTerminal(
      "/bin/sh", arguments: ["-c", "stty size; echo session $(cut -d' ' -f6 /proc/$$/stat)."],
      environment: environment, columns: 100, rows: 30)
    try terminal.expect("30 100\n")
    #expect(try terminal.expect(".").hasSuffix("session \(terminal.pid)."))
    #expect(terminal.waitForExit() == 0)
  }

  /// A pipe the test process holds open (as another test's child stdin would be) is not
  /// inherited: the child has its terminal as 0, 1 and 2 and nothing else but what `ls`
  /// opens itself.
  @Test func theChildInheritsNoOtherDescriptor() throws {
    let held = Pipe()
    let terminal = try PseudoTerminal(
      "/bin/sh", arguments: ["-c", "echo $(ls /proc/self/fd) end"], environment: environment)
    let shown = try terminal.expect(" end")
    #expect(terminal.waitForExit() == 0)
    let listed = Set(shown.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) })
    #expect(listed.isSuperset(of: [0, 1, 2]))
    #expect(listed.subtracting([0, 1, 2, 3]).isEmpty, "\(listed.sorted())")
    withExtendedLifetime(held) {}
  }

  @Test func aWedgedChildIsKilledAtTheDeadline() throws {
    let terminal = try PseudoTerminal("/bin/sleep", arguments: ["30"], environment: environment)
    #expect(throws: PseudoTerminal.Timeout.self) { try terminal.expect("never", within: 0.2) }
    #expect(terminal.waitForExit(within: 0.2) == 128 + SIGKILL)
  }
}
