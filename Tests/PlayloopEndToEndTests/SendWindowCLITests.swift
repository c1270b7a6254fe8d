import Foundation
import PlayloopTestSupport
import Testing

/// Send windows through the real binary: a small hand-made playbook and customers file
/// with a `tz` column; `check` and `run` warn of an unknown zone, the export has
/// `local_send_at`, `explain` says the send moved, `fmt` keeps the window lines, and the
/// shell takes a channel's window lines typed after it.
@Suite struct SendWindowCLITests {
  static let customers = """
    id,phone,sms_opt_in,tz
    C-1,+15550000001,true,America/New_York
    C-2,+15550000002,true,Europe/Rome
    C-3,+15550000003,true,Atlantis/Lost

    """

  // 2026-12-05T03:40:00Z is Friday 22:40 in New York, Saturday 04:40 in Rome.
  static let playbook = """
    playbook "Windows"
    as of 2026-12-05T03:40:00Z
    load customers from "customers.csv"
    timezone customer.tz default "America/New_York"
    channel sms address customer.phone requires customer.sms_opt_in
      quiet 21:00-08:00
      days mon-fri
    offer HELLO "Hello" valid 7d

    rule hello
      when customer.sms_opt_in
      send HELLO via sms

    """

  /// A spreadsheet's column (`Time Zone`, read through `with`), with zone names as people
  /// type them: padded with spaces, in lower case. Each customer keeps their own zone.
  @Test func aRenamedColumnAndLooselyWrittenZonesAreRead() throws {
    let customers = """
      id,phone,sms_opt_in,Time Zone
      C-1,+15550000001,true,America/New_York
      C-2,+15550000002,true, Europe/Rome 
      C-3,+15550000003,true,europe/rome
      C-4,+15550000004,true,

      """
    let playbook = Self.playbook.replacingOccurrences(
      of: "load customers from \"customers.csv\"\n",
      with: "load customers from \"customers.csv\"\n  with tz = \"Time Zone\"\n")
    let folder = try ScratchFolder("send-windows-renamed", files: ["customers.csv": customers])
    let file = try folder.write(playbook, to: "windows.playbook")
    let out = folder.url.appendingPathComponent("out").path
    let run = try ChildProcess.playloop(["run", file, "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stderr.contains("does not know"), "\(run.stderr)")
    let rows = try Fixtures.exportFiles(in: out)["HELLO.csv"]?.split(separator: "\r\n").map(String.init) ?? []
    #expect(rows.contains { $0.hasPrefix("C-1,") && $0.contains(",2026-12-07T08:00:00-05:00,") })
    #expect(rows.contains { $0.hasPrefix("C-2,") && $0.contains(",2026-12-07T08:00:00+01:00,") })
    #expect(rows.contains { $0.hasPrefix("C-3,") && $0.contains(",2026-12-07T08:00:00+01:00,") })
    // No zone: the playbook's default.
    #expect(rows.contains { $0.hasPrefix("C-4,") && $0.contains(",2026-12-07T08:00:00-05:00,") })
  }

  @Test func runCheckExplainAndFmtSayWhereSendsWait() throws {
    do {
      let folder = try ScratchFolder("send-windows", files: ["customers.csv": Self.customers])
      let file = try folder.write(Self.playbook, to: "windows.playbook")
      let warning =
        "1 customer has a time zone in customer.tz this machine does not know (e.g. 'Atlantis/Lost'); "
        + "America/New_York is used for it"

      let check = try ChildProcess.playloop(["check", file])
      #expect(check.status == 0, "\(check.stderr)")
      #expect(check.stderr.contains("warning: " + warning))

      let out = folder.url.appendingPathComponent("out").path
      let run = try ChildProcess.playloop(["run", file, "--out", out])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stderr.contains(warning))
      let files = try Fixtures.exportFiles(in: out)
      // Both wait for Monday 08:00 on their own clocks; send_at stays UTC.
      #expect(
        files["HELLO.csv"] == """
          customer_id,channel,address,offer,send_at,local_send_at,expires_at,rule,trigger_id\r
          C-1,sms,+15550000001,HELLO,2026-12-07T13:00:00Z,2026-12-07T08:00:00-05:00,2026-12-14T13:00:00Z,hello,\r
          C-2,sms,+15550000002,HELLO,2026-12-07T07:00:00Z,2026-12-07T08:00:00+01:00,2026-12-14T07:00:00Z,hello,\r
          C-3,sms,+15550000003,HELLO,2026-12-07T13:00:00Z,2026-12-07T08:00:00-05:00,2026-12-14T13:00:00Z,hello,\r

          """)
      #expect(
        files["decisions.csv"]?.hasPrefix("customer_id,rule,offer,trigger_id,trigger_time,send_at,local_send_at,")
          == true)

      let explain = try ChildProcess.playloop(["explain", "--detail", file, "C-2"])
      #expect(explain.status == 0, "\(explain.stderr)")
      #expect(
        explain.stdout.contains("moved from Sat 04:40 to Mon 08:00 local (quiet hours 21:00-08:00, days mon-fri)"))

      let fmt = try ChildProcess.playloop(["fmt", "--check", file])
      #expect(fmt.status == 0, "\(fmt.stdout)\(fmt.stderr)")
    }
  }

  @Test func aBadWindowIsAnErrorWithACaret() throws {
    do {
      let folder = try ScratchFolder("send-windows", files: ["customers.csv": Self.customers])
      let file = try folder.write(
        Self.playbook.replacingOccurrences(of: "days mon-fri", with: "days mon-fir"), to: "bad.playbook")
      let check = try ChildProcess.playloop(["check", file])
      #expect(check.status == 1)
      #expect(
        check.stderr.contains(
          """
          bad.playbook:7:12: error: unknown day 'fir'
            7 |   days mon-fir
              |            ^~~ did you mean 'fri'?
          """))
    }
  }

  @Test func theShellTakesAChannelsWindowLinesTypedAfterIt() throws {
    do {
      let folder = try ScratchFolder("send-windows", files: ["customers.csv": Self.customers])
      let start = Self.playbook.replacingOccurrences(of: "  quiet 21:00-08:00\n  days mon-fri\n", with: "")
      let file = try folder.write(start, to: "windows.playbook")
      let saved = folder.url.appendingPathComponent("saved.playbook").path
      let result = try ChildProcess.playloopScript(
        """
        channel sms address customer.phone requires customer.sms_opt_in
          quiet 21:00-08:00
          days mon-fri
        :explain C-1
        :save \(saved)

        """,
        arguments: [file], in: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("moved from Fri 22:40 to Mon 08:00 local (quiet hours 21:00-08:00, days mon-fri)"))
      let text = try String(contentsOfFile: saved, encoding: .utf8)
      #expect(
        text.contains(
          "channel sms address customer.phone requires customer.sms_opt_in\n  quiet 21:00-08:00\n  days mon-fri\n"))
    }
  }
}
