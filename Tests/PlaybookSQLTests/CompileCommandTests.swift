import Foundation
import PlayloopTestSupport
import Testing

/// `playloop compile` as its user runs it: the SQL on stdout or in a file, refusals as
/// diagnostics with a caret and exit 1, an unknown dialect as bad usage.
@Suite struct CompileCommandTests {
  @Test func theSQLGoesToAFileWithTheClockGiven() throws {
    let folder = try ScratchFolder("compile-out")
    defer { folder.remove() }
    let out = folder.path + "/candidates.sql"
    let child = try ChildProcess.playloop([
      "compile", Repository.serviceRecovery, "--to", "postgres", "--as-of", "2026-12-01T00:00:00Z", "--out", out,
    ])
    #expect(child.status == 0, "\(child.stderr)")
    #expect(child.stdout.isEmpty)
    let sql = try String(contentsOfFile: out, encoding: .utf8)
    #expect(sql.hasPrefix("-- Playloop: every candidate of playbook \"Service recovery loop\""))
    #expect(sql.contains("compiled for postgres at clock 2026-12-01T00:00:00Z, window 30d."))
    #expect(sql.contains("-- line 26: rule quick_fix_thanks priority 5\n\"rule_quick_fix_thanks\" AS ("))
    #expect(!sql.contains("CREATE") && !sql.contains("interval"))
  }

  @Test func whatCannotBeCompiledIsAnErrorAtTheConstruct() throws {
    let child = try ChildProcess.playloop(["compile", "Playbooks/campaigns.playbook", "--to", "postgres"])
    #expect(child.status == 1)
    #expect(child.stdout.isEmpty)
    #expect(
      child.stderr.contains(
        """
        Playbooks/campaigns.playbook:49:10: error: `sent(any in last 14d)` cannot be compiled to postgres: \
        it reads the send ledger, which the database does not hold
          49 |   unless sent(any in last 14d)
             |          ^~~~~~~~~~~~~~~~~~~~~
        """), "\(child.stderr)")
  }

  @Test func sparkIsADialect() throws {
    let child = try ChildProcess.playloop(["compile", Repository.serviceRecovery, "--to", "spark"])
    #expect(child.status == 0, "\(child.stderr)")
    #expect(child.stdout.contains("compiled for spark at clock 2026-11-01T00:00:00Z, window 30d."))
    #expect(child.stdout.contains("-- line 26: rule quick_fix_thanks priority 5\n`rule_quick_fix_thanks` AS ("))
  }

  @Test func anUnknownDialectIsBadUsage() throws {
    let child = try ChildProcess.playloop(["compile", Repository.serviceRecovery, "--to", "mysql"])
    #expect(child.status == 2)
    #expect(child.stderr.contains("'mysql' is no dialect; give postgres or spark"), "\(child.stderr)")
  }
}
