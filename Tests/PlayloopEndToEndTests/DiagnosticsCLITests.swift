import Foundation
import PlayloopTestSupport
import Testing

/// The error contract with the real binary: one prefix style, exit codes by kind, and
/// failures as JSON where JSON was asked for.
@Suite struct DiagnosticsCLITests {
  let playbook = "Playbooks/service-recovery.playbook"

  /// The flagship playbook with `edit` applied, in a scratch folder, data paths absolute.
  func broken(_ folder: URL, _ edit: (String) -> String) throws -> String {
    let text = try String(contentsOfFile: Repository.root + "/" + playbook, encoding: .utf8)
      .replacingOccurrences(of: "../Examples", with: Repository.root + "/Examples")
    let file = folder.appendingPathComponent("broken.playbook")
    try edit(text).write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  func json(_ text: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return try #require(object?["diagnostics"] as? [[String: Any]])
  }

  /// Segments naming each other used to pass `check` and crash `run` (the compiler
  /// recursed without end): now both report the circle once and exit 1.
  @Test func segmentsInACircleAreOneErrorNotACrash() throws {
    let scratch = try ScratchFolder("cli")
    defer { scratch.remove() }
    let folder = scratch.url
    let cyclic = try broken(folder) {
      $0.replacingOccurrences(
        of: "segment vip = customer.lifetime_value >= 1000 or customer.tier == \"gold\"",
        with: "segment vip = customer in gold\nsegment gold = customer in vip")
    }
    for arguments in [["check", cyclic], ["run", "--dry-run", cyclic]] {
      let result = try ChildProcess.playloop(arguments, environment: ["NO_COLOR": "1"])
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.stderr == """
          \(cyclic):16:27: error: segment 'vip' is defined in terms of itself: vip → gold → vip
            16 | segment vip = customer in gold
               |                           ^~~~ a segment or define cannot use itself, directly or through others
          \(cyclic):17:28: note: 'gold' uses 'vip' here

          """, "\(arguments)")
      #expect(result.stdout == "")
    }
  }

  @Test func exitCodesFollowTheKind() throws {
    let scratch = try ScratchFolder("cli")
    defer { scratch.remove() }
    let folder = scratch.url
    // The playbook is wrong: 1.
    let wrong = try broken(folder) { $0.replacingOccurrences(of: "send STAY15", with: "send STAY51") }
    let check = try ChildProcess.playloop(["check", wrong], environment: ["NO_COLOR": "1"])
    #expect(check.status == 1)
    #expect(check.stderr.contains("error: unknown offer 'STAY51'"))
    // Data that cannot be read: 2, at the data file, with a note at the load.
    let missing = try broken(folder) { $0.replacingOccurrences(of: "data/orders.csv", with: "data/nope.csv") }
    let load = try ChildProcess.playloop(["check", missing], environment: ["NO_COLOR": "1"])
    #expect(load.status == 2)
    #expect(load.stderr.contains("Examples/data/nope.csv: error: cannot read the file: no such file\n"))
    #expect(load.stderr.contains("broken.playbook:9:18: note: loaded here"))
    // Bad usage: 2, in the one prefix style.
    let usage = try ChildProcess.playloop(["run", playbook, "--as-of", "soon"], environment: ["NO_COLOR": "1"])
    #expect(usage.status == 2)
    #expect(usage.stderr.hasPrefix("error: --as-of: 'soon' is not `now` or an ISO 8601 time"))
    #expect(!usage.stderr.contains("Error:"))
    let rule = try ChildProcess.playloop(
      ["explain", playbook, "C-0001", "--rule", "evangelst"], environment: ["NO_COLOR": "1"])
    #expect(rule.status == 2)
    #expect(rule.stderr == "error: no rule 'evangelst' in \(playbook)\n  hint: did you mean 'evangelist'?\n")
    // A missing playbook, an unwritable JUnit file, a missing ledger: 2.
    #expect(try ChildProcess.playloop(["fmt", folder.appendingPathComponent("none.playbook").path]).status == 2)
    let junit = try ChildProcess.playloop(["test", playbook, "--junit", "/nonexistent/dir/j.xml"])
    #expect(junit.status == 2)
    #expect(junit.stderr.contains("/nonexistent/dir/j.xml: error: cannot write /nonexistent/dir/j.xml"))
    #expect(try ChildProcess.playloop(["ledger", folder.appendingPathComponent("none.ledger").path]).status == 2)
    // A failing test: 1.
    let failing = try broken(folder) {
      $0.replacingOccurrences(
        of: "expect customer C-0001 gets THANKS10 via email", with: "expect customer C-0001 gets nothing")
    }
    let test = try ChildProcess.playloop(["test", failing], environment: ["NO_COLOR": "1"])
    #expect(test.status == 1)
    #expect(test.stderr.contains("error: 1 test failed"))
  }

  @Test func checkFormatJSONPrintsEveryFilesDiagnostics() throws {
    let scratch = try ScratchFolder("cli")
    defer { scratch.remove() }
    let folder = scratch.url
    let wrong = try broken(folder) { $0.replacingOccurrences(of: "complaint.csat >= 4", with: "complaint.csatt >= 4") }
    let result = try ChildProcess.playloop(["check", "--format", "json", playbook, wrong])
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
    let diagnostics = try json(result.stdout)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["code"] as? String == "unknown_field")
    #expect(diagnostics.first?["file"] as? String == wrong)
    #expect(diagnostics.first?["line"] as? Int == 27)
    #expect(diagnostics.first?["column"] as? Int == 51)
    #expect(diagnostics.first?["hint"] as? String == "did you mean 'csat'?")
    let clean = try ChildProcess.playloop(["check", "--format", "json", playbook])
    #expect(clean.status == 0)
    #expect(try json(clean.stdout).isEmpty)
  }

  @Test func jsonCommandsPrintTheirFailuresAsJSON() throws {
    let explain = try ChildProcess.playloop(["explain", playbook, "C-00001", "--json"])
    #expect(explain.status == 2)
    let unknown = try json(explain.stdout)
    #expect(unknown.first?["code"] as? String == "unknown_customer")
    #expect(unknown.first?["kind"] as? String == "usage")
    let scratch = try ScratchFolder("cli")
    defer { scratch.remove() }
    let folder = scratch.url
    let missing = try broken(folder) { $0.replacingOccurrences(of: "data/customers.csv", with: "data/none.csv") }
    let run = try ChildProcess.playloop(["run", missing, "--dry-run", "--json"])
    #expect(run.status == 2)
    let load = try json(run.stdout)
    #expect(load.first?["code"] as? String == "load_unreadable")
    #expect((load.first?["notes"] as? [[String: Any]])?.first?["line"] as? Int == 7)
    let ledger = try ChildProcess.playloop(["ledger", folder.appendingPathComponent("none.ledger").path, "--json"])
    #expect(ledger.status == 2)
    #expect(try json(ledger.stdout).first?["code"] as? String == "ledger_missing")
  }

  @Test func aMisspeltDeclarationIsOneErrorWithNotes() throws {
    let scratch = try ScratchFolder("cli")
    defer { scratch.remove() }
    let folder = scratch.url
    let wrong = try broken(folder) { $0.replacingOccurrences(of: "offer THANKS10 ", with: "offer THANKS1 ") }
    let result = try ChildProcess.playloop(["check", wrong], environment: ["NO_COLOR": "1"])
    #expect(result.status == 1)
    #expect(result.stderr.components(separatedBy: ": error: ").count == 2)
    #expect(result.stderr.contains("error: unknown offer 'THANKS10'"))
    #expect(result.stderr.contains(": note: also here"))
  }
}
