import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// Deciding again after an edit runs on all cores once there are enough customers; the
/// partitions joined must equal a full run, and the impact must be the two full runs'.
@Suite struct IncrementalRunPartitionsTests {
  @Test func editsOverManyCustomersDecideAsAFullRunAndTheirImpactMatches() throws {
    try ScratchFolder.with("partitions") { folder in
      try Fixtures.generateData(["--customers", "20000", "--seed", "7"], into: folder.path)
      let text = try Fixtures.serviceRecovery(loadingFrom: folder.path)
      let base = try Workspace.open(source: SourceFile(path: folder.path("p.playbook"), text: text), baseDirectory: ".")
      #expect(base.dataset.customers.rowCount == 20_000)
      var current = text
      var previous = try #require(
        IncrementalRun.evaluate(base, clock: Fixtures.clock, dataVersion: 1, previous: nil))
      for (old, new) in [
        ("resolved within 4h", "resolved within 12h"), ("rule evangelist", "rule evangelist priority 40"),
      ] {
        current = current.replacingOccurrences(of: old, with: new)
        let source = SourceFile(path: base.source.path, text: current)
        let (playbook, _) = PlaybookParser.parse(source)
        let workspace = try Workspace.open(
          playbook: playbook, source: source, baseDirectory: ".", reuse: base.dataset)
        let next = try #require(
          IncrementalRun.evaluate(workspace, clock: Fixtures.clock, dataVersion: 1, previous: previous))
        let full = CampaignRun(workspace: workspace, clock: Fixtures.clock).decisions
        #expect(next.evaluatedRules.count == 1)
        #expect(next.decisions == full)
        let diff = DecisionDiff(before: previous.decisionList, after: next.decisionList)
        let fullBefore = DecisionList(numbering: previous.decisions, in: base.dataset, offers: [])
        let fullAfter = DecisionList(numbering: full, in: base.dataset, offers: [])
        #expect(diff.changes.count == DecisionDiff(before: fullBefore, after: fullAfter).changes.count)
        #expect(!diff.changes.isEmpty)
        previous = next
      }
    }
  }
}
