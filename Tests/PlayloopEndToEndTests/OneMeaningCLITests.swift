import Foundation
import PlayloopTestSupport
import Testing

/// One meaning, with the real binary: texts order by their UTF-8 bytes (never by
/// canonical equivalence), and a repeated event key is a row set aside, not a tie broken
/// by file order.
@Suite struct OneMeaningCLITests {
  /// `é` as one code point (C3 A9) and as `e` with a combining accent (65 CC 81): the
  /// same text to `String`'s `==`, two texts in bytes, ordered around `f` (66).
  static let composed = "C-\u{E9}"
  static let decomposed = "C-e\u{301}"

  static let playbook = """
    playbook "One meaning"
    as of 2026-11-01T00:00:00Z
    window all
    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id
    channel email address customer.email
    offer SORRY "Sorry"
    rule sorry
      when ticket resolved
      send SORRY via email

    """

  func folder(customers: String, tickets: String) throws -> ScratchFolder {
    try ScratchFolder(
      "meaning", files: ["customers.csv": customers, "tickets.csv": tickets, "p.playbook": Self.playbook])
  }

  func playloop(_ arguments: [String], in folder: ScratchFolder) throws -> ChildProcess {
    try ChildProcess.playloop(arguments, in: folder.path, environment: ["NO_COLOR": "1"])
  }

  /// Three customers whose ids sort `f` first by `String`'s `<` but last but one in
  /// bytes; one customer's tickets tie on everything but their ids.
  @Test func idsAreDistinctAndOrderedByTheirBytes() throws {
    let customers =
      "id,email\n\(Self.composed),a@example.com\nC-f,b@example.com\n\(Self.decomposed),c@example.com\n"
    let tickets =
      "id,customer_id,opened_at,resolved_at\n"
      + "T-f,C-f,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
      + "T-e\u{301},C-f,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
      + "T-1,\(Self.composed),2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
      + "T-2,\(Self.decomposed),2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
    let folder = try folder(customers: customers, tickets: tickets)
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("out").path
    let run = try playloop(["run", "p.playbook", "--out", out], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr == "")
    let files = try Fixtures.exportFiles(in: out)
    let rows = try #require(files["decisions.csv"]).split(separator: "\r\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
    }
    // Both forms of C-é are customers of their own; C-f's two tickets collapse to the
    // one whose id is first in bytes (`T-e` + accent, not `T-f`).
    #expect(
      rows == [
        "\(Self.decomposed),sorry,SORRY,T-2", "C-f,sorry,SORRY,T-e\u{301}", "\(Self.composed),sorry,SORRY,T-1",
      ])
  }

  /// A ticket id used twice: the second row is set aside with the first one's line; the
  /// run warns, `describe` lists it, `--strict` stops at it.
  @Test func aRepeatedEventKeyIsARowSetAside() throws {
    let tickets =
      "id,customer_id,opened_at,resolved_at\n"
      + "T-1,C-1,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
      + "T-2,C-1,2026-10-30T08:00:00Z,2026-10-30T10:00:00Z\n"
      + "T-1,C-2,2026-10-29T08:00:00Z,2026-10-29T10:00:00Z\n"
    let folder = try folder(customers: "id,email\nC-1,a@example.com\nC-2,b@example.com\n", tickets: tickets)
    defer { folder.remove() }
    let reason = "ticket \"T-1\" is already on line 2"
    let run = try playloop(["run", "p.playbook", "--dry-run", "--max-set-aside", "50%"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr == "tickets.csv:4: warning: row set aside: \(reason)\n")
    #expect(run.stdout.contains("1 row set aside (tickets.csv: 1)"))
    let describe = try playloop(["describe", "p.playbook", "--table", "tickets"], in: folder)
    #expect(describe.status == 0, "\(describe.stderr)")
    #expect(describe.stdout.contains("2 rows loaded, 1 set aside"))
    #expect(describe.stdout.hasSuffix("set aside:\n  line 4: \(reason)\n"))
    let explain = try playloop(["explain", "p.playbook", "C-2"], in: folder)
    #expect(
      explain.stdout.hasSuffix(
        "set aside while loading (no rule saw them):\n  tickets, tickets.csv line 4: \(reason)\n"), "\(explain.stdout)")
    let strict = try playloop(["run", "p.playbook", "--dry-run", "--strict"], in: folder)
    #expect(strict.status == 2)
    #expect(strict.stderr.hasPrefix("tickets.csv:4: error: \(reason)\n"))
  }
}
