import Foundation
import PlayloopTestSupport
import Testing

/// `playloop run --export-format TOOL` with the real binary: Playbooks/campaigns.playbook
/// (messages, an A/B split, sends by sms and email, a time zone, a ledger) exported for each
/// sending tool and compared byte for byte with reviewed files in Expected/imports/TOOL/
/// (summary.json as PlaybookGoldenTests compares it). RECORD_EXPECTED=1 rewrites them.
@Suite struct ImportFormatCLITests {
  static let tools = ["braze", "customerio", "hubspot", "mailchimp", "iterable"]
  static let expected = PlaybookGoldenTests.expected.appendingPathComponent("imports")

  /// Runs campaigns.playbook for `format` into `folder`/out with a fresh ledger there.
  static func run(_ format: String, in folder: ScratchFolder, ledger: String = "ledger.sqlite") throws -> ChildProcess {
    try ChildProcess.playloop([
      "run", "Playbooks/campaigns.playbook", "--out", folder.url.appendingPathComponent("out").path,
      "--export-format", format, "--ledger", folder.url.appendingPathComponent(ledger).path,
    ])
  }

  @Test(arguments: tools)
  func exportMatchesTheReviewedOne(_ tool: String) throws {
    try ScratchFolder.with("imports") { folder in
      let result = try Self.run(tool, in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      let out = folder.url.appendingPathComponent("out")
      let want = Self.expected.appendingPathComponent(tool)
      let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
      let golden = PlaybookGoldenTests()
      if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] != nil {
        try? FileManager.default.removeItem(at: want)
        try FileManager.default.createDirectory(at: want, withIntermediateDirectories: true)
        for file in files {
          try golden.comparable(out.appendingPathComponent(file)).write(to: want.appendingPathComponent(file))
        }
      }
      #expect(files.contains("SORRY25.csv") && files.contains("decisions.csv"))
      #expect(files == (try FileManager.default.contentsOfDirectory(atPath: want.path).sorted()))
      for file in files {
        let got = try golden.comparable(out.appendingPathComponent(file))
        #expect(got == (try Data(contentsOf: want.appendingPathComponent(file))), "imports/\(tool)/\(file) differs")
      }
    }
  }

  /// Mailchimp takes email addresses only: the sms sends are warned about, logged as
  /// unreachable with the reason, not recorded in the ledger, and a later export for a
  /// tool that texts sends them.
  @Test func sendsMailchimpCannotTakeAreWarnedLoggedAndNotRecorded() throws {
    try ScratchFolder.with("imports") { folder in
      let mailchimp = try Self.run("mailchimp", in: folder)
      #expect(mailchimp.status == 0, "\(mailchimp.stderr)")
      #expect(
        mailchimp.stderr.contains(
          "warning: 17 sends of SORRY25 by sms left out of the Mailchimp file: Mailchimp imports contacts by email address"
        ))
      #expect(mailchimp.stderr.contains("warning: 1 send of STAY15 by sms left out of the Mailchimp file"))
      #expect(mailchimp.stdout.contains("recorded 32 sends"))
      let out = folder.url.appendingPathComponent("out")
      let log = try String(contentsOf: out.appendingPathComponent("decisions.csv"), encoding: .utf8)
      let setAside = log.components(separatedBy: "\r\n").filter {
        $0.contains(",unreachable,\"not in the Mailchimp file: sent via sms, and Mailchimp imports by email address\"")
      }
      #expect(setAside.count == 18)
      let audience = try String(contentsOf: out.appendingPathComponent("SORRY25.csv"), encoding: .utf8)
      #expect(audience.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.isEmpty || $0.contains("@") })

      // The same night for Braze, with the same ledger: only what Mailchimp could not take is left to send.
      let braze = try Self.run("braze", in: folder)
      #expect(braze.status == 0, "\(braze.stderr)")
      #expect(braze.stdout.contains("recorded 18 sends"), "\(braze.stdout)")
      #expect(!braze.stderr.contains("left out"))
    }
  }

  /// The shell's `:export DIR FORMAT` in script mode: the format is taken, the decisions
  /// `:run` made are exported for the tool, and what it cannot take is said.
  @Test func theShellExportsForATool() throws {
    try ScratchFolder.with("imports") { folder in
      try folder.write(try Fixtures.serviceRecovery(), to: "p.playbook")
      let result = try ChildProcess.playloopScript(
        ":run\n:export mc mailchimp\n:export bz braze\n", arguments: ["p.playbook"], in: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      let output = result.stdout + result.stderr
      #expect(output.contains("as mailchimp; the decisions evaluated last"), "\(output)")
      #expect(output.contains("sends of SORRY25 by sms left out of the Mailchimp file"), "\(output)")
      #expect(!output.contains("left out of the Braze file"))
      let log = try String(contentsOfFile: folder.path("mc/decisions.csv"), encoding: .utf8)
      #expect(log.contains("not in the Mailchimp file: sent via sms"))
      let braze = try String(contentsOfFile: folder.path("bz/SORRY25.csv"), encoding: .utf8)
      #expect(braze.hasPrefix("external_id,email,channel,address,offer,send_at,offer_expires_at\r\n"))
      #expect(braze.contains(",sms,"))
    }
  }

  /// Mailchimp clips text fields at 255 bytes: a longer message is warned about, not cut
  /// in silence; Braze takes it as it is.
  @Test func mailchimpWarnsOfMessagesItWouldClip() throws {
    try ScratchFolder.with("imports") { folder in
      let text = try String(contentsOfFile: Repository.path("Playbooks/campaigns.playbook"), encoding: .utf8)
        .replacingOccurrences(of: "../Examples/data", with: Repository.exampleData)
        .replacingOccurrences(
          of: "It has been a while: WINBACK20", with: String(repeating: "Long story. ", count: 21) + "WINBACK20")
      let playbook = try folder.write(text, to: "p.playbook")
      func run(_ format: String) throws -> ChildProcess {
        try ChildProcess.playloop([
          "run", playbook, "--out", folder.path(format), "--export-format", format, "--ledger",
          folder.path(format + ".l"),
        ])
      }
      let mailchimp = try run("mailchimp")
      #expect(mailchimp.status == 0, "\(mailchimp.stderr)")
      #expect(
        mailchimp.stderr.contains(
          "warning: offer WINBACK20's message is longer than Mailchimp's 255-byte text field for 19 customers; "
            + "Mailchimp cuts it there"), "\(mailchimp.stderr)")
      let braze = try run("braze")
      #expect(braze.status == 0 && !braze.stderr.contains("cuts it"), "\(braze.stderr)")
    }
  }

  /// A dry run for a tool counts what its export would hold, and says what it cannot take.
  @Test func aDryRunCountsWhatTheToolWouldTake() throws {
    try ScratchFolder.with("imports") { folder in
      let arguments = [
        "run", "Playbooks/campaigns.playbook", "--dry-run", "--ledger", folder.path("none.ledger"), "--format", "json",
      ]
      let csv = try ChildProcess.playloop(arguments)
      let mailchimp = try ChildProcess.playloop(arguments + ["--export-format", "mailchimp"])
      #expect(csv.status == 0 && mailchimp.status == 0, "\(mailchimp.stderr)")
      #expect(csv.stdout.contains("\"send\": 50"), "\(csv.stdout)")
      #expect(mailchimp.stdout.contains("\"send\": 32"), "\(mailchimp.stdout)")
      #expect(mailchimp.stdout.contains("left out of the Mailchimp file"))
    }
  }

  @Test func aMisspeltExportFormatIsNamed() throws {
    let result = try ChildProcess.playloop(["run", "Playbooks/campaigns.playbook", "--export-format", "brze"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("got 'brze'; did you mean 'braze'?"), "\(result.stderr)")
    let output = try ChildProcess.playloop(["run", "Playbooks/campaigns.playbook", "--format", "hubspot"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("the export's file format is --export-format hubspot"), "\(output.stderr)")
  }

  @Test func checkNamesAMisspeltFormatInThePlaybook() throws {
    try ScratchFolder.with("imports") { folder in
      let playbook = folder.url.appendingPathComponent("x.playbook")
      try "playbook \"x\"\nexport to \"out\" as mailchimpp\n".write(to: playbook, atomically: true, encoding: .utf8)
      let result = try ChildProcess.playloop(["check", playbook.path])
      #expect(result.status == 1)
      #expect(result.stderr.contains("error: unknown export format 'mailchimpp'"), "\(result.stderr)")
      #expect(result.stderr.contains("did you mean 'mailchimp'?"))
    }
  }
}
