import PlayloopTestSupport
import Testing

@testable import PlaybookLanguage

@Suite struct FormatterTests {
  static let canonicalBrief = #"""
    playbook "Service recovery loop"
    as of 2026-11-01T00:00:00Z  # evaluation clock; --as-of overrides; default: now
    window 30d                  # only triggers from the last 30 days fire (default 30d; `window all`)

    load customers from "../Examples/data/customers.csv"  # key column defaults to id
    load tickets from "../Examples/data/tickets.csv" link customer_id
    load orders from "../Examples/data/orders.csv" link customer_id
    load calls from "../Examples/data/calls.jsonl" link customer_id
      with opened = started_at  # map the lifecycle fields onto this file's columns

    define complaint = ticket where ticket.kind == "complaint"

    segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"

    channel email address customer.email requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in

    offer THANKS10 "10% off your next order" valid 30d
    offer SORRY25 "25% off, and our apologies" valid 14d
    offer REFER20 "Give $20, get $20" valid 60d
    offer STAY15 "15% off if you stay with us" valid 21d

    rule quick_fix_thanks priority 5
      when complaint resolved within 4h and complaint.csat >= 4
      send THANKS10 via email after 1d

    rule slow_fix_apology priority 10
      when complaint resolved after 72h or complaint open for 72h
      send SORRY25 via email, sms after 2h  # first channel the customer can be reached on

    rule evangelist
      when ticket.csat == 5 and customer in vip
      unless count(complaint in last 90d) > 1
      send REFER20 via email after 3d

    rule cancel_risk priority 20
      when call.transcript contains any ["cancel", "switch", "competitor"]
      send STAY15 via sms, email

    limit 1 per customer  # at most one offer per customer per run
    holdout 5%            # control group: decided, logged, never sent
    export to "../out" as csv

    """#

  @Test func briefPlaybookFormatsCanonically() {
    #expect(format(BriefExamples.playbook) == FormatterTests.canonicalBrief)
    #expect(format(BriefExamples.test) == BriefExamples.test + "\n")
  }

  @Test func messyLayoutBecomesCanonical() {
    let messy = """
      # Header comment

      # about the clock
      as  of   2026-11-01
      rule   r   priority  2   # trailing on header
        # before when
          when (a.x or b.y) and not (c.z == 1)
        and count(ticket where ticket.csat < 3 in last 30d)>=2
        unless customer.tier in ["a",
              "b"]   # inside list
        and customer.age<18
        send  A  via  email ,sms   after 1d
      limit 1 per customer
      load t from "t.csv"
        with opened=started_at
        key id
      test "x"
        expect customer  "C 1" gets A
        load t from "f.csv"
        as of 2026-11-02
      # the end
      """
    let expected = """
      # Header comment

      # about the clock
      as of 2026-11-01

      rule r priority 2  # trailing on header
        # before when
        when (a.x or b.y) and not c.z == 1
        and count(ticket where ticket.csat < 3 in last 30d) >= 2
        unless customer.tier in ["a", "b"]  # inside list
        and customer.age < 18
        send A via email, sms after 1d

      limit 1 per customer
      load t from "t.csv" key id
        with opened = started_at

      test "x"
        as of 2026-11-02
        load t from "f.csv"
        expect customer "C 1" gets A

      # the end

      """
    #expect(format(messy) == expected)
    #expect(astDump(format(messy)) == astDump(messy))
  }

  @Test(arguments: [
    "(a.x or b.y) and c.z", "a.x or (b.y and c.z)", "a.x and (b.y and c.z)", "(a.x == 1) == true",
    "1 - (2 - 3)", "(1 - 2) - 3", "-(1 + 2) * 3", "not (a.x or b.y)", "(not a.x) == b.y", "(a.x + 1) in [1, 2]",
    "(a.x in vip) == true", "(a.x contains \"b\") contains \"c\"", "count(ticket where (complaint) in last 3d) > 1",
    "count(ticket where a.x and (complaint) in last 3d) > 1", "- -1", "a.x - -1", "(customer) in vip",
  ])
  func parenthesesKeepMeaning(expression: String) throws {
    let text = "segment s = " + expression
    let original = try #require(astDump(text))
    let formatted = format(text)
    #expect(astDump(formatted) == original)
    #expect(format(formatted) == formatted)
  }

  @Test(arguments: PlaybookGrammar.ExportFormat.allCases)
  func exportFormatsRoundTrip(exportFormat: PlaybookGrammar.ExportFormat) throws {
    let text = "export   to \"out\"   as \(exportFormat.rawValue)\n"
    let formatted = format(text)
    #expect(formatted == "export to \"out\" as \(exportFormat.rawValue)\n")
    #expect(astDump(formatted) == astDump(text))
    #expect(format(formatted) == formatted)
  }

  @Test func stringsAndIDsReadBackTheSame() {
    let text =
      "playbook \"a\\\"b\\\\c\\td\"\ntest \"t\"\n  expect customer \"C \\\"1\\\"\" gets X\n  expect customer c.1-x_2 gets nothing\n"
    #expect(astDump(format(text)) == astDump(text))
    #expect(format(text).contains("expect customer c.1-x_2 gets nothing"))
  }

  @Test func exceptionLinesAreKeptAsWritten() {
    let text = """
      rule r
        unless a.x and b.y  # one line
        unless c.z          # first
        and d.w             # second
        send A via e

      """
    #expect(format(text) == text)
    #expect(astDump(text)?.contains("(unless (and a.x b.y)) (unless (and c.z d.w))") == true)
  }

  /// An `or` on an `and` line keeps its parentheses, so the line does not read as
  /// `(… and a) or b`; the first line and `unless` lines need none.
  @Test func anOrOnAnAndLineKeepsItsParentheses() {
    let text = """
      rule r
        when a.x or b.y
        and (c.z or d.w)
        and e.v
        unless f.u
        and (g.t or h.s)
        send A via e

      """
    #expect(format(text) == text)
    let bare = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0 == "  and (c.z or d.w)" ? "  and c.z or d.w" : String($0) }.joined(separator: "\n")
    #expect(format(bare) == text)
    #expect(astDump(format(text)) == astDump(text))
  }

  @Test func withoutSourceKindsAreSeparated() {
    let (playbook, _) = parse(
      "offer A\noffer B\nchannel e address customer.e\nrule r\n  send A via e\nlimit 1 per customer")
    #expect(
      PlaybookFormatter.format(playbook)
        == "offer A\noffer B\n\nchannel e address customer.e\n\nrule r\n  send A via e\n\nlimit 1 per customer\n")
  }

  @Test func crlfSourceFormatsLikeLF() {
    let lf = "limit 1 per customer\n\nholdout 5%  # c\n"
    #expect(format(lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")) == lf)
  }

  @Test func emptyPlaybookFormatsEmpty() {
    #expect(format("") == "")
    #expect(format("\n\n# only a comment\n") == "# only a comment\n")
  }

  /// Random expression trees, written with parentheses around every operand: the
  /// formatter's minimal parentheses must read back as the same tree.
  @Test func randomExpressionsKeepTheirShape() throws {
    var rng = SeededGenerator(seed: 42)
    let leaves = [
      "a.x", "customer", "1", "2.5", "\"s\"", "4h", "5%", "now", "true", "null", "2026-11-01",
      "complaint resolved within 4h", "ticket open for 3d", "complaint in last 9d", "complaint resolved",
      "count(ticket where a.x > 1 in last 3d)", "sum(order.total where customer in last 2d)", "[1, -2]",
      "lower(a.x)", "coalesce(a.x, 1, now)",
    ]
    let binary = ["or", "and", "==", "!=", "<", ">=", "+", "-", "*", "/"]
    func pick(_ items: [String]) -> String { items[Int(rng.next() % UInt64(items.count))] }
    func expression(_ depth: Int) -> String {
      if depth == 0 || rng.next() % 5 == 0 { return pick(leaves) }
      let x = "(" + expression(depth - 1) + ")"
      switch rng.next() % 12 {
      case 0: return "not " + x
      case 1: return "-" + x
      case 2: return x + " in vip"
      case 3: return x + " not in [1, (" + expression(depth - 1) + ")]"
      case 4: return x + " contains (" + expression(depth - 1) + ")"
      case 5: return x + " contains any [\"a\"]"
      case 6: return x + (rng.next() % 2 == 0 ? " is null" : " is not null")
      case 7:
        return x + (rng.next() % 2 == 0 ? " between 1 and (" : " not between 1 and (") + expression(depth - 1) + ")"
      case 8: return x + " " + pick(TextMatch.allCases.map(\.rawValue)) + " \"a\""
      default: return x + " " + pick(binary) + " (" + expression(depth - 1) + ")"
      }
    }
    for _ in 0..<1000 {
      let text = "segment s = " + expression(5)
      let original = try #require(astDump(text), "does not parse: \(text)")
      let formatted = format(text)
      #expect(astDump(formatted) == original, "\(text)\n→ \(formatted)")
      #expect(format(formatted) == formatted)
    }
  }
}
