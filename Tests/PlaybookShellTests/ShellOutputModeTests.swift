import Foundation
import PlaybookReporting
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// `:mode`, `:x` and `:pager` belong to the shell: they change how every later result
/// prints, and the session never sees them.
@Suite struct ShellOutputModeTests {
  func run(_ lines: [String], session: RecordingSession = RecordingSession(), pager: Pager? = nil) -> CapturedOutput {
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: ScriptedLines(lines), printer: output.printer, isInteractive: true,
      sourceName: "<shell>", width: { 80 }, pager: pager)
    _ = shell.run()
    return output
  }

  @Test func modeAppliesToTablesAndNotMessagesAndTheSessionNeverSeesIt() {
    let session = RecordingSession()
    let output = run(
      [":mode", ":mode csv", ":rules", ":mode json", ":rules", ":x", ":mode table", ":rules"], session: session)
    #expect(session.commands == [.rules, .rules, .rules])
    #expect(
      output.out == """
        Type :help for commands; Ctrl-D leaves.
        mode table
        mode csv
        rule,priority\r
        quick_fix_thanks,5\r
        mode json
        [{"rule":"quick_fix_thanks","priority":5}]
        expanded display is on (it applies in table mode; :mode table)
        mode table (expanded on)
        -[ RECORD 1 ]--------------
        rule     | quick_fix_thanks
        priority | 5


        """)
  }

  @Test func tallResultsGoThroughThePagerAndShortOnesDoNot() throws {
    let folder = try ScratchFolder("pager")
    let file = folder.path("paged")
    let pager = Pager(command: "cat > '\(file)'", rows: { 3 })
    let session = RecordingSession()
    let short = run([":rules"], session: session, pager: pager)
    #expect(short.out.contains("quick_fix_thanks         5\n"))
    #expect(!FileManager.default.fileExists(atPath: file))
    let tall = run([":rules", ":rules"], session: session, pager: Pager(command: "cat > '\(file)'", rows: { 2 }))
    #expect(!tall.out.contains("quick_fix_thanks"))
    #expect(
      try String(contentsOfFile: file, encoding: .utf8) == "rule              priority\nquick_fix_thanks         5\n")
    let off = run([":pager off", ":rules"], session: session, pager: Pager(command: "false", rows: { 2 }))
    #expect(off.out.contains("pager is off\nrule              priority\nquick_fix_thanks         5\n"))
    #expect(run([":pager"]).out.contains("pager is on (but there is none here: no terminal, or $PAGER is empty)\n"))
  }

  @Test func aPagerTheShellCannotFindFallsBackToPrinting() {
    let output = run([":rules"], pager: Pager(command: "no-such-pager-here 2>/dev/null", rows: { 2 }))
    #expect(output.out.contains("quick_fix_thanks         5\n"))
  }

  @Test func theEnvironmentChoosesThePager() {
    let rows: @Sendable () -> Int = { 24 }
    #expect(Pager.from(environment: [:], rows: rows)?.command == "less -FRX")
    #expect(Pager.from(environment: ["PAGER": "more"], rows: rows)?.command == "more")
    #expect(Pager.from(environment: ["PAGER": "more", "PLAYLOOP_PAGER": "most"], rows: rows)?.command == "most")
    #expect(Pager.from(environment: ["PAGER": ""], rows: rows) == nil)
    #expect(Pager.from(environment: ["PAGER": "more", "PLAYLOOP_PAGER": " "], rows: rows) == nil)
  }

  @Test func heightCountsWrappedLines() {
    let pager = Pager(command: "cat", rows: { 4 })
    #expect(!pager.isTaller("a\nb\nc\n", width: 80))
    #expect(pager.isTaller("a\nb\nc\nd\n", width: 80))
    #expect(pager.isTaller(String(repeating: "x", count: 200) + "\nb\n", width: 80))
  }
}
