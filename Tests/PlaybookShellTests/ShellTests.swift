import PlaybookLanguage
import Testing

@testable import PlaybookShell

@Suite struct ShellTests {
  func run(
    _ lines: [String?], interactive: Bool, session: RecordingSession = RecordingSession(),
    loading file: String? = nil
  ) -> (stoppedAt: [DiagnosticCode.Kind], output: CapturedOutput, input: ScriptedLines) {
    let input = ScriptedLines(lines)
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: input, printer: output.printer, isInteractive: interactive,
      sourceName: interactive ? "<shell>" : "<stdin>")
    return (shell.run(loading: file), output, input)
  }

  @Test func scriptAddsStatementsAndRunsCommands() {
    let session = RecordingSession()
    let result = run(
      ["rule a", "  when x", "", ":rules", "window 30d"], interactive: false, session: session)
    #expect(result.stoppedAt.isEmpty)
    #expect(
      session.statements == [
        TypedStatement(text: "rule a\n  when x", firstLine: 1),
        TypedStatement(text: "window 30d", firstLine: 5),
      ])
    #expect(session.commands == [.rules])
    #expect(
      result.output.out
        == "added rule a\nrule              priority\nquick_fix_thanks         5\nadded window 30d\n"
    )
    #expect(result.output.err == "")
    #expect(
      result.input.prompts.allSatisfy { $0 == Shell.prompt || $0 == Shell.continuationPrompt })
  }

  @Test func scriptStopsAtTheFirstErrorWithItsKind() {
    let session = RecordingSession()
    let result = run(
      ["window 30d", "rule a", "  when complaint resolved withn 4h", "", ":run"],
      interactive: false, session: session)
    #expect(result.stoppedAt == [.playbook])
    #expect(result.output.err == "<stdin>:2: error: unknown phrase 'withn'\n")
    #expect(session.commands == [])
  }

  @Test func scriptStopsAtACommandUsageErrorAsUsage() {
    let result = run([":run", ":lod x", ":run"], interactive: false)
    #expect(result.stoppedAt == [.usage])
    #expect(
      result.output.err == "<stdin>:2: error: unknown command ':lod'; did you mean ':load'?\n")
  }

  @Test func scriptEndingInAnOpenStatementAddsIt() {
    let session = RecordingSession()
    _ = run(["rule a", "  when x"], interactive: false, session: session)
    #expect(session.statements.map(\.text) == ["rule a\n  when x"])
  }

  @Test func scriptLeavesWithUnsavedChangesWithoutAsking() {
    let result = run(["window 30d", ":quit", "window 7d"], interactive: false)
    #expect(result.stoppedAt.isEmpty)
    #expect(result.output.err == "")
  }

  @Test func interactiveKeepsGoingAfterErrors() {
    let session = RecordingSession()
    let result = run(["rule a withn", "", ":lod", ":rules"], interactive: true, session: session)
    #expect(result.stoppedAt.isEmpty)
    #expect(session.commands == [.rules])
    #expect(result.output.err.contains("<shell>:1: error: unknown phrase 'withn'"))
    #expect(result.output.err.contains("error: unknown command ':lod'"))
  }

  @Test func interactiveStatementsAreNumberedFromTheirOwnFirstLine() {
    let session = RecordingSession()
    _ = run(
      [":rules", "window 30d", "rule a", "  when x", ""], interactive: true, session: session)
    #expect(session.statements.map(\.firstLine) == [1, 1])
    let script = RecordingSession()
    _ = run(
      [":rules", "window 30d", "rule a", "  when x", ""], interactive: false, session: script)
    #expect(script.statements.map(\.firstLine) == [2, 3])
  }

  @Test func interactivePromptsContinueWhileAStatementIsOpen() {
    let result = run(["rule a", "  when x", ""], interactive: true)
    #expect(
      Array(result.input.prompts.prefix(4)) == [
        Shell.prompt, Shell.continuationPrompt, Shell.continuationPrompt, Shell.prompt,
      ])
  }

  @Test func ctrlCDropsTheOpenStatement() {
    let session = RecordingSession()
    _ = run(["rule a", "  when x", nil, "window 30d"], interactive: true, session: session)
    #expect(session.statements.map(\.text) == ["window 30d"])
  }

  @Test func leavingWithUnsavedChangesAsksOnce() {
    let session = RecordingSession()
    let input = ScriptedLines(["window 30d"])
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: input, printer: output.printer, isInteractive: true,
      sourceName: "<shell>")
    #expect(shell.run().isEmpty)
    #expect(output.err == "warning: unsaved changes; press Ctrl-D again to leave, or :save FILE\n")
    #expect(input.prompts.count == 3)  // the line, the first Ctrl-D, the second Ctrl-D
  }

  @Test func loadingOverUnsavedChangesAsksOnce() {
    let session = RecordingSession()
    let input = ScriptedLines(["window 30d", ":load a.playbook", ":load a.playbook"])
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: input, printer: output.printer, isInteractive: true,
      sourceName: "<shell>")
    #expect(shell.run().isEmpty)
    #expect(output.err == "warning: unsaved changes; type :load again to replace them, or :save FILE\n")
    #expect(session.commands == [.load("a.playbook")])
  }

  @Test func scriptsLoadWithoutAsking() {
    let session = RecordingSession()
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: ScriptedLines(["window 30d", ":load a.playbook"]), printer: output.printer,
      isInteractive: false, sourceName: "script")
    #expect(shell.run().isEmpty)
    #expect(output.err.isEmpty)
    #expect(session.commands == [.load("a.playbook")])
  }

  @Test func ctrlDAtTheContinuationPromptEndsTheStatementNotTheShell() {
    let session = RecordingSession()
    let input = ScriptedLines(["rule a", "  when x"])
    let output = CapturedOutput()
    let shell = Shell(
      session: session, input: input, printer: output.printer, isInteractive: true,
      sourceName: "<shell>")
    #expect(shell.run().isEmpty)
    #expect(session.statements.map(\.text) == ["rule a\n  when x"])
    #expect(input.prompts.suffix(3) == [Shell.continuationPrompt, Shell.prompt, Shell.prompt])
    #expect(output.err == "warning: unsaved changes; press Ctrl-D again to leave, or :save FILE\n")
  }

  @Test func quitAsksOnceWithUnsavedChangesThenLeaves() {
    let session = RecordingSession()
    let result = run(
      ["window 30d", ":quit", ":quit", "window 7d"], interactive: true, session: session)
    #expect(result.stoppedAt.isEmpty)
    #expect(result.output.err == "warning: unsaved changes; type :quit again to leave, or :save FILE\n")
    #expect(session.statements.count == 1)
  }

  @Test func savedSessionLeavesAtOnce() {
    let result = run(["window 30d", ":save x.playbook", ":quit", "window 7d"], interactive: true)
    #expect(result.output.err == "")
    #expect(result.input.prompts.count == 3)
  }

  @Test func helpIsAnsweredByTheShell() {
    let session = RecordingSession()
    let result = run([":help", ":help sample"], interactive: false, session: session)
    #expect(session.commands == [])
    #expect(result.output.out.hasPrefix(CommandCatalog.overview() + "\n"))
    #expect(
      result.output.out.hasSuffix(
        CommandCatalog.help(for: CommandCatalog.spec(named: "sample")!) + "\n"))
  }

  @Test func fileIsLoadedFirst() {
    let session = RecordingSession()
    #expect(run([":run"], interactive: false, session: session, loading: "x.playbook").stoppedAt.isEmpty)
    #expect(session.commands == [.load("x.playbook"), .run])
    #expect(run([":run"], interactive: false, loading: "missing.playbook").stoppedAt == [.input])
  }

  @Test func historyHoldsWholeStatementsAndCommands() {
    let result = run(["rule a", "  when x", "", ":rules", "", "window 30d"], interactive: true)
    #expect(result.input.remembered == ["rule a\n  when x", ":rules", "window 30d"])
  }

  @Test func recalledMultiLineEntryIsSplitIntoLines() {
    let session = RecordingSession()
    _ = run(["rule a\n  when x", ""], interactive: true, session: session)
    #expect(session.statements == [TypedStatement(text: "rule a\n  when x", firstLine: 1)])
  }

  @Test func completionUsesTheSessionVocabularyAndOpenStatement() {
    let shell = Shell(
      session: RecordingSession(), input: ScriptedLines([]), isInteractive: true,
      sourceName: "<shell>")
    #expect(shell.complete(":explain C-1 q", cursor: 14).candidates == ["quick_fix_thanks"])
  }
}
