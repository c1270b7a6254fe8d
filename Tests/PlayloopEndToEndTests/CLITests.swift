import Foundation
import PlayloopTestSupport
import Testing

/// The headless commands as automation uses them: exit codes, output, determinism.
@Suite struct CLITests {
  let playbook = "Playbooks/service-recovery.playbook"

  @Test func runExportsTheSameBytesTwice() throws {
    try ScratchFolder.with("cli") { folder in
      var exports: [[String: Data]] = []
      for n in 0..<2 {
        let out = folder.url.appendingPathComponent("out\(n)")
        let result = try ChildProcess.playloop(["run", playbook, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Exported 4 audience files to \(out.path) (csv)"))
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != "summary.json" {
          files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        exports.append(files)
      }
      #expect(
        exports[0].keys.sorted() == ["REFER20.csv", "SORRY25.csv", "STAY15.csv", "THANKS10.csv", "decisions.csv"])
      #expect(exports[0] == exports[1])
      let thanks = String(decoding: exports[0]["THANKS10.csv"] ?? Data(), as: UTF8.self)
      #expect(thanks.hasPrefix("customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id\r\n"))
      #expect(thanks.contains("C-0001,email,"))
    }
  }

  @Test func jsonSummaryOnStdout() throws {
    let result = try ChildProcess.playloop(["run", playbook, "--dry-run", "--json"])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(json?["playbook"] as? String == "Service recovery loop")
    #expect(json?["clock"] as? String == "2026-11-01T00:00:00Z")
  }

  @Test func asOfMovesTheClock() throws {
    let result = try ChildProcess.playloop(["run", playbook, "--dry-run", "--json", "--as-of", "2026-12-15"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"clock\": \"2026-12-15T00:00:00Z\""))
  }

  @Test func checkPointsAtTheTypo() throws {
    try ScratchFolder.with("cli") { folder in
      let text = try Fixtures.serviceRecovery(replacing: [("complaint.csat >= 4", "complaint.csatt >= 4")])
      let file = try folder.write(text, to: "typo.playbook")
      let result = try ChildProcess.playloop(["check", file], environment: ["NO_COLOR": "1"])
      #expect(result.status == 1)
      #expect(result.stderr.contains("typo.playbook:27:51: error: unknown field 'csatt' on complaint"))
      #expect(result.stderr.contains("^~~~~ did you mean 'csat'?"))
      #expect(!result.stderr.contains("\u{1B}["))
    }
  }

  @Test func exitCodes() throws {
    #expect(try ChildProcess.playloop(["check", playbook]).status == 0)
    #expect(try ChildProcess.playloop(["run"]).status == 2)
    #expect(try ChildProcess.playloop(["run", "missing.playbook"]).status == 2)
    #expect(try ChildProcess.playloop(["run", playbook, "--as-of", "soon"]).status == 2)
    #expect(try ChildProcess.playloop(["test", playbook]).status == 0)
    #expect(try ChildProcess.playloop(["explain", "--detail", playbook, "C-9999"]).status == 2)
  }

  @Test func explainSaysWhy() throws {
    let result = try ChildProcess.playloop(["explain", "--detail", playbook, "C-0003"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("SORRY25: send — sent via sms because email has no consent"))
    let unknown = try ChildProcess.playloop(["explain", "--detail", playbook, "C-003"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no customer 'C-003'; did you mean"))
  }

  @Test func failingTestsExitOneAndWriteJUnit() throws {
    try ScratchFolder.with("cli") { folder in
      let text = try Fixtures.serviceRecovery(
        replacing: [("expect audience THANKS10 == 7", "expect audience THANKS10 == 8")])
      let file = try folder.write(text, to: "failing.playbook")
      let junit = folder.path("junit.xml")
      let result = try ChildProcess.playloop(["test", file, "--junit", junit])
      #expect(result.status == 1)
      #expect(result.stdout.contains("but the audience of THANKS10 is 7"))
      #expect(result.stdout.hasSuffix("3 passed, 1 failed\n"))
      #expect(FileManager.default.fileExists(atPath: junit))
    }
  }

  @Test func explainReadsTheLedger() throws {
    try ScratchFolder.with("cli") { folder in
      let ledger = folder.path("ledger.sqlite")
      let run = try ChildProcess.playloop(["run", playbook, "--out", folder.path("out"), "--ledger", ledger])
      #expect(run.status == 0, "\(run.stderr)")
      let later = ["explain", "--detail", playbook, "C-0001", "--as-of", "2026-11-02"]
      let withoutLedger = try ChildProcess.playloop(later)
      #expect(withoutLedger.status == 0, "\(withoutLedger.stderr)")
      #expect(withoutLedger.stdout.contains("⇒ C-0001 gets THANKS10 via email"))
      let withLedger = try ChildProcess.playloop(later + ["--ledger", ledger])
      #expect(withLedger.status == 0, "\(withLedger.stderr)")
      #expect(withLedger.stdout.contains("THANKS10: already_sent — already sent by an earlier run"))
      #expect(withLedger.stdout.contains("⇒ C-0001 gets nothing"))
    }
  }
}
