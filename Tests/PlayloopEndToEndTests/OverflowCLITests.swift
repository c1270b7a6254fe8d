import Foundation
import PlayloopTestSupport
import Testing

/// Numbers past 64 bits used to crash `check` and `run` (exit 132, no message): a literal
/// too large is now a `check` error at the literal, and a time or duration computed from
/// the data that overflows reads as null, with a warning saying how many did.
@Suite struct OverflowCLITests {
  static let customers = """
    id,v,n
    C1,200000000000000,9223372036854775807
    C2,1,1
    C3,300000000000000,2

    """

  /// A playbook over `customers.csv` whose one rule ends with `rule` lines.
  static func playbook(_ lines: String, extra: String = "") -> String {
    """
    playbook "overflow"
    as of 2026-11-01
    load customers from "customers.csv"
    channel email address customer.id
    offer A valid 1d
    \(extra)
    rule r
    \(lines)

    """
  }

  func run(_ arguments: [String], _ playbook: String) throws -> (status: Int32, stdout: String, stderr: String) {
    try ScratchFolder.with("overflow") { folder in
      try folder.write(Self.customers, to: "customers.csv")
      let file = try folder.write(playbook, to: "p.playbook")
      let result = try ChildProcess.playloop(
        arguments + [file] + (arguments.first == "run" ? ["--out", folder.path("out")] : []),
        environment: ["NO_COLOR": "1"])
      return (result.status, result.stdout, result.stderr.replacingOccurrences(of: file, with: "p.playbook"))
    }
  }

  /// Each case: the text after `rule r`, the literal, and the message.
  static let literals: [(String, String, String)] = [
    (" priority 99999999999999999999\n  when customer.v > 0\n  send A via email", "99999999999999999999", "number"),
    (" priority 9223372036854775807\n  when customer.v > 0\n  send A via email", "9223372036854775807", "number"),
    (
      "\n  when customer.v > 0\n  send A via email\n\nlimit 9223372036854775807 per customer", "9223372036854775807",
      "number"
    ),
    ("\n  when customer.v > 99999999999999999999\n  send A via email", "99999999999999999999", "number"),
    (
      "\n  when customer.v > 0\n  send A via email after 99999999999999999999999w", "99999999999999999999999w",
      "duration"
    ),
    ("\n  when customer.v > 0\n  send A via email after 600000w", "600000w", "duration"),
    ("\n  when now - 1000000w < now\n  send A via email", "1000000w", "duration"),
  ]

  @Test(arguments: literals)
  func aLiteralTooLargeIsACheckErrorAtTheLiteral(rest: String, literal: String, kind: String) throws {
    let text = Self.playbook("").replacingOccurrences(of: "rule r\n", with: "rule r" + rest)
    let message = kind == "number" ? "number \(literal) is too large" : "duration \(literal) is too long"
    let line = try #require(text.split(separator: "\n").first { $0.contains(literal) })
    let column = line.distance(from: line.startIndex, to: try #require(line.range(of: literal)).lowerBound)
    let caret = String(repeating: " ", count: column + 1) + "^" + String(repeating: "~", count: literal.count - 1)
    for command in ["check", "run"] {
      let result = try run([command], text)
      #expect(result.status == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("error: \(message)"), "\(result.stderr)")
      #expect(result.stderr.contains("| " + line + "\n") && result.stderr.contains("|" + caret), "\(result.stderr)")
    }
  }

  @Test func aComputedDurationThatOverflowsIsNullAndCounted() throws {
    // 2e14 days and 3e14 days are past 64 bits of seconds: those two customers' values
    // are null (the condition does not hold); C2's 1 day is not more than 1 day.
    let result = try run(["run"], Self.playbook("  when customer.v * 1d > 1d\n  send A via email"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("warning: 2 values overflowed in rule 'r'; treated as null"), "\(result.stderr)")
    #expect(result.stdout.contains("A         0"), "\(result.stdout)")
  }

  @Test func overflowsInSegmentsAndNegationsAreCountedWhereTheyHappen() throws {
    let result = try run(
      ["run"],
      Self.playbook(
        "  when customer in far and -(customer.n * 1s) < 1d\n  send A via email",
        extra: "segment far = now + customer.v * 1w > now"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains("warning: 2 values overflowed in segment 'far'; treated as null"), "\(result.stderr)")
    #expect(result.stderr.contains("warning: 1 value overflowed in rule 'r'; treated as null"), "\(result.stderr)")
    // Only C2 is in `far` (1 week from now), and its 1 second is less than a day.
    #expect(result.stdout.contains("A         1"), "\(result.stdout)")
  }

  @Test func theLongestDurationsStillRun() throws {
    // 522857w is inside the bounds: the send lands in year ~12047, written as it is.
    let result = try run(
      ["run"],
      Self.playbook(
        "  when customer.v > 0\n  send B via email after 522857w",
        extra: "offer B valid 522857w\nwindow 522857w\nlimit 1 per customer per 522857w"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("B         3"), "\(result.stdout)")
  }
}
