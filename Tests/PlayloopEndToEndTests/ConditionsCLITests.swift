import Foundation
import PlayloopTestSupport
import Testing

/// The real binary on `Tests/Fixtures/conditions`: `between`, `matches`, `starts with`,
/// `ends with`, functions and `x.opened in last D` over an export with spaces around
/// values, `NA` for null, tiers in any case and letters outside ASCII.
@Suite struct ConditionsCLITests {
  static let folder = Repository.path("Tests/Fixtures/conditions")
  static let playbook = folder + "/conditions.playbook"
  static let plain = ["NO_COLOR": "1"]

  @Test func checkRunAndTestAgree() throws {
    let check = try ChildProcess.playloop(["check", Self.playbook], environment: Self.plain)
    #expect(check.status == 0, "\(check.stderr)")
    let test = try ChildProcess.playloop(["test", Self.playbook], environment: Self.plain)
    #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
    #expect(test.stdout.contains("✓ refunds and welcomes (5 expectations)"))
    #expect(test.stdout.contains("✓ no order since the fix (3 expectations)"))
    try ScratchFolder.with("conditions") { scratch in
      let run = try ChildProcess.playloop(["run", Self.playbook, "--out", scratch.path], environment: Self.plain)
      #expect(run.status == 0, "\(run.stderr)")
      let decisions = try String(contentsOfFile: scratch.path + "/decisions.csv", encoding: .utf8)
      let sent = decisions.split(separator: "\r\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: " ")
      }
      #expect(
        sent == [
          "C1 refund_apology SORRY T1", "C2 refund_apology SORRY T2", "C1 welcome WELCOME ",
          "C3 no_order_since_the_fix WINBACK T3",
        ])
    }
  }

  @Test func explainShowsWhatEachPartRead() throws {
    let result = try ChildProcess.playloop(["explain", "--detail", Self.playbook, "C1"], environment: Self.plain)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(lines.contains(#"ticket.subject matches "^(re: *)?refund" true (subject = Refund for order #123)"#))
    #expect(lines.contains("ticket.csat between 1 and 3 true (csat = 3)"))
    #expect(lines.contains("ticket in last 7d true (opened 7d before the clock)"))
    #expect(
      lines.contains(
        "days_between(customer.signup, now) between 0 and 2 true (signup = 2026-10-30T00:00:00Z, days_between(customer.signup, now) = 2)"
      ))
    #expect(
      lines.contains(where: {
        $0.contains(#"trim(coalesce(customer.nickname, customer.name)) starts with "z" true"#)
          && $0.contains("trim(coalesce(customer.nickname, customer.name)) = Zoë Adler)")
      }))
  }

  @Test func fmtWritesOpenedInLastAsThePhrase() throws {
    try ScratchFolder.with("conditions") { scratch in
      let copy = scratch.path + "/c.playbook"
      try FileManager.default.copyItem(atPath: Self.playbook, toPath: copy)
      let check = try ChildProcess.playloop(["fmt", "--check", copy], environment: Self.plain)
      #expect(check.status == 1)
      #expect(try ChildProcess.playloop(["fmt", copy], environment: Self.plain).status == 0)
      let text = try String(contentsOfFile: copy, encoding: .utf8)
      #expect(text.contains("  and ticket in last 7d and customer in gold\n"))
      #expect(text.contains("  when ticket resolved and count(order where order.opened > ticket.resolved) == 0\n"))
      #expect(text.contains(#"when ticket.subject matches "^(re: *)?refund" and ticket.csat between 1 and 3"#))
      #expect(try ChildProcess.playloop(["fmt", "--check", copy], environment: Self.plain).status == 0)
    }
  }

  /// The shell (script mode, which stops at the first error): the help found, a new
  /// condition typed, a mistake caught.
  @Test func theShellTakesTheNewConditions() throws {
    let result = try ChildProcess.playloopScript(
      """
      :help days_between
      segment big = customer.lifetime_value between 1000 and 3000
      segment bad = customer.tier is "gold"

      """, arguments: [Self.playbook])
    #expect(result.stdout.contains("added segment big"), "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("error: 'is' is not a comparison"), "\(result.stderr)")
    #expect(result.stdout.contains("| `days_between(FROM, TO)` |"))
  }

  /// Mistakes as a marketer makes them, each reported by `check` with its caret.
  @Test(arguments: [
    (
      #"segment gold = lower(trim(customer.tier)) == "gold""#, #"segment gold = lowr(customer.tier) == "gold""#,
      """
      error: unknown function 'lowr'
        14 | segment gold = lowr(customer.tier) == "gold"
           |                ^~~~ did you mean 'lower'? functions: avg, coalesce, count, day_of_week, days_between, hour, length, lower, max, min, month, sum, trim, upper
      """
    ),
    (
      #"segment gold = lower(trim(customer.tier)) == "gold""#, #"segment gold = customer.tier is "gold""#,
      """
      error: 'is' is not a comparison
        14 | segment gold = customer.tier is "gold"
           |                              ^~ use '==' to compare; 'is' only tests for null
      """
    ),
    (
      #"matches "^(re: *)?refund""#, #"matches "^(re: *?refund""#,
      """
      error: not a valid pattern: expected ')'
        23 |   when ticket.subject matches "^(re: *?refund" and ticket.csat between 1 and 3
           |                                 ^
      """
    ),
    (
      "ticket.csat between 1 and 3", "ticket.csat between 3 and 1",
      """
      error: between 3 and 1 is never true
        23 |   when ticket.subject matches "^(re: *)?refund" and ticket.csat between 3 and 1
           |                                                                         ^~~~~~~ put the lower bound first
      """
    ),
    (
      "count(order where order.opened > ticket.resolved)", "count(order where order.opened - ticket.resolved > 1d)",
      """
      error: compare a value of order on one side with a value of ticket on the other
        34 |   when ticket resolved and count(order where order.opened - ticket.resolved > 1d) == 0
           |                                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ e.g. order.opened > ticket.opened + 1d
      """
    ),
  ])
  func checkShowsTheMistake(original: String, broken: String, expected: String) throws {
    try ScratchFolder.with("conditions") { scratch in
      let text = try String(contentsOfFile: Self.playbook, encoding: .utf8)
        .replacingOccurrences(of: original, with: broken)
        .replacingOccurrences(of: "\"customers.csv\"", with: "\"\(Self.folder)/customers.csv\"")
        .replacingOccurrences(of: "\"tickets.csv\"", with: "\"\(Self.folder)/tickets.csv\"")
        .replacingOccurrences(of: "\"orders.csv\"", with: "\"\(Self.folder)/orders.csv\"")
      let file = scratch.path + "/broken.playbook"
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      let result = try ChildProcess.playloop(["check", file], environment: Self.plain)
      #expect(result.status == 1)
      #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
  }
}
