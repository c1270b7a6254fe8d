import Foundation
import PlayloopTestSupport
import Testing

/// The paths that only look (a dry run, `explain`, `:export --preview`) on a ledgered
/// playbook whose holdout differs from the ledger's are refused as a run is (exit 3,
/// `ledger_holdout_changed` naming both), so none of them shows a control group the next
/// run would refuse; `--new-holdout` shows the new experiment. Each failed before.
@Suite struct LedgerHoldoutLookTests {
  static let day1 = LedgerHarness.clocks[0]
  static let day2 = LedgerHarness.clocks[1]
  static let differs =
    "the playbook's holdout 10% seed \"Service recovery loop\" differs from "
    + "holdout 5% seed \"Service recovery loop\" recorded in "

  /// A customer of the generated data.
  static var customer: String {
    get throws {
      let text = try String(contentsOfFile: LedgerHarness.data + "/customers.csv", encoding: .utf8)
      let row = text.split(separator: "\n")[1]
      return String(row.prefix { $0 != "," })
    }
  }

  @Test func lookingPathsRefuseAChangedHoldout() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let before = try h.state()
      let bytes = FileManager.default.contents(atPath: h.ledgerPath)
      try LedgerHarness.playbook().replacingOccurrences(of: "holdout 5%", with: "holdout 10%")
        .write(toFile: h.folder + "/nightly.playbook", atomically: true, encoding: .utf8)
      let customer = try Self.customer

      let dry = try h.run(Self.day2, ["--dry-run"])
      #expect(dry.status == 3, "\(dry.stdout)\(dry.stderr)")
      #expect(dry.stderr.contains(Self.differs), "\(dry.stderr)")
      #expect(dry.stderr.contains("--new-holdout"))
      #expect(!dry.stdout.contains("holdout"), "no report of a control group: \(dry.stdout)")

      let dryJSON = try h.run(Self.day2, ["--dry-run", "--format", "json"])
      #expect(dryJSON.status == 3)
      let object = try JSONSerialization.jsonObject(with: Data(dryJSON.stdout.utf8)) as? [String: Any]
      let first = (object?["diagnostics"] as? [[String: Any]])?.first
      #expect(first?["code"] as? String == "ledger_holdout_changed", "\(dryJSON.stdout)")

      let explain = try ChildProcess.playloop(
        ["explain", "nightly.playbook", customer, "--as-of", Self.day2], in: h.folder)
      #expect(explain.status == 3, "\(explain.stdout)\(explain.stderr)")
      #expect(explain.stderr.contains(Self.differs), "\(explain.stderr)")

      let preview = try ChildProcess.playloopScript(
        ":as-of \(Self.day2)\n:export --preview\n", arguments: ["nightly.playbook"], in: h.folder)
      #expect(preview.status == 3, "\(preview.stdout)\(preview.stderr)")
      #expect(preview.stderr.contains(Self.differs), "\(preview.stderr)")
      #expect(!FileManager.default.fileExists(atPath: h.folder + "/out-preview"))

      // --new-holdout looks at the new experiment, and still writes nothing.
      let renewed = try h.run(Self.day2, ["--dry-run", "--new-holdout"])
      #expect(renewed.status == 0, "\(renewed.stderr)")
      let explained = try ChildProcess.playloop(
        ["explain", "nightly.playbook", customer, "--as-of", Self.day2, "--new-holdout"], in: h.folder)
      #expect(explained.status == 0, "\(explained.stderr)")
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == bytes)
      #expect(try h.state() == before)
    }
  }

  /// The shell takes `--new-holdout` as `run` does: with `--preview` it looks at the new
  /// experiment and records nothing; without, its export records the new holdout, which
  /// the next run then finds unchanged.
  @Test func theShellStartsANewHoldoutWhenAsked() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      let bytes = FileManager.default.contents(atPath: h.ledgerPath)
      try LedgerHarness.playbook().replacingOccurrences(of: "holdout 5%", with: "holdout 10%")
        .write(toFile: h.folder + "/nightly.playbook", atomically: true, encoding: .utf8)

      let preview = try ChildProcess.playloopScript(
        ":as-of \(Self.day2)\n:export --preview --new-holdout\n", arguments: ["nightly.playbook"], in: h.folder)
      #expect(preview.status == 0, "\(preview.stdout)\(preview.stderr)")
      #expect(FileManager.default.fileExists(atPath: h.folder + "/out-preview/summary.json"))
      #expect(FileManager.default.contents(atPath: h.ledgerPath) == bytes, "a preview records nothing")
      #expect(try h.run(Self.day2, ["--dry-run"]).status == 3, "the ledger still holds the old holdout")

      let export = try ChildProcess.playloopScript(
        ":as-of \(Self.day2)\n:export --new-holdout\n", arguments: ["nightly.playbook"], in: h.folder)
      #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
      #expect(export.stdout.contains("recorded"), "\(export.stdout)")
      let next = try h.run(LedgerHarness.clocks[2], ["--dry-run"])
      #expect(next.status == 0, "the ledger now holds the new holdout: \(next.stderr)")
    }
  }

  /// The same holdout looks as before: nothing is refused.
  @Test func anUnchangedHoldoutIsNotRefused() throws {
    try LedgerHarness.with { h in
      #expect(try h.run(Self.day1).status == 0)
      #expect(try h.run(Self.day2, ["--dry-run"]).status == 0)
      let explain = try ChildProcess.playloop(
        ["explain", "nightly.playbook", try Self.customer, "--as-of", Self.day2], in: h.folder)
      #expect(explain.status == 0, "\(explain.stderr)")
    }
  }
}
