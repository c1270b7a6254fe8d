import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// `:undo` and `:redo` over the session's edits, and the impact each edit shows, on the
/// real engine: the session's decisions are compared with a full run's.
@Suite struct EngineSessionHistoryTests {
  func session() -> EngineSession {
    let session = EngineSession(now: { Fixtures.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    return session
  }

  func messages(_ output: ShellOutput) -> [String] {
    output.blocks.compactMap { if case .message(let text) = $0 { text } else { nil } }
  }

  /// What a full run of the session's playbook decides now.
  func fullRun(_ session: EngineSession) throws -> [Decision] {
    let workspace = try #require(session.workspace)
    return CampaignRun(workspace: workspace, clock: session.clock).decisions
  }

  /// The session's own decisions (its incremental run), brought up to date.
  func sessionDecisions(_ session: EngineSession) throws -> [Decision] {
    try #require(session.upToDateRun()).decisions
  }

  @Test func undoRestoresExactlyTheDecisionsOfEveryStepAndRedoReplaysThem() throws {
    let session = session()
    var steps = [try fullRun(session)]
    let edits: [(EngineSession) -> ShellOutput] = [
      {
        $0.add(
          TypedStatement(
            text: "rule big_thanks priority 30\n  when complaint resolved within 48h\n  send THANKS10 via email",
            firstLine: 1), sourceName: "<shell>")
      },
      { $0.run(.drop("evangelist")) },
      { $0.run(.asOf("2026-11-04T00:00:00Z")) },
      { $0.add(TypedStatement(text: "limit 2 per customer per 7d", firstLine: 1), sourceName: "<shell>") },
    ]
    for edit in edits {
      let output = edit(session)
      #expect(!output.failed)
      let decisions = try fullRun(session)
      #expect(decisions != steps.last, "each edit changes some decision")
      #expect(try sessionDecisions(session) == decisions)
      steps.append(decisions)
    }
    for expected in steps.dropLast().reversed() {
      let output = session.run(.undo)
      #expect(messages(output).first?.hasPrefix("undone: ") == true)
      #expect(try sessionDecisions(session) == expected)
      #expect(try fullRun(session) == expected)
    }
    #expect(session.run(.undo).failed)
    #expect(!session.hasUnsavedChanges)
    for expected in steps.dropFirst() {
      #expect(messages(session.run(.redo)).first?.hasPrefix("redone: ") == true)
      #expect(try sessionDecisions(session) == expected)
    }
    #expect(session.run(.redo).failed)
  }

  @Test func undoingPastASaveLeavesUnsavedChanges() throws {
    try ScratchFolder.with("undo-save") { folder in
      let session = session()
      #expect(!session.run(.drop("evangelist")).failed)
      #expect(!session.run(.save(folder.path("saved.playbook"))).failed)
      #expect(!session.hasUnsavedChanges)
      #expect(!session.run(.undo).failed)
      #expect(session.hasUnsavedChanges)
      #expect(!session.run(.redo).failed)
      #expect(!session.hasUnsavedChanges)
    }
  }

  @Test func anEditAfterUndoClearsTheRedoStepsAndLoadStartsANewHistory() {
    let session = session()
    #expect(session.run(.drop("evangelist")).failed == false)
    #expect(messages(session.run(.undo)).first == "undone: dropped rule evangelist")
    #expect(!session.run(.drop("cancel_risk")).failed)
    #expect(session.run(.redo).failed)
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    #expect(session.run(.undo).failed)
  }

  @Test func theImpactOfAnEditIsTheDifferenceBetweenTheTwoFullRuns() throws {
    let session = session()
    let before = try fullRun(session)
    let output = session.run(.drop("slow_fix_apology"))
    let after = try fullRun(session)
    let lost = Set(before.filter { $0.offer == "SORRY25" && $0.status == .send }.map(\.customerID))
    #expect(lost.count > 0)
    #expect(after.allSatisfy { $0.offer != "SORRY25" })
    let shown = messages(output).dropFirst().joined(separator: "\n")
    #expect(shown.contains("SORRY25   send \(lost.count) → 0 (-\(lost.count))"))
    #expect(messages(session.run(.asOf("2026-11-01T00:00:00Z"))).last == "no change in decisions")
  }
}
