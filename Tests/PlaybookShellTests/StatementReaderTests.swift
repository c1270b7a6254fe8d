import Testing

@testable import PlaybookShell

@Suite struct StatementReaderTests {
  /// Feeds lines and collects everything completed, then the rest at the end.
  func items(_ lines: [String]) -> [StatementReader.Item] {
    var reader = StatementReader()
    return lines.flatMap { reader.read($0) } + reader.finish()
  }

  @Test func ruleSpansLinesUntilBlankLine() {
    var reader = StatementReader()
    #expect(reader.read("rule quick_fix_thanks priority 5") == [])
    #expect(reader.isContinuing)
    #expect(reader.read("  when complaint resolved within 4h") == [])
    #expect(reader.read("  send THANKS10 via email after 1d") == [])
    let done = reader.read("")
    #expect(!reader.isContinuing)
    #expect(
      done == [
        .statement(
          TypedStatement(
            text: "rule quick_fix_thanks priority 5\n  when complaint resolved within 4h\n"
              + "  send THANKS10 via email after 1d", firstLine: 1))
      ])
  }

  @Test func continuationWordsContinueWithoutIndentation() {
    let result = items([
      "rule r", "when ticket.csat == 5", "and customer in vip", "unless x", "send A",
    ])
    #expect(
      result == [
        .statement(
          TypedStatement(
            text: "rule r\nwhen ticket.csat == 5\nand customer in vip\nunless x\nsend A",
            firstLine: 1))
      ])
  }

  @Test func nextStatementEndsTheOpenOne() {
    let result = items(["rule a", "  when x", "rule b", "  when y"])
    #expect(
      result == [
        .statement(TypedStatement(text: "rule a\n  when x", firstLine: 1)),
        .statement(TypedStatement(text: "rule b\n  when y", firstLine: 3)),
      ])
  }

  @Test func singleLineStatementsEndWithTheirLine() {
    var reader = StatementReader()
    #expect(
      reader.read(#"offer THANKS10 "10% off" valid 30d"#)
        == [.statement(TypedStatement(text: #"offer THANKS10 "10% off" valid 30d"#, firstLine: 1))])
    #expect(!reader.isContinuing)
    #expect(
      reader.read("window 30d") == [.statement(TypedStatement(text: "window 30d", firstLine: 2))])
  }

  /// The late-error bug: a line that starts no statement used to open a statement, show
  /// the continuation prompt, and be reported a line later.
  @Test func aLineThatStartsNoStatementEndsAtOnce() {
    var reader = StatementReader()
    #expect(reader.read("exti") == [.statement(TypedStatement(text: "exti", firstLine: 1))])
    #expect(!reader.isContinuing)
    #expect(reader.read("  valid 30d") == [.statement(TypedStatement(text: "  valid 30d", firstLine: 2))])
  }

  @Test func anOneLineStatementTakesNoIndentedLine() {
    #expect(
      items([#"offer THANKS10 "10% off""#, "  valid 30d"]) == [
        .statement(TypedStatement(text: #"offer THANKS10 "10% off""#, firstLine: 1)),
        .statement(TypedStatement(text: "  valid 30d", firstLine: 2)),
      ])
  }

  @Test func anExpressionGoesOnWhileABracketIsOpen() {
    var reader = StatementReader()
    #expect(reader.read(#"segment vip = customer.tier in ["gold","#) == [])
    #expect(reader.isContinuing)
    #expect(reader.read(#"  "platinum", # the top tier"#) == [])
    #expect(
      reader.read(#""silver"]"#) == [
        .statement(
          TypedStatement(
            text: "segment vip = customer.tier in [\"gold\",\n  \"platinum\", # the top tier\n\"silver\"]",
            firstLine: 1))
      ])
    // A bracket never closed ends at the next statement, which the parser then reports.
    #expect(reader.read("segment x = (a") == [])
    #expect(reader.read("rule r").first == .statement(TypedStatement(text: "segment x = (a", firstLine: 4)))
  }

  @Test func loadClausesMayStartWithFrom() {
    #expect(
      items(["load customers", #"from "c.csv""#, ""])
        == [.statement(TypedStatement(text: "load customers\nfrom \"c.csv\"", firstLine: 1))])
  }

  @Test func commandStandsAloneAndEndsTheOpenStatement() {
    let result = items(["segment vip = customer.tier == \"gold\"", "  :rules ", "x"])
    #expect(
      result == [
        .statement(TypedStatement(text: "segment vip = customer.tier == \"gold\"", firstLine: 1)),
        .command(":rules", line: 2),
        .statement(TypedStatement(text: "x", firstLine: 3)),
      ])
  }

  @Test func loadTakesIndentedClauses() {
    let result = items([
      #"load calls from "calls.jsonl" link customer_id"#, "    with opened = started_at", "",
    ])
    #expect(
      result == [
        .statement(
          TypedStatement(
            text: "load calls from \"calls.jsonl\" link customer_id\n    with opened = started_at",
            firstLine: 1))
      ])
  }

  @Test func testStatementKeepsItsAsOfAndLoadLines() {
    let lines = [
      #"test "fast fixes are thanked""#, "  as of 2026-11-01", #"  load tickets from "t.csv""#,
      "  expect customer C-1001 gets THANKS10 via email", "as of 2026-12-01",
    ]
    let result = items(lines)
    #expect(result.count == 2)
    #expect(
      result.first
        == .statement(TypedStatement(text: lines[0..<4].joined(separator: "\n"), firstLine: 1)))
  }

  @Test func asOfOutsideATestIsAStatement() {
    let result = items(["rule a", "  when x", "as of 2026-11-01T00:00:00Z"])
    #expect(
      result.last == .statement(TypedStatement(text: "as of 2026-11-01T00:00:00Z", firstLine: 3)))
  }

  @Test func commentsBetweenStatementsAreTheirOwnAndInsideKept() {
    let result = items(["# header", "rule a   # trailing", "  # inside", "  when x", ""])
    #expect(
      result == [
        .statement(TypedStatement(text: "# header", firstLine: 1)),
        .statement(TypedStatement(text: "rule a   # trailing\n  # inside\n  when x", firstLine: 2)),
      ])
  }

  @Test func discardDropsTheOpenStatement() {
    var reader = StatementReader()
    _ = reader.read("rule a")
    reader.discard()
    #expect(!reader.isContinuing)
    #expect(reader.finish() == [])
  }

  @Test func carriageReturnsAreDropped() {
    #expect(
      items(["window 30d\r"]) == [.statement(TypedStatement(text: "window 30d", firstLine: 1))])
  }
}
