import Foundation
import Testing

@testable import PlaybookEngine

@Suite struct ExportPerfProbe {
  @Test func million() throws {
    let offers = ["THANKS10", "SORRY25", "REFER20", "STAY15"]
    let statuses = DecisionStatus.allCases
    var decisions: [Decision] = []
    decisions.reserveCapacity(1_000_000)
    for i in 0..<1_000_000 {
      var d = ExportFixtures.decision("C-\(1_000_000 + i / 2)", "rule_\(i % 4)", offers[i % 4], trigger: "T-\(i)", status: statuses[i % 5])
      d.sendAt += Int64(i % 90) * 86_400
      decisions.append(d)
    }
    decisions.sort(by: DecisionOrder.precedes)
    for format in ExportFormat.allCases {
      try ExportFixtures.withScratchFolder { folder in
        let start = ContinuousClock.now
        let summary = RunSummary(playbook: "p", clock: 0, window: nil, tables: [], counts: DecisionCounts([], rules: [], offers: offers))
        try CampaignExporter.stage(decisions, summary: summary, to: ExportTarget(directory: "\(folder)/out", format: format)).commit()
        print("PERF \(format) 1M decisions: \(ContinuousClock.now - start)")
        let shuffled = decisions.shuffled()
        let s2 = ContinuousClock.now
        _ = DecisionOrder.sorted(shuffled)
        print("PERF sort shuffled 1M: \(ContinuousClock.now - s2)")
      }
    }
  }
}
