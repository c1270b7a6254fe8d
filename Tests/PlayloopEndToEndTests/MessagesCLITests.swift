import Foundation
import PlayloopTestSupport
import Testing

/// Offers' messages through the real binary: `check` points inside the template, `run`
/// exports the filled-in texts, `explain` shows them, and a long SMS is warned about.
@Suite struct MessagesCLITests {
  func playbook(_ offer: String) -> String {
    let data = Repository.exampleData
    return """
      playbook "Messages"
      as of 2026-11-01T00:00:00Z
      load customers from "\(data)/customers.csv"
      load tickets from "\(data)/tickets.csv" link customer_id
      define complaint = ticket where ticket.kind == "complaint"
      channel email address customer.email requires customer.email_opt_in
      channel sms address customer.phone requires customer.sms_opt_in

      \(offer)

      rule slow_fix_apology priority 10
        when complaint resolved after 72h or complaint open for 72h
        send SORRY25 via email, sms after 2h

      """
  }

  /// Writes the playbook with `offer` to `name` in `folder` and runs `playloop check` on
  /// it; returns the run and the file's path.
  func check(_ offer: String, named name: String, in folder: ScratchFolder) throws -> (ChildProcess, String) {
    let file = try folder.write(playbook(offer), to: name)
    return (try ChildProcess.playloop(["check", file], environment: ["NO_COLOR": "1"]), file)
  }

  @Test func checkPointsInsideTheTemplate() throws {
    try ScratchFolder.with("messages") { folder in
      let (result, _) = try check(
        """
        offer SORRY25 "25% off" valid 14d
          subject email "Sorry for the wait, {{ customer.frist_name | default: "there" }}"
        """, named: "typo.playbook", in: folder)
      #expect(result.status == 1)
      #expect(result.stderr.contains("typo.playbook:10:50: error: unknown field 'frist_name' on customer"))
      #expect(result.stderr.contains(" ^~~~~~~~~~ did you mean 'first_name'?"))
    }
  }

  /// `check` warns at the rule's `via` when a channel has no `message` line for an offer
  /// that has them, and points inside the string at a condition that is not Liquid.
  @Test func checkWarnsOfAChannelWithoutAMessageAndReadsAndOr() throws {
    try ScratchFolder.with("messages") { folder in
      let (result, file) = try check(
        """
        offer SORRY25 "25% off" valid 14d
          subject email "Sorry, {{ customer.first_name | default: "there" }}"
          message email "{% if customer.tier == "gold" or customer.first_name and customer.tz == "Europe/London" %}Dear{% else %}Hi{% endif %} {{ customer.first_name | default: "there" }}"
        """, named: "warn.playbook", in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stderr.contains(
          "warn.playbook:15:27: warning: offer SORRY25 has no 'message sms' line, so its sends by sms go without a message\n"
            + "  15 |   send SORRY25 via email, sms after 2h\n"
            + "     |                           ^~~ add `message sms \"…\"` under offer SORRY25, or send it only by channels it has a message for\n"
        ))
      #expect(!result.stderr.contains("'message email'"))

      // The shell warns of the file's rule when it loads, of a rule when it is typed, not
      // again for a later statement, and `:check` lists both.
      let shell = try ChildProcess.playloopScript(
        "rule thanks\n  when complaint resolved within 4h\n  send SORRY25 via sms\n\nsegment vip = customer.tier == \"gold\"\n:check\n",
        arguments: [file])
      let warning = "warning: offer SORRY25 has no 'message sms' line, so its sends by sms go without a message"
      #expect(shell.status == 0, "\(shell.stderr)")
      let all = shell.stdout + shell.stderr
      #expect(all.contains("<stdin>:3:20: " + warning))
      #expect(all.components(separatedBy: warning).count == 5, "loaded, typed, then :check (two rules): \(all)")

      let (failed, _) = try check(
        """
        offer SORRY25 "25% off" valid 14d
          message email "{% if customer.tier == "gold" && customer.first_name %}Dear{% endif %}"
          message sms "Hi"
        """, named: "broken.playbook", in: folder)
      #expect(failed.status == 1)
      #expect(failed.stderr.contains("broken.playbook:10:48: error: '&&' is not Liquid"))
      #expect(failed.stderr.contains("^~ write 'and'"))
    }
  }

  @Test func runExportsTheMessagesAndExplainShowsThem() throws {
    try ScratchFolder.with("messages") { folder in
      let file = try folder.write(
        playbook(
          """
          offer SORRY25 "25% off, and our apologies" valid 14d
            subject email "Sorry for the wait, {{ customer.name | default: "there" }}"
            message email "{% if customer.tier == "gold" %}{% abort %}{% endif %}Your ticket {{ trigger.id }} took {{ trigger.resolution }}. Use SORRY25 until {{ expires_at | date: "%b %-d" }}."
            message sms "{{ customer.name }}, sorry for the wait: SORRY25 gives you 25% off everything in the shop until {{ expires_at | date: "%A %B %-d" }}. Reply STOP to opt out."
          """), to: "m.playbook")
      let out = folder.path("out")
      let result = try ChildProcess.playloop(["run", file, "--out", out], environment: ["NO_COLOR": "1"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("unrendered"))
      #expect(
        result.stderr.contains(
          "warning: offer SORRY25's sms message is longer than one text (70 characters, as it needs UCS-2) for "))
      let audience = try String(contentsOfFile: out + "/SORRY25.csv", encoding: .utf8)
      #expect(
        audience.hasPrefix(
          "customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id,description,subject,message\r\n"))
      #expect(
        audience.contains(
          "C-0002,email,jose.nunez@example.org,SORRY25,2026-11-01T00:00:00Z,2026-11-15T00:00:00Z,slow_fix_apology,T-0829,"
            + "\"25% off, and our apologies\",\"Sorry for the wait, José Núñez\",Your ticket T-0829 took 4 days. Use SORRY25 until Nov 15.\r\n"
        ))
      let log = try String(contentsOfFile: out + "/decisions.csv", encoding: .utf8)
      #expect(log.contains(",unrendered,message email: {% abort %},"))
      // The decisions log carries the texts of what is sent, as the audience file does.
      #expect(
        log.hasPrefix(
          "customer_id,rule,offer,trigger_id,trigger_time,send_at,expires_at,channel,address,status,reason,merged,priority,subject,message\r\n"
        ))
      #expect(
        log.contains(
          ",email,jose.nunez@example.org,send,sent via email,0,10,\"Sorry for the wait, José Núñez\",Your ticket T-0829 took 4 days. Use SORRY25 until Nov 15.\r\n"
        ))

      let explained = try ChildProcess.playloop(["explain", file, "C-0002"])
      #expect(explained.status == 0)
      #expect(explained.stdout.contains("      subject: \"Sorry for the wait, José Núñez\"\n"))
      #expect(
        explained.stdout.contains("      message: \"Your ticket T-0829 took 4 days. Use SORRY25 until Nov 15.\"\n"))

      let formatted = try ChildProcess.playloop(["fmt", "--check", file])
      #expect(formatted.status == 0, "\(formatted.stdout)\(formatted.stderr)")

      // The shell: `:run` counts the unrendered, `:decisions unrendered` lists them, a
      // message line typed under an offer replaces it (checked, caret and all), and one
      // typed on its own says where it goes. (A script stops at its first error.)
      let shell = try ChildProcess.playloopScript(
        ":run\n:decisions unrendered\n"
          + "offer NEW \"New\"\n  subject email \"Hi {{ customer.name }}\"\n  message email \"Hi {{ customer.nme }}\"\n",
        arguments: [file])
      #expect(shell.stdout.contains("offer    candidates  send  holdout  capped  unreachable  unrendered"))
      #expect(
        shell.stdout.contains(
          "C-0068    slow_fix_apology  SORRY25  unrendered  email    2026-11-01T00:00:00Z  message email: {% abort %}"))
      #expect(shell.stdout.contains("added offer NEW\n"))
      #expect(shell.stdout.contains("replaced offer NEW\n"))
      #expect(shell.stderr.contains("<stdin>:5:33: error: unknown field 'nme' on customer"))
      let stray = try ChildProcess.playloopScript("  message email \"Hi\"\n", arguments: [file])
      #expect(stray.stderr.contains("'message' must follow an 'offer' line"))
      #expect(stray.stderr.contains("put it right under its offer's line"))
    }
  }
}
