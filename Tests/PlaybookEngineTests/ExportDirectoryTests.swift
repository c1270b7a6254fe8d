import Foundation
import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct ExportDirectoryTests {
  private func export(
    _ decisions: [Decision] = ExportFixtures.decisions, to directory: String, format: ExportFormat = .csv
  ) throws {
    try CampaignExporter.stage(
      decisions, summary: ExportFixtures.summary(decisions), to: ExportTarget(directory: directory, format: format)
    ).commit()
  }

  @Test func writesAudiencePerOfferDecisionsLogAndSummary() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      try export(to: "\(folder)/out/recovery")
      let files = try ExportFixtures.snapshot("\(folder)/out")
      #expect(
        files.keys.sorted() == [
          "recovery", "recovery/REFER20.csv", "recovery/SORRY25.csv", "recovery/STAY15.csv",
          "recovery/decisions.csv", "recovery/summary.json",
        ])
      // Sorted by customer; only `send` rows; the address neutralised and quoted.
      #expect(
        files["recovery/SORRY25.csv"] == """
          customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id\r
          C-1,email,c-1@example.com,SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z,slow_fix_apology,T-3\r
          C-2,email,"'=HYPERLINK(""x"")",SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z,slow_fix_apology,T-9\r

          """)
      // An offer with no audience still gets its header.
      #expect(
        files["recovery/REFER20.csv"] == "customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id\r\n")
      #expect(files["recovery/STAY15.csv"] == files["recovery/REFER20.csv"])
      let log = try #require(files["recovery/decisions.csv"]).components(separatedBy: "\r\n")
      #expect(log.count == 7)
      #expect(
        log[0]
          == "customer_id,rule,offer,trigger_id,trigger_time,send_at,expires_at,channel,address,status,reason,merged,priority"
      )
      #expect(
        log.dropFirst().prefix(5).map { $0.prefix(30) } == [
          "C-1,slow_fix_apology,SORRY25,T", "C-2,slow_fix_apology,SORRY25,T", "C-3,slow_fix_apology,SORRY25,T",
          "C-1,cancel_risk,STAY15,K-1,202", "C-4,cancel_risk,STAY15,K-2,202",
        ])
      #expect(
        log[3].hasSuffix(",,,unreachable,\"no reachable channel: email has no consent, sms has no address\",0,10"))
      #expect(log[5].contains(",sms,+15551234567,holdout,"))
      var expectedSummary = ExportFixtures.summary()
      expectedSummary.export = ExportTarget(directory: "\(folder)/out/recovery", format: .csv)
      #expect(files["recovery/summary.json"] == expectedSummary.json.prettyText)
    }
  }

  @Test func jsonLinesAudienceFiles() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      try export(to: "\(folder)/out", format: .jsonl)
      let files = try ExportFixtures.snapshot("\(folder)/out")
      #expect(
        files.keys.sorted() == ["REFER20.jsonl", "SORRY25.jsonl", "STAY15.jsonl", "decisions.jsonl", "summary.json"])
      #expect(files["REFER20.jsonl"] == "")
      let sorry = try #require(files["SORRY25.jsonl"]).split(separator: "\n")
      #expect(sorry.count == 2)
      #expect(sorry[1].hasPrefix(#"{"customer_id":"C-2","channel":"email","address":"=HYPERLINK(\"x\")","#))
    }
  }

  @Test func sameInputsGiveSameBytesWhateverTheInputOrder() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      try export(to: "\(folder)/a")
      try export(ExportFixtures.decisions.reversed(), to: "\(folder)/b")
      try export(ExportFixtures.decisions.shuffled(), to: "\(folder)/b")
      var a = try ExportFixtures.snapshot("\(folder)/a")
      var b = try ExportFixtures.snapshot("\(folder)/b")
      // summary.json names its own folder; everything else is identical.
      #expect(
        a.removeValue(forKey: "summary.json")?.replacingOccurrences(of: "\(folder)/a", with: "X")
          == b.removeValue(forKey: "summary.json")?.replacingOccurrences(of: "\(folder)/b", with: "X"))
      #expect(a == b)
      #expect(a.count == 4)
    }
  }

  @Test func replacesThePreviousExportAsAWhole() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      try export([ExportFixtures.decision("C-5", "slow_fix_apology", "SORRY25")], to: out)
      let files = try ExportFixtures.snapshot(folder)
      #expect(
        files.keys.sorted() == [
          "out", "out/REFER20.csv", "out/SORRY25.csv", "out/STAY15.csv", "out/decisions.csv", "out/summary.json",
        ])
      #expect(files["out/SORRY25.csv"]?.contains("C-5,") == true)
      #expect(files["out/SORRY25.csv"]?.contains("C-1,") == false)
    }
  }

  @Test(arguments: ["SORRY25.csv", "STAY15.csv", "decisions.csv", "summary.json"])
  func failingMidwayLeavesThePreviousExportIntact(failingFile: String) throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      let before = try ExportFixtures.snapshot(folder)
      let changed = [ExportFixtures.decision("C-5", "slow_fix_apology", "SORRY25")]
      var written: [String] = []
      #expect(throws: Diagnostic.self) {
        _ = try CampaignExporter.stage(
          changed, summary: ExportFixtures.summary(changed), to: ExportTarget(directory: out, format: .csv),
          exportMilliseconds: nil,
          beforeWriting: { (file: String) throws(Diagnostic) in
            guard file != failingFile else {
              throw Diagnostic(.exportFileFailed("cannot write", file, reason: "disk full"), file: file)
            }
            written.append(file)
          })
      }
      #expect(!written.isEmpty || failingFile == "SORRY25.csv")
      #expect(try ExportFixtures.snapshot(folder) == before)
    }
  }

  @Test func discardKeepsThePreviousExportAndCommitAfterStagingSwapsIt() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      let before = try ExportFixtures.snapshot(folder)
      let changed = [ExportFixtures.decision("C-5", "slow_fix_apology", "SORRY25")]
      let target = ExportTarget(directory: out, format: .csv)
      let staged = try CampaignExporter.stage(changed, summary: ExportFixtures.summary(changed), to: target)
      #expect(staged.stagingDirectory == "\(folder)/.out.tmp-\(getpid())")
      // Staged but not committed: the export folder still holds the previous run.
      let during = try ExportFixtures.snapshot(folder)
      #expect(during.filter { !$0.key.hasPrefix(".out.tmp-") } == before)
      staged.discard()
      #expect(try ExportFixtures.snapshot(folder) == before)
      let again = try CampaignExporter.stage(changed, summary: ExportFixtures.summary(changed), to: target)
      try again.commit()
      #expect(try ExportFixtures.snapshot(folder)["out/SORRY25.csv"]?.contains("C-5,") == true)
      #expect(try ExportFixtures.snapshot(folder).keys.allSatisfy { $0.hasPrefix("out") })
    }
  }

  /// A process id no process has: far above the kernel's limit (at most 2^22).
  private var deadPID: Int32 { Int32.max }

  @Test func recoveryRemovesStagingLeftByAKilledRun() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      let before = try ExportFixtures.snapshot(folder)
      try FileManager.default.createDirectory(
        atPath: "\(folder)/.out.tmp-\(deadPID)", withIntermediateDirectories: false)
      try Data("half".utf8).write(to: URL(fileURLWithPath: "\(folder)/.out.tmp-\(deadPID)/SORRY25.csv"))
      // A live process's staging (this test runner's parent) is not ours to remove.
      let live = "\(folder)/.out.tmp-\(getppid())"
      try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: false)
      try CampaignExporter.recover(out)
      let after = try ExportFixtures.snapshot(folder)
      #expect(after.filter { $0.key != ".out.tmp-\(getppid())" } == before)
      #expect(after[".out.tmp-\(getppid())"] == "<dir>")
    }
  }

  @Test func recoveryPutsBackThePreviousExportWhenKilledBetweenRenames() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      let before = try ExportFixtures.snapshot(folder)
      // Killed after moving the old export aside, before moving the staged one in.
      try FileManager.default.moveItem(atPath: out, toPath: "\(folder)/.out.old-\(deadPID)")
      try FileManager.default.createDirectory(
        atPath: "\(folder)/.out.tmp-\(deadPID)", withIntermediateDirectories: false)
      try CampaignExporter.recover(out)
      #expect(try ExportFixtures.snapshot(folder) == before)
    }
  }

  @Test func recoveryRemovesTheOldCopyWhenKilledAfterCommitting() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let out = "\(folder)/out"
      try export(to: out)
      let before = try ExportFixtures.snapshot(folder)
      try FileManager.default.createDirectory(
        atPath: "\(folder)/.out.old-\(deadPID)", withIntermediateDirectories: false)
      try CampaignExporter.recover(out)
      #expect(try ExportFixtures.snapshot(folder) == before)
    }
  }

  @Test func refusesToReplaceAFolderThatHoldsNoExport() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(folder)/notes.txt"))
      #expect(throws: Diagnostic.self) { try export(to: folder) }
      #expect(throws: Diagnostic.self) { try export(to: "\(folder)/notes.txt") }
      #expect(throws: Diagnostic.self) { try export(to: "\(folder)/.") }
      #expect(try ExportFixtures.snapshot(folder) == ["notes.txt": "mine"])
      try FileManager.default.createDirectory(atPath: "\(folder)/empty", withIntermediateDirectories: false)
      try export(to: "\(folder)/empty/")
      #expect(try ExportFixtures.snapshot(folder)["empty/summary.json"] != nil)
    }
  }

  @Test(arguments: ["decisions", "Summary", "../x", ".hidden", "a/b"])
  func refusesOfferCodesThatCannotBeFileNames(offer: String) throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let decisions = [ExportFixtures.decision("C-1", "r", offer)]
      #expect(throws: Diagnostic.self) { try export(decisions, to: "\(folder)/out") }
      #expect(try ExportFixtures.snapshot(folder).isEmpty)
    }
  }

  @Test func failsClearlyWhenTheParentCannotBeWritten() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      try Data("file".utf8).write(to: URL(fileURLWithPath: "\(folder)/blocker"))
      let error = #expect(throws: Diagnostic.self) { try export(to: "\(folder)/blocker/out") }
      #expect(error?.code == .exportFailed)
      #expect(error?.message.contains("\(folder)/blocker") == true)
    }
  }

  @Test func recordsTheExportTimeInTheSummary() throws {
    try ExportFixtures.withScratchFolder { (folder) throws in
      let staged = try CampaignExporter.stage(
        [], summary: ExportFixtures.summary([]), to: ExportTarget(directory: "\(folder)/out", format: .csv),
        exportMilliseconds: { 7 })
      try staged.commit()
      #expect(staged.summary.timings.export == 7)
      #expect(try ExportFixtures.snapshot(folder)["out/summary.json"]?.contains("\"export\": 7,") == true)
    }
  }

  @Test(arguments: [
    ("out", ".", "out", "./.out.tmp-7"),
    ("out/", ".", "out", "./.out.tmp-7"),
    ("a/b/out//", "a/b", "out", "a/b/.out.tmp-7"),
    ("/out", "/", "out", "/.out.tmp-7"),
    ("/srv/out", "/srv", "out", "/srv/.out.tmp-7"),
  ])
  func stagingSitsBesideTheExport(directory: String, parent: String, name: String, staging: String) throws {
    let location = try ExportLocation(directory)
    #expect(location.parent == parent && location.name == name)
    #expect(location.sibling("tmp", pid: 7) == staging)
  }

  @Test(arguments: ["", ".", "..", "/", "a/..", "./"])
  func refusesFoldersWithoutANameOfTheirOwn(directory: String) {
    #expect(throws: Diagnostic.self) { try ExportLocation(directory) }
  }
}
