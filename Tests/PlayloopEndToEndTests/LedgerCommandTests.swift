import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run --ledger`, `--dry-run` and `playloop ledger` as a user meets them.
@Suite struct LedgerCommandTests {
  @Test func nightlyRunsSendEachTriggerOnce() throws {
    try LedgerHarness.with { h in
      let first = try h.run(LedgerHarness.clocks[0])
      #expect(first.status == 0, "\(first.stderr)")
      #expect(first.stdout.contains("Run 1-20261020T000000Z: recorded "))
      let day1 = try audience(h)
      let second = try h.run(LedgerHarness.clocks[1])
      #expect(second.status == 0, "\(second.stderr)")
      let day2 = try audience(h)
      #expect(!day1.isEmpty && !day2.isEmpty)
      // No (rule, trigger) sent on day 1 is sent again on day 2.
      #expect(Set(day1.map(\.ruleTrigger)).isDisjoint(with: day2.map(\.ruleTrigger)))
      let summary = try String(contentsOfFile: h.exportPath + "/summary.json", encoding: .utf8)
      #expect(summary.contains("\"run_id\": \"2-20261021T000000Z\""))
      #expect(try alreadySent(summary) > 0)
      let log = try String(contentsOfFile: h.exportPath + "/decisions.csv", encoding: .utf8)
      #expect(log.contains(",already_sent,already sent by an earlier run,"))
      // The ledger lists both nights' sends, each once.
      let listing = try ChildProcess.playloop(["ledger", h.ledgerPath], in: h.folder)
      #expect(listing.status == 0)
      #expect(listing.stdout.contains("2 runs, \(day1.count + day2.count) sends"))
    }
  }

  /// `limit 2 per customer per 7d` across nights: after each night, no customer has more
  /// than 2 sends recorded with send_at in the 7 days before that night's clock or later.
  @Test func limitPerWeekHoldsAcrossNights() throws {
    try LedgerHarness.with { h in
      var capped = 0
      for clock in LedgerHarness.clocks {
        #expect(try h.run(clock).status == 0)
        let log = try String(contentsOfFile: h.exportPath + "/decisions.csv", encoding: .utf8)
        capped += log.components(separatedBy: "already reached by earlier runs").count - 1
        let listing = try ChildProcess.playloop(["ledger", h.ledgerPath, "--json"], in: h.folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let sends = try #require(json["sends"] as? [[String: Any]])
        #expect(!sends.isEmpty, "night \(clock)")
        let since = try #require(ISO8601DateFormatter().date(from: clock)).addingTimeInterval(-7 * 86_400)
        var perCustomer: [String: Int] = [:]
        for send in sends {
          let at = try #require(ISO8601DateFormatter().date(from: send["send_at"] as? String ?? ""))
          if at >= since { perCustomer[send["customer_id"] as? String ?? "", default: 0] += 1 }
        }
        #expect(perCustomer.values.allSatisfy { $0 <= 2 }, "night \(clock)")
      }
      // The earlier nights' sends did use up some customers' weekly slots.
      #expect(capped > 0)
    }
  }

  @Test func ledgerListingFilters() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      let sends = try audience(h)
      let customer = try #require(sends.first).customer
      let one = try ChildProcess.playloop(
        ["ledger", h.ledgerPath, "--customer", customer, "--json"], in: h.folder)
      #expect(one.status == 0)
      let listed = one.stdout.components(separatedBy: "\"customer_id\": ").count - 1
      #expect(listed == sends.filter { $0.customer == customer }.count)
      #expect(one.stdout.components(separatedBy: "\"customer_id\": \"\(customer)\"").count - 1 == listed)
      let later = try ChildProcess.playloop(
        ["ledger", h.ledgerPath, "--since", "2026-10-21T00:00:00Z"], in: h.folder)
      let expected = sends.filter { $0.sendAt >= "2026-10-21T00:00:00Z" }.count
      #expect(later.status == 0, "\(later.stderr)")
      #expect(later.stdout.contains("(\(expected) shown)"))
      let bad = try ChildProcess.playloop(["ledger", h.ledgerPath, "--since", "yesterday"], in: h.folder)
      #expect(bad.status == 2)
      let missing = try ChildProcess.playloop(["ledger", "nowhere.ledger"], in: h.folder)
      #expect(missing.status == 2)
      #expect(missing.stderr.contains("there is no ledger at nowhere.ledger"))
    }
  }

  /// A run killed after recording itself pending is listed as such, and its sends are
  /// not (they are not history until the next run settles them).
  @Test func ledgerListsAPendingRun() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      let killed = try h.run(LedgerHarness.clocks[1], environment: ["PLAYLOOP_CRASH_AT": "exported"])
      #expect(killed.status == 128 + 9)
      let listing = try ChildProcess.playloop(["ledger", h.ledgerPath], in: h.folder)
      #expect(listing.status == 0, "\(listing.stderr)")
      #expect(listing.stdout.contains("1 run, "))
      #expect(listing.stdout.contains("run 2-20261021T000000Z is pending (interrupted)"))
      #expect(!listing.stdout.contains("\n2-20261021T000000Z "))
      let next = try h.run(LedgerHarness.clocks[1])
      #expect(next.status == 0, "\(next.stderr)")
      // A notice through the one renderer: the ledger, a severity, what happened to the run.
      #expect(
        next.stderr.contains(
          "state/sends.ledger: warning: run 2-20261021T000000Z was interrupted; "
            + "its export was in place, so its sends are now recorded\n"))
      #expect(next.stdout.contains("Run 2-20261021T000000Z replayed"))
    }
  }

  @Test func dryRunTouchesNeitherExportNorLedger() throws {
    try LedgerHarness.with { h in
      let dry = try h.run(LedgerHarness.clocks[0], ["--dry-run"])
      #expect(dry.status == 0, "\(dry.stderr)")
      #expect(!FileManager.default.fileExists(atPath: h.ledgerPath))
      #expect(!FileManager.default.fileExists(atPath: h.exportPath))
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      let before = try h.state()
      let ledgerBytes = FileManager.default.contents(atPath: h.ledgerPath)
      // A dry run the next night reads the ledger: what day 1 sent shows as already sent.
      let next = try h.run(LedgerHarness.clocks[1], ["--dry-run", "--json"])
      #expect(next.status == 0, "\(next.stderr)")
      #expect(try alreadySent(next.stdout) > 0)
      #expect(try h.state() == before)
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == ledgerBytes)
    }
  }

  /// `ledger "state/sends.ledger"` is relative to the playbook's folder, not the current
  /// one, and its folder is created.
  @Test func playbookLedgerPathIsRelativeToThePlaybook() throws {
    try LedgerHarness.with { h in
      try FileManager.default.removeItem(atPath: h.folder + "/state")
      let run = try ChildProcess.playloop(
        ["run", h.folder + "/nightly.playbook", "--as-of", LedgerHarness.clocks[0]],
        in: FileManager.default.temporaryDirectory.path)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(FileManager.default.fileExists(atPath: h.ledgerPath))
      #expect(try h.state()["ledger"]?.contains("\"run_id\": \"1-20261020T000000Z\"") == true)
    }
  }

  @Test func ledgerOptionOverridesThePlaybook() throws {
    try LedgerHarness.with { h in
      let run = try h.run(LedgerHarness.clocks[0], ["--ledger", "other.ledger"])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(FileManager.default.fileExists(atPath: h.folder + "/other.ledger"))
      #expect(!FileManager.default.fileExists(atPath: h.ledgerPath))
    }
  }

  @Test func corruptLedgerIsRefusedAndLeftUntouched() throws {
    try LedgerHarness.with { h in
      let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
      try garbage.write(to: URL(fileURLWithPath: h.ledgerPath))
      let run = try h.run(LedgerHarness.clocks[0])
      #expect(run.status == 3)  // refused by the ledger
      #expect(run.stderr.contains("state/sends.ledger is not a ledger: it is not a SQLite database"))
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == garbage)
      #expect(!FileManager.default.fileExists(atPath: h.exportPath))
    }
  }

  @Test func truncatedLedgerIsRefusedAndLeftUntouched() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      let export = try h.state().filter { $0.key.hasPrefix("out/") }
      let bytes = try #require(FileManager.default.contents(atPath: h.ledgerPath))
      let cut = bytes.prefix(bytes.count / 2)
      try cut.write(to: URL(fileURLWithPath: h.ledgerPath))
      let run = try h.run(LedgerHarness.clocks[1])
      #expect(run.status == 3)  // refused by the ledger
      #expect(run.stderr.contains("damaged"), "\(run.stderr)")
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == cut)
      #expect(try h.state().filter { $0.key.hasPrefix("out/") } == export)  // the previous export stays
    }
  }

  @Test func anotherPlaybooksLedgerIsRefused() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      let bytes = FileManager.default.contents(atPath: h.ledgerPath)
      try LedgerHarness.playbook(name: "Winback").write(
        toFile: h.folder + "/nightly.playbook", atomically: true, encoding: .utf8)
      let run = try h.run(LedgerHarness.clocks[1])
      #expect(run.status == 3)  // refused by the ledger
      #expect(run.stderr.contains("is the ledger of playbook \"Service recovery loop\", not \"Winback\""))
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == bytes)
    }
  }

  @Test func newerFormatIsRefused() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(LedgerHarness.clocks[0]).status == 0)
      var bytes = try #require(FileManager.default.contents(atPath: h.ledgerPath))
      bytes[63] = 3  // the header's user_version: format 3
      try bytes.write(to: URL(fileURLWithPath: h.ledgerPath))
      let run = try h.run(LedgerHarness.clocks[1])
      #expect(run.status == 3)  // refused by the ledger
      #expect(run.stderr.contains("is a ledger of format 3, written by a newer Playloop; this one reads format 2"))
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == bytes)
    }
  }

  @Test func aLedgerNeedsAnExport() throws {
    let playbook = LedgerHarness.playbook().replacingOccurrences(of: "export to \"out\" as csv\n", with: "")
    try LedgerHarness.with(playbook: playbook) { h in
      let run = try h.run(LedgerHarness.clocks[0])
      #expect(run.status == 2)
      #expect(run.stderr.contains("a ledger records what a run exports, and this run exports nothing"))
      #expect(!FileManager.default.fileExists(atPath: h.ledgerPath))
    }
  }

  /// The `statuses.already_sent` count of a run summary. (Its text cannot be searched
  /// for `"already_sent": 0,`: the count is the last key of its object, so no comma.)
  private func alreadySent(_ summary: String) throws -> Int {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
    let statuses = try #require(json["statuses"] as? [String: Any])
    return try #require(statuses["already_sent"] as? Int)
  }

  struct Send {
    var customer: String
    var sendAt: String
    var ruleTrigger: String
  }

  /// Every line of every audience file.
  private func audience(_ h: LedgerHarness) throws -> [Send] {
    try FileManager.default.contentsOfDirectory(atPath: h.exportPath)
      .filter { $0.hasSuffix(".csv") && $0 != "decisions.csv" }
      .flatMap { file in
        try String(contentsOfFile: h.exportPath + "/" + file, encoding: .utf8)
          .split(whereSeparator: \.isNewline).dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Send(customer: cells[0], sendAt: cells[4], ruleTrigger: cells[6] + " " + cells[7])
          }
      }
  }
}
