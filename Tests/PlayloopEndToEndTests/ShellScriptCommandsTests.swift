import Foundation
import PlayloopTestSupport
import Testing

/// Shell commands in script mode (stdin a pipe) answer as the headless commands do: the
/// same warnings, the same failures, the same exit codes.
@Suite struct ShellScriptCommandsTests {
  /// Runs `script` in the shell with the playbook `text` (written as `p.playbook` in a
  /// scratch folder, with `files` beside it) loaded.
  func shell(
    _ script: String, playbook text: String, files: [String: String] = [:],
    _ check: (ChildProcess, ScratchFolder) throws -> Void
  ) throws {
    try ScratchFolder.with("shell-script") { folder in
      for (name, contents) in files { try folder.write(contents, to: name) }
      try folder.write(text, to: "p.playbook")
      let result = try ChildProcess.playloopScript(script, arguments: ["p.playbook"], in: folder.path)
      try check(result, folder)
    }
  }

  @Test func testInAPlaybookWithoutTestsFailsAsPlayloopTestDoes() throws {
    let playbook = try Fixtures.serviceRecovery().components(separatedBy: "\ntest ")[0]
    try shell(":test\n:rules\n", playbook: playbook) { result, _ in
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("error: no tests: p.playbook has no test blocks"), "\(result.stderr)")
      #expect(!result.stdout.contains("quick_fix_thanks"), "the script stops at the failure")
    }
  }

  @Test func runWarnsOfValuesThatOverflowedAsPlayloopRunDoesAlsoAfterAnEdit() throws {
    let playbook = """
      playbook "overflow"
      as of 2026-11-01
      load customers from "customers.csv"
      channel email address customer.id
      offer A valid 1d
      segment far = now + customer.v * 1w > now
      rule r
        when customer.v * 1d > 1d
        send A via email

      rule s
        when customer in far
        send A via email

      """
    let customers = "id,v\nC1,200000000000000\nC2,1\nC3,300000000000000\n"
    // Typing s evaluates only s (its audience is shown); r's and far's counts are reused.
    let script = ":run\nrule s\n  when customer in far and customer.v > 0\n  send A via email\n\n:run\n"
    try shell(script, playbook: playbook, files: ["customers.csv": customers]) { result, _ in
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("s: 1 candidate"), "\(result.stdout)")
      for warning in [
        "warning: 2 values overflowed in rule 'r'; treated as null\n",
        "warning: 2 values overflowed in segment 'far'; treated as null\n",
      ] {
        #expect(result.stderr.components(separatedBy: warning).count == 3, "\(result.stderr)")
      }
    }
  }

  @Test func exportReusesTheLastRunOnlyWhileNothingChanged() throws {
    let playbook = try Fixtures.serviceRecovery()
    let script = """
      :export fresh
      :run
      :export reused
      :as-of 2026-11-02T00:00:00Z
      :export later
      :run
      window 14d
      :export edited

      """
    try shell(script, playbook: playbook) { result, folder in
      #expect(result.status == 0, "\(result.stderr)")
      let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("exported") }
      #expect(lines.count == 4, "\(result.stdout)")
      let reusing = lines.map { $0.hasSuffix("; the decisions evaluated last (nothing changed since)") }
      // After :run, each change was evaluated at once for its impact: those decisions serve.
      #expect(reusing == [false, true, true, true], "\(lines)")
      // What was reused is what evaluating again exports.
      var reused = try Fixtures.exportFiles(in: folder.path("reused"))
      reused["summary.json"] = reused["summary.json"]?.replacingOccurrences(of: "\"reused\"", with: "\"fresh\"")
      let fresh = try Fixtures.exportFiles(in: folder.path("fresh"))
      #expect(reused.count == 6 && reused == fresh)
    }
  }

  @Test func aRetypedStatementKeepsTheCommentAboveItAndCheckSaysThePlaybookChecks() throws {
    let commented = [("rule quick_fix_thanks", "# thank fast fixes\nrule quick_fix_thanks")]
    let script = """
      :check
      rule quick_fix_thanks priority 5
        when complaint resolved within 8h and complaint.csat >= 4
        send THANKS10 via email after 1d

      :save

      """
    try shell(script, playbook: try Fixtures.serviceRecovery(replacing: commented)) { result, folder in
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("the playbook checks: 4 rules, 4 offers, 4 tests\n"), "\(result.stdout)")
      let saved = try String(contentsOfFile: folder.path("p.playbook"), encoding: .utf8)
      let expected = try Fixtures.serviceRecovery(replacing: commented + [("resolved within 4h", "resolved within 8h")])
      #expect(saved == expected)
    }
  }

  @Test func aScriptStopsAtAPlaybookWithErrors() throws {
    let playbook = try Fixtures.serviceRecovery(replacing: [("within 4h", "withn 4h")])
    try shell(":rules\n", playbook: playbook) { result, _ in
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("p.playbook:27:27: error: unknown phrase 'withn'"), "\(result.stderr)")
      #expect(!result.stdout.contains("quick_fix_thanks"))
    }
  }

  @Test func aScriptReplacesAnotherFileOnlyWithForce() throws {
    try shell(":save other.playbook\n", playbook: try Fixtures.serviceRecovery(), files: ["other.playbook": "old\n"]) {
      result, folder in
      #expect(result.status == 2, "\(result.stderr)")
      #expect(result.stderr.contains("hint: `:save --force other.playbook` replaces it"), "\(result.stderr)")
      let other = try String(contentsOfFile: folder.path("other.playbook"), encoding: .utf8)
      #expect(other == "old\n")
    }
    try shell(
      ":save --force other.playbook\n", playbook: try Fixtures.serviceRecovery(), files: ["other.playbook": "old\n"]
    ) {
      result, folder in
      #expect(result.status == 0, "\(result.stderr)")
      let other = try String(contentsOfFile: folder.path("other.playbook"), encoding: .utf8)
      #expect(other == (try String(contentsOfFile: folder.path("p.playbook"), encoding: .utf8)))
    }
  }
}
