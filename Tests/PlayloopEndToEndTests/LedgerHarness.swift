import Foundation
import PlayloopTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `playloop` binary over a generated data set with a send ledger, and
/// reads back what it left: the export folder and `playloop ledger --json`.
///
/// The binaries are the package's own build products (`BuiltProduct`).
struct LedgerHarness {

  /// The data set, generated once into a folder named for its options (the same options
  /// give the same bytes), so test processes share it; written beside and renamed into place.
  static let data: String = {
    let folder = NSTemporaryDirectory() + "playloop-ledger-data-300-7"
    if !FileManager.default.fileExists(atPath: folder) {
      let scratch = folder + ".\(getpid())"
      do {
        try Fixtures.generateData(["--customers", "300", "--seed", "7"], into: scratch)
      } catch {
        preconditionFailure("\(error)")
      }
      if rename(scratch, folder) != 0 { try? FileManager.default.removeItem(atPath: scratch) }
    }
    return folder
  }()

  /// The brief's example playbook over the generated data, with a per-week limit so the
  /// ledger's counts matter across days.
  static func playbook(name: String = "Service recovery loop") -> String {
    """
    playbook "\(name)"
    window 30d

    load customers from "\(data)/customers.csv"
    load tickets from "\(data)/tickets.csv" link customer_id
    load orders from "\(data)/orders.csv" link customer_id
    load calls from "\(data)/calls.jsonl" link customer_id
      with opened = started_at

    define complaint = ticket where ticket.kind == "complaint"
    segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"

    channel email address customer.email requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in

    offer THANKS10 "10% off your next order" valid 30d
    offer SORRY25 "25% off, and our apologies" valid 14d
    offer REFER20 "Give $20, get $20" valid 60d
    offer STAY15 "15% off if you stay with us" valid 21d

    rule quick_fix_thanks priority 5
      when complaint resolved within 4h and complaint.csat >= 4
      send THANKS10 via email after 1d

    rule slow_fix_apology priority 10
      when complaint resolved after 72h or complaint open for 72h
      send SORRY25 via email, sms after 2h

    rule evangelist
      when ticket.csat == 5 and customer in vip
      unless count(complaint in last 90d) > 1
      send REFER20 via email after 3d

    rule cancel_risk priority 20
      when call.transcript contains any ["cancel", "switch", "competitor"]
      send STAY15 via sms, email

    limit 2 per customer per 7d
    holdout 5%
    ledger "state/sends.ledger"
    export to "out" as csv

    """
  }

  /// Clocks of consecutive nightly runs (the data ends at 2026-11-01).
  static let clocks = ["2026-10-20T00:00:00Z", "2026-10-21T00:00:00Z", "2026-10-24T00:00:00Z"]

  let folder: String
  var ledgerPath: String { folder + "/state/sends.ledger" }
  var exportPath: String { folder + "/out" }

  /// A fresh folder holding the playbook (its ledger and export go beside it).
  static func with(playbook: String = LedgerHarness.playbook(), _ body: (LedgerHarness) throws -> Void) throws {
    try ScratchFolder.with("ledger-e2e") { scratch in
      try FileManager.default.createDirectory(atPath: scratch.path("state"), withIntermediateDirectories: true)
      try scratch.write(playbook, to: "nightly.playbook")
      try body(LedgerHarness(folder: scratch.path))
    }
  }

  /// `playloop run nightly.playbook --as-of CLOCK …`, waiting for it.
  func run(_ clock: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ChildProcess {
    try ChildProcess.playloop(
      ["run", "nightly.playbook", "--as-of", clock] + extra, in: folder, environment: environment)
  }

  /// The same, started and returned at once.
  func start(_ clock: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ChildProcess {
    try ChildProcess(
      BuiltProduct.playloop, ["run", "nightly.playbook", "--as-of", clock] + extra, in: folder,
      environment: environment)
  }

  /// What the run left: every export file (`summary.json` without `timings_ms`, the one
  /// part that differs between runs over the same inputs) and the ledger's listing, with
  /// this folder written `<folder>` so two harnesses compare. Stray files beside the
  /// export (staging or set-aside folders) are listed too, so leftovers fail a comparison.
  func state() throws -> [String: String] {
    var files: [String: String] = [:]
    if FileManager.default.fileExists(atPath: exportPath) {
      for (name, text) in try Fixtures.exportFiles(in: exportPath) { files["out/" + name] = text }
    }
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix(".") {
      files[name] = "<leftover>"
    }
    let listing = try ChildProcess.playloop(["ledger", ledgerPath, "--json"], in: folder)
    files["ledger"] = listing.status == 0 ? listing.stdout : "exit \(listing.status): \(listing.stderr)"
    return files.mapValues { $0.replacingOccurrences(of: folder, with: "<folder>") }
  }

  /// The state after running `clocks` one after the other with nothing going wrong.
  static func cleanStates(_ clocks: [String] = LedgerHarness.clocks) throws -> [[String: String]] {
    var states: [[String: String]] = []
    try with { h in
      for clock in clocks {
        let result = try h.run(clock)
        #expect(result.status == 0, "\(result.stderr)")
        states.append(try h.state())
      }
    }
    return states
  }
}
