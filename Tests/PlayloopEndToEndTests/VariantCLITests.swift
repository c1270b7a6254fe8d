import Foundation
import PlayloopTestSupport
import Testing

/// An A/B split in the flagship playbook, through the real binary: `run`'s table and
/// files, `explain`, `check`, `fmt` and the shell's `:run`.
@Suite struct VariantCLITests {
  /// The flagship with its thank-you split 70/30 between THANKS10 and a new THANKS15.
  static func splitPlaybook(shares: String = "THANKS10 70% or THANKS15 30%") throws -> String {
    try Fixtures.serviceRecovery(replacing: [
      ("send THANKS10 via email after 1d", "send \(shares) via email after 1d"),
      (
        "offer STAY15 \"15% off if you stay with us\" valid 21d",
        "offer STAY15 \"15% off if you stay with us\" valid 21d\noffer THANKS15 \"15% off your next order\" valid 30d"
      ),
    ])
  }

  @Test func runCountsEachVariantAndExportsItTheSameTwice() throws {
    try ScratchFolder.with("variants") { folder in
      let file = try folder.write(try Self.splitPlaybook(), to: "ab.playbook")
      var exports: [[String: String]] = []
      for n in 0..<2 {
        let out = folder.url.appendingPathComponent("out\(n)").path
        let result = try ChildProcess.playloop(["run", file, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("variant                           send  holdout  capped  unreachable"))
        #expect(result.stdout.contains("quick_fix_thanks A: THANKS10 70%     5        1       1            8"))
        #expect(result.stdout.contains("quick_fix_thanks B: THANKS15 30%     2        0       1            4"))
        exports.append(try Fixtures.exportFiles(in: out))
      }
      // The summary names its own folder; the rest is the same bytes.
      #expect(exports[0].filter { $0.key != "summary.json" } == exports[1].filter { $0.key != "summary.json" })
      let decisions = try #require(exports[0]["decisions.csv"])
      #expect(decisions.hasPrefix("customer_id,rule,offer,variant,trigger_id,"))
      #expect(decisions.contains("C-0001,quick_fix_thanks,THANKS10,A,T-0843,"))
      #expect(decisions.contains("C-0005,evangelist,REFER20,,T-0862,"))
      let summary = try #require(exports[0]["summary.json"])
      #expect(summary.contains(#""variant": "B",\#n      "offer": "THANKS15",\#n      "share": "30%","#))
      // The audience files are per offer as before: THANKS15's are its variant's sends.
      #expect(exports[0]["THANKS15.csv"]?.split(separator: "\r\n").count == 3)
    }
  }

  @Test func explainNamesTheVariantAndItsBucket() throws {
    try ScratchFolder.with("variants") { folder in
      let file = try folder.write(try Self.splitPlaybook(), to: "ab.playbook")
      let result = try ChildProcess.playloop(["explain", "--detail", file, "C-0001"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("    variant A: THANKS10 (bucket 4880 of 10000 < 7000)\n    THANKS10: send"))
    }
  }

  @Test func checkPointsAtSharesThatDoNotAddUp() throws {
    try ScratchFolder.with("variants") { folder in
      let file = try folder.write(
        try Self.splitPlaybook(shares: "THANKS10 70% or THANKS15 20%"), to: "bad.playbook")
      let result = try ChildProcess.playloop(["check", file], environment: ["NO_COLOR": "1"])
      #expect(result.status == 1)
      #expect(result.stderr.contains("bad.playbook:29:17: error: the split's shares add up to 90%, not 100%"))
      #expect(result.stderr.contains("|                 ^~~~~~~~~~~~~~~~~~~ give the offers shares"))
    }
  }

  @Test func fmtKeepsTheSplit() throws {
    try ScratchFolder.with("variants") { folder in
      let text = try Self.splitPlaybook(shares: "THANKS10   70%  or   THANKS15 30%")
      let file = try folder.write(text, to: "ab.playbook")
      #expect(try ChildProcess.playloop(["fmt", file]).status == 0)
      let formatted = try String(contentsOfFile: file, encoding: .utf8)
      #expect(formatted.contains("\n  send THANKS10 70% or THANKS15 30% via email after 1d\n"))
      #expect(try ChildProcess.playloop(["fmt", "--check", file]).status == 0)
    }
  }

  @Test func theShellsRunShowsEachVariant() throws {
    try ScratchFolder.with("variants") { folder in
      try folder.write(try Self.splitPlaybook(shares: "THANKS10 or THANKS15"), to: "ab.playbook")
      let result = try ChildProcess.playloopScript(":run\n", arguments: ["ab.playbook"], in: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("quick_fix_thanks A: THANKS10 50%"), "\(result.stdout)")
      #expect(result.stdout.contains("quick_fix_thanks B: THANKS15 50%"), "\(result.stdout)")
    }
  }
}
