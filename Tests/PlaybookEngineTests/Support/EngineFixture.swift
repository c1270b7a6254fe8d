import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport

/// A playbook and its data files written to a fresh temporary folder, opened as a
/// workspace: the engine tests' way to state a scenario in a few lines.
struct EngineFixture {
  /// Holds the files while the fixture lives (a test block may load one when run).
  let folder: ScratchFolder
  let workspace: Workspace
  var directory: String { folder.path }

  /// `files` maps file names to contents; `playbook` may name them with relative paths.
  init(playbook: String, files: [String: String]) throws {
    folder = try ScratchFolder("engine", files: files)
    let path = try folder.write(playbook, to: "test.playbook")
    do {
      workspace = try Workspace.open(path: path)
    } catch {
      let renderer = DiagnosticRenderer(sources: [path: playbook])
      throw FixtureError(message: error.diagnostics.map(renderer.render).joined(separator: "\n"))
    }
  }

  struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// Runs at the playbook's clock.
  func run() -> CampaignRun {
    CampaignRun(workspace: workspace, clock: workspace.clock(override: nil, now: 0))
  }

  /// `customer offer status` for each decision, sorted: a compact, readable result.
  func outcomes() -> [String] {
    run().decisions.map { "\($0.customerID) \($0.offer) \($0.status.rawValue)" }.sorted()
  }

  /// The playbook header every scenario shares: clock, customers and tickets.
  static let header = """
    playbook "Test"
    as of 2026-11-01T00:00:00Z
    load customers from "customers.csv"
    load tickets from "tickets.csv"
    define complaint = ticket where ticket.kind == "complaint"
    channel email address customer.email requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in
    offer A "Offer A" valid 10d
    offer B "Offer B" valid 10d

    """

  static let customers = """
    id,email,phone,email_opt_in,sms_opt_in,tier,lifetime_value
    C-1,one@example.com,+15550000001,true,true,gold,1500
    C-2,,+15550000002,false,true,silver,200
    C-3,three@example.com,,false,false,bronze,
    C-4,four@example.com,+15550000004,true,false,gold,50

    """
}
