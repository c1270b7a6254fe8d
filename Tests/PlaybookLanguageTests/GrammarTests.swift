import Testing

@testable import PlaybookLanguage

/// The grammar table against the parser and the formatter: every word it lists is read
/// by the parser, and the lines it says continue a statement are the ones that do.
@Suite struct GrammarTests {
  /// One statement of each kind, every clause of a statement on a line of its own where
  /// the statement takes clause lines. Every statement word must have one.
  static let examples: [StatementKeyword: String] = [
    .playbook: #"playbook "Loop""#,
    .asOf: "as of 2026-11-01T00:00:00Z",
    .window: "window all",
    .load: """
    load tickets
      as ticket
      from "t.csv"
      key id
      link customer_id
      with opened = opened_at
      types csat = integer
      delimiter ";"
      encoding "latin1"
      nulls "NA"
      timezone "Europe/Rome"
    """,
    .define: #"define complaint = ticket where ticket.kind == "complaint" and ticket open for 3d"#,
    .segment: """
    segment vip = customer.tier in ["gold", "platinum"] or count(ticket where ticket responded after 4h in last 30d) > 2 \
    and not (sum(ticket.csat) >= avg(ticket.csat) + min(ticket.csat) - max(ticket.csat)) \
    and customer.note contains any ["x"] and customer.email is not null and customer.vip != true \
    and customer.x != false and customer.at < now \
    and customer.n between 1 and 2 and customer.a starts with "a" and customer.b ends with "b" \
    and customer.c matches "c" and lower(upper(customer.d)) == coalesce(customer.e, "e") and length(trim(customer.f)) > 0 \
    and days_between(customer.at, now) + month(now) + day_of_week(now) + hour(now) > 0
    """,
    .channel: """
    channel email address customer.email requires customer.opt_in
      quiet 21:00-08:00
      days mon-fri,sun
    """,
    .offer: """
    offer THANKS10 "10% off" valid 30d
      subject email "Thanks, {{ customer.name }}"
      message email "10% off until {{ expires_at | date: "%b %-d" }}"
    """,
    .rule: """
    rule quick priority 5 every 90d
      when complaint resolved within 4h
      and complaint resolved after 1h
      unless customer in vip
      and sent(THANKS10 via email in last 14d)
      send THANKS10 via email after 1d
    """,
    .limit: "limit 1 per customer per 7d",
    .holdout: #"holdout 5% seed "recovery-2026""#,
    .export: #"export to "out" as jsonl"#,
    .ledger: #"ledger "runs.sqlite""#,
    .timezone: #"timezone customer.tz default "America/New_York""#,
    .test: """
    test "thanks"
      as of 2026-11-01
      load tickets from "t.csv"
      expect customer C-1 gets THANKS10 via email
      expect customer C-2 gets no THANKS10
      expect customer C-3 gets nothing
      expect audience THANKS10 >= 1
    """,
  ]

  @Test(arguments: StatementKeyword.allCases)
  func everyStatementWordParsesAndFormats(_ keyword: StatementKeyword) throws {
    let text = try #require(Self.examples[keyword], "no example of '\(keyword.rawValue)'")
    let (playbook, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty)
    #expect(playbook.statements.map(\.kind.keyword) == [keyword])
    #expect(format(text).hasPrefix(keyword.rawValue + " "))
  }

  @Test(arguments: StatementKeyword.allCases.filter { !$0.clauses.isEmpty })
  func everyClauseIsOnALineOfItsExample(_ keyword: StatementKeyword) throws {
    let text = try #require(Self.examples[keyword])
    let lines = text.split(separator: "\n").dropFirst()
    for clause in keyword.clauses {
      #expect(
        lines.contains { $0.drop(while: \.isWhitespace).hasPrefix(clause + " ") },
        "\(keyword.rawValue) has no '\(clause)' line")
    }
  }

  @Test func everyKeywordIsReadInAnExample() {
    let words = Set(
      (Self.examples.values + PlaybookGrammar.ExportFormat.allCases.map { "export to \"out\" as \($0.rawValue)" }
        + [
          #"load c from sqlite "app.db" table "c""#, #"load t from sqlite "app.db" query "select 1""#,
          #"load o from postgres table "o""#,
        ])
        .flatMap { text in
          tokens(text).filter { $0.kind == .word }.map(\.text)
        })
    #expect(PlaybookGrammar.keywords.filter { !words.contains($0) } == [])
    #expect(Set(PlaybookGrammar.keywords).count == PlaybookGrammar.keywords.count)
  }

  @Test func continuationWordsAreTheClausesThatStartNoStatement() {
    let clauses = StatementKeyword.allCases.flatMap(\.clauses)
    #expect(Set(PlaybookGrammar.continuationWords) == Set(clauses).subtracting(PlaybookGrammar.statementWords))
  }

  /// A block takes an indented line as one of its own (a misspelt clause); any other
  /// statement ends at its line, leaving the indented line to start no statement.
  @Test(arguments: StatementKeyword.allCases)
  func onlyBlocksTakeAnIndentedLine(_ keyword: StatementKeyword) throws {
    let text = try #require(Self.examples[keyword])
    let (playbook, diagnostics) = parse(text + "\n  more")
    #expect(playbook.statements.isEmpty == (keyword.lines == .block))
    let message = keyword.lines == .block ? "unknown \(keyword.rawValue) line 'more'" : "unknown statement 'more'"
    #expect(diagnostics.map(\.message) == [message])
  }

  /// The rule the shell groups typed lines by agrees with the parser on every example:
  /// each later line of an example continues it; the first line of any example, next,
  /// does not, and the parser reads the two as two statements.
  @Test(arguments: StatementKeyword.allCases)
  func typedLinesGroupAsTheParserReads(_ keyword: StatementKeyword) throws {
    let text = try #require(Self.examples[keyword])
    for line in text.split(separator: "\n").dropFirst() {
      #expect(PlaybookGrammar.continues(line, statement: keyword, openBrackets: 0), "\(line)")
    }
    for other in StatementKeyword.allCases {
      let next = try #require(Self.examples[other])
      let first = try #require(next.split(separator: "\n").first)
      #expect(!PlaybookGrammar.continues(first, statement: keyword, openBrackets: 0), "\(first)")
      let (playbook, diagnostics) = parse(text + "\n" + next)
      #expect(playbook.statements.map(\.kind.keyword) == [keyword, other])
      #expect(diagnostics.isEmpty)
    }
  }

  @Test func unknownExportFormatsAreTheGrammars() {
    let (_, diagnostics) = parse(#"export to "out" as jsnl"#)
    #expect(diagnostics.map(\.message) == ["unknown export format 'jsnl'"])
    #expect(diagnostics.first?.hint == "did you mean 'jsonl'?")
  }

  @Test(arguments: [("brze", "braze"), ("hubspt", "hubspot"), ("mailchmp", "mailchimp"), ("customerio1", "customerio")])
  func misspeltSendingToolsAreNamed(written: String, meant: String) {
    let (_, diagnostics) = parse("export to \"out\" as \(written)")
    #expect(diagnostics.map(\.message) == ["unknown export format '\(written)'"])
    #expect(diagnostics.first?.hint == "did you mean '\(meant)'?")
  }

  @Test func everyExportFormatParses() {
    for format in PlaybookGrammar.ExportFormat.allCases {
      let (playbook, diagnostics) = parse("export to \"out\" as \(format.rawValue)")
      #expect(diagnostics.isEmpty, "\(format)")
      guard case .export(let export)? = playbook.statements.first?.kind else {
        Issue.record("no export statement for \(format)")
        continue
      }
      #expect(export.format?.text == format.rawValue)
    }
  }

  @Test func typedLinesContinueAsTheGrammarSays() {
    func continues(_ line: String, after open: StatementKeyword?, brackets: Int = 0) -> Bool {
      PlaybookGrammar.continues(Substring(line), statement: open, openBrackets: brackets)
    }
    #expect(continues("  when complaint resolved", after: .rule))
    #expect(continues("and x.y", after: .rule))
    #expect(continues("with opened = started_at", after: .load))
    #expect(continues("\tsend A via email", after: .rule))
    #expect(continues("# note", after: .rule))
    #expect(continues("  whn x", after: .rule))
    #expect(!continues("from \"x\"", after: .rule))
    #expect(!continues("  valid 30d", after: .offer))
    // A line that starts no statement takes what the parser skips with it.
    #expect(continues("  more", after: nil))
    #expect(continues("when x", after: nil))
    #expect(!continues("more", after: nil))
    // Inside brackets any line goes on, unless it starts a statement or a clause.
    #expect(continues("\"gold\"]", after: .segment, brackets: 1))
    #expect(continues("x", after: .rule, brackets: 2))
    #expect(!continues("rule b", after: .segment, brackets: 1))
    #expect(!continues("send A via email", after: .rule, brackets: 1))
    #expect(!continues("", after: .rule))
    #expect(!continues("   ", after: .rule))
    #expect(!continues("rule b", after: .rule))
    #expect(!continues("  rule b", after: .rule))
    #expect(!continues("x", after: .rule))
    // A test's indented clock and data are its own; anywhere else they start a statement.
    #expect(continues("  as of 2026-11-01", after: .test))
    #expect(continues("  load tickets from \"t.csv\"", after: .test))
    #expect(continues("expect customer C-1 gets X", after: .test))
    #expect(!continues("as of 2026-11-01", after: .test))
    #expect(!continues("  as of 2026-11-01", after: .rule))
    #expect(!continues("  load tickets from \"t.csv\"", after: .load))
    // A load's row name may sit on a line of its own; `as of` there is a clock.
    #expect(continues("as ticket", after: .load))
    #expect(!continues("  as of 2026-11-01", after: .load))
    #expect(PlaybookGrammar.statement(startedBy: "  as of 2026-11-01") == .asOf)
    #expect(PlaybookGrammar.statement(startedBy: "when x") == nil)
  }

  /// The shell ends a statement at Enter exactly when the parser would read no more
  /// lines into it: one-line statements with their brackets closed.
  @Test(arguments: StatementKeyword.allCases)
  func completeAtTheEndOfALineUnlessItTakesMoreLines(_ keyword: StatementKeyword) throws {
    let complete = PlaybookGrammar.isComplete(keyword, openBrackets: 0)
    #expect(complete == ![StatementKeyword.rule, .test, .load].contains(keyword))
    #expect(!PlaybookGrammar.isComplete(keyword, openBrackets: 1))
    let text = try #require(Self.examples[keyword])
    // An indented line after a complete statement is never its own: the parser says so.
    if complete { #expect(parse(text + "\n  more").0.statements.count == 1) }
    #expect(!PlaybookGrammar.isComplete(nil, openBrackets: 0))
  }

  @Test func bracketsAreCountedOutsideStringsAndComments() {
    #expect(PlaybookGrammar.bracketBalance(of: #"x in ["a", "b"#) == 1)
    #expect(PlaybookGrammar.bracketBalance(of: #"count(x where x.n == "(\"") > (1"#) == 1)
    #expect(PlaybookGrammar.bracketBalance(of: "a)] # ((") == -2)
    let (playbook, diagnostics) = parse("segment vip = customer.tier in [\n  \"gold\",\n\"silver\"]")
    #expect(diagnostics.isEmpty)
    #expect(playbook.statements.count == 1)
  }
}
