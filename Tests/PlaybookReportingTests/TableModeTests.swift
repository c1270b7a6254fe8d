import Testing

@testable import PlaybookReporting

/// Each `:mode`'s rendering of the same tables, and the fitting rules of table mode.
@Suite struct TableModeTests {
  let tricky = TextTable(
    headers: ["customer", "reason", "n"],
    rows: [
      ["C-1", "late, again", "1,013"],
      ["C-2", "said \"sorry\"", "7"],
      ["C-3", "line one\nline two", ""],
      ["C-4|x", "a | b", "-2"],
    ])

  /// Spare columns (what a filter fixed) give way at a narrow terminal before any text is
  /// cut short, and stay in every other mode.
  @Test func spareColumnsAreLeftOutOnlyWhenTheTableIsTooWide() {
    let table = TextTable(
      headers: ["customer", "status", "reason"],
      rows: [["C-1", "unreachable", "no reachable channel: email has no consent"]],
      spareColumns: [1])
    #expect(table.render(width: 80).contains("unreachable"))
    #expect(table.render(width: 60) == "customer  reason\nC-1       no reachable channel: email has no consent")
    #expect(table.render(.csv, width: 60).hasPrefix("customer,status,reason"))
    #expect(table.render(.table, width: 60, expanded: .on).contains("unreachable"))
    // A column empty on every row gives way too.
    let empty = TextTable(
      headers: ["customer", "channel", "reason"], rows: [["C-1", "", String(repeating: "x", count: 70)]])
    #expect(empty.render(width: 60).hasPrefix("customer  reason"))
  }

  @Test func csvQuotesCommasQuotesAndLineBreaksAndDropsGroupingCommas() {
    #expect(
      tricky.render(.csv)
        == "customer,reason,n\r\nC-1,\"late, again\",1013\r\nC-2,\"said \"\"sorry\"\"\",7\r\n"
        + "C-3,\"line one\nline two\",\r\nC-4|x,a | b,-2\r\n")
  }

  @Test func csvNeutralisesFormulasAndEscapesTerminalControls() {
    let table = TextTable(headers: ["id", "name"], rows: [["=SUM(A1)", "\u{1B}[31mred"]])
    #expect(table.render(.csv) == "id,name\r\n'=SUM(A1),\\u{1B}[31mred\r\n")
  }

  @Test func jsonIsAnArrayOfObjectsOnePerLineWithNumbersAsNumbers() {
    #expect(
      tricky.render(.json) == """
        [{"customer":"C-1","reason":"late, again","n":1013},
        {"customer":"C-2","reason":"said \\"sorry\\"","n":7},
        {"customer":"C-3","reason":"line one\\nline two","n":null},
        {"customer":"C-4|x","reason":"a | b","n":-2}]
        """)
  }

  @Test func jsonEscapesBackslashesAndControlsAndKeepsLeadingZerosAsText() {
    let table = TextTable(headers: ["path", "zip"], rows: [["a\\b\u{1}", "02134"]], alignments: [.left, .right])
    #expect(table.render(.json) == #"[{"path":"a\\b\u0001","zip":"02134"}]"#)
    #expect(TextTable(headers: ["a"], rows: []).render(.json) == "[]")
  }

  @Test func markdownEscapesPipesAndLineBreaksAndAlignsNumbersRight() {
    #expect(
      tricky.render(.markdown) == """
        | customer | reason               |     n |
        | -------- | -------------------- | ----: |
        | C-1      | late, again          | 1,013 |
        | C-2      | said "sorry"         |     7 |
        | C-3      | line one<br>line two |       |
        | C-4\\|x   | a \\| b               |    -2 |
        """)
  }

  @Test func lineModeRightAlignsNamesAndSeparatesRecordsWithABlankLine() {
    #expect(
      tricky.render(.line).hasPrefix(
        """
        customer = C-1
          reason = late, again
               n = 1,013

        customer = C-2
        """))
    #expect(tricky.render(.line).contains("  reason = line one⏎line two\n"))
  }

  @Test func expandedPrintsOneRecordPerBlockAsPsqlDoes() {
    let table = TextTable(headers: ["customer", "n"], rows: [["C-1", "3"], ["C-22", "14"]])
    #expect(
      table.render(.table, expanded: .on) == """
        -[ RECORD 1 ]--
        customer | C-1
        n        | 3
        -[ RECORD 2 ]--
        customer | C-22
        n        | 14
        """)
  }

  @Test func expandedAutoOnlyWhenTheColumnsDoNotFit() {
    let table = TextTable(headers: ["customer", "reason"], rows: [["C-1", String(repeating: "why ", count: 20)]])
    #expect(table.render(.table, width: 200, expanded: .auto) == table.render(width: 200))
    #expect(table.render(.table, width: 15, expanded: .auto).hasPrefix("-[ RECORD 1 ]"))
  }

  @Test func lineBreaksInACellShowOnOneLine() {
    let table = TextTable(headers: ["id", "note"], rows: [["T-1", "first\r\nsecond\nthird\tend"]])
    #expect(table.render() == "id   note\nT-1  first⏎second⏎third end")
  }

  @Test func fittingCutsTheLongestTextFirstAndNeverTheKeysOrNumbers() {
    let table = TextTable(
      headers: ["customer", "rule", "status", "send_at", "reason", "n"],
      rows: [
        [
          "C-0001", "slow_fix_apology", "unreachable", "2026-11-01T00:00:00Z",
          "no reachable channel: email has no consent, sms has no consent", "1,013",
        ]
      ], keyColumns: 2)
    let rendered = table.render(width: 90)
    #expect(rendered.split(separator: "\n").allSatisfy { $0.displayWidth <= 90 })
    #expect(rendered.contains("C-0001    slow_fix_apology  unreachable  2026-11-01T00:00:00Z  no reachable"))
    #expect(rendered.contains("1,013"))
    // Narrower than the keys and numbers need: those stay whole, text is cut to fit.
    let narrow = table.render(width: 60)
    #expect(narrow.contains("C-0001   slow_fix_apology unreach"))
    #expect(narrow.contains(" 1,013"))
    #expect(narrow.split(separator: "\n").allSatisfy { $0.displayWidth <= 60 })
  }

  @Test func statusBarCellsAreProportionalAndShowEveryStatusPresent() {
    #expect(StatusBar.cells([50, 0, 25, 25], width: 20) == [10, 0, 5, 5])
    #expect(StatusBar.cells([1000, 1, 0, 0], width: 10) == [9, 1, 0, 0])
    #expect(StatusBar.cells([0, 0, 0, 0], width: 10) == [0, 0, 0, 0])
    #expect(StatusBar.cells([1, 1, 1], width: 10).reduce(0, +) == 10)
  }

  @Test func statusBarPaintsEachStatusWithItsOwnCharacterAndColour() {
    let bar = StatusBar.bar([2, 1, 0, 1], width: 4)
    #expect(bar == "\u{1B}[32m██\u{1B}[0m\u{1B}[34m▓\u{1B}[0m\u{1B}[31m░\u{1B}[0m")
  }
}
