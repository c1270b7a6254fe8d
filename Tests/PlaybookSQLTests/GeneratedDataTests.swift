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
  static let playbooks = ["service-recovery", "churn-risk", "first-response"]

  @Test(arguments: playbooks, [false, true])
  func generatedDataGivesTheEngineCandidates(_ name: String, _ flaws: Bool) throws {
    let (workspace, folder) = try Self.workspace(name, flaws: flaws)
    defer { folder.remove() }
    let run = try Differential(workspace, clock: workspace.model.clock ?? 0, timeZone: "America/New_York")
    #expect(run.engine.count > 20)
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }

  /// The shipped playbook `name` as shipped, reading generated files instead of Examples/data.
  static func workspace(_ name: String, flaws: Bool) throws -> (Workspace, ScratchFolder) {
    let folder = try ScratchFolder("sql-generated")
    let generate = try ChildProcess.run(
      BuiltProduct.playloopData,
      ["--customers", customers, "--seed", "7", "--out", folder.path] + (flaws ? ["--flaws"] : []))
    guard generate.status == 0 else {
      throw DifferentialDatabase.Failure(description: "playloop-data: \(generate.stderr)")
    }
    let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
      .replacingOccurrences(of: "../Examples/data/", with: folder.path + "/")
    try text.write(toFile: folder.path + "/\(name).playbook", atomically: true, encoding: .utf8)
    return (try Workspace.open(path: folder.path + "/\(name).playbook", maxSetAside: 1), folder)
  }
}
