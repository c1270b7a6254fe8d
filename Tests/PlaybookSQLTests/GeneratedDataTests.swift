import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// The compiling shipped playbooks on data from `playloop-data`, clean and with its
/// flaws (rows set aside, a bad number, cut-off JSON): PLAYLOOP_SQL_CUSTOMERS customers,
/// 2,000 unless set (100,000 to compare at the prototype's size).
@Suite struct GeneratedDataTests {
  static let customers = ProcessInfo.processInfo.environment["PLAYLOOP_SQL_CUSTOMERS"] ?? "2000"

  @Test(arguments: ["service-recovery", "churn-risk", "first-response"], [false, true])
  func generatedDataGivesTheEngineCandidates(_ name: String, _ flaws: Bool) throws {
    let folder = try ScratchFolder("sql-generated")
    defer { folder.remove() }
    let generate = try ChildProcess.run(
      BuiltProduct.playloopData,
      ["--customers", Self.customers, "--seed", "7", "--out", folder.path] + (flaws ? ["--flaws"] : []))
    #expect(generate.status == 0, "\(generate.stderr)")
    // The playbook as shipped, reading the generated files instead of Examples/data.
    let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
      .replacingOccurrences(of: "../Examples/data/", with: folder.path + "/")
    try text.write(toFile: folder.path + "/\(name).playbook", atomically: true, encoding: .utf8)
    let workspace = try Workspace.open(path: folder.path + "/\(name).playbook", maxSetAside: 1)
    let run = try Differential(workspace, clock: workspace.model.clock ?? 0, timeZone: "America/New_York")
    #expect(run.engine.count > 20)
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }
}
