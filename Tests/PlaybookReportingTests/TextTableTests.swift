import Testing

@testable import PlaybookReporting

@Suite struct TextTableTests {
  let runTable = TextTable(
    headers: ["rule", "candidates", "send", "holdout"],
    rows: [
      ["quick_fix_thanks", "17", "10", "0"],
      ["slow_fix_apology", "1,019", "13", "1"],
    ])

  @Test func numbersAlignRightTextLeft() {
    #expect(
      runTable.render() == """
        rule              candidates  send  holdout
        quick_fix_thanks          17    10        0
        slow_fix_apology       1,019    13        1
        """)
  }

  @Test func fitsTheWidthByClosingGapsWhenOnlyKeysAndNumbersAreLeft() {
    let rendered = runTable.render(width: 40)
    #expect(
      rendered == """
        rule             candidates send holdout
        quick_fix_thanks         17   10       0
        slow_fix_apology      1,019   13       1
        """)
    #expect(rendered.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }

  @Test func aWideEnoughTerminalChangesNothing() {
    #expect(runTable.render(width: 200) == runTable.render())
  }

  @Test func columnsNeverGoBelowTheMinimum() {
    let table = TextTable(headers: ["a", "b"], rows: [["abcdef", "ghijkl"]], keyColumns: 0)
    #expect(table.render(width: 4) == "a   b\nab… gh…")
  }

  @Test func wideCharactersCountTwoColumns() {
    let table = TextTable(
      headers: ["name", "n"], rows: [["café", "1"], ["日本", "22"], ["✓✓", "3"]])
    #expect(
      table.render() == """
        name   n
        café   1
        日本  22
        ✓✓     3
        """)
    #expect(TextTable.cut("日本語の名前", to: 7) == "日本語…")
  }

  @Test func raggedRowsAndEmptyCells() {
    let table = TextTable(
      headers: ["id", "csat", "note"], rows: [["T-1", "4"], ["T-2", "", "late"]])
    #expect(table.render() == "id   csat  note\nT-1     4\nT-2        late")
  }

  @Test(arguments: ["17", "1,013", "-2.5", "5%", "+3", "0.25"])
  func numbers(text: String) { #expect(TextTable.isNumber(text)) }

  @Test(arguments: ["C-1001", "1.2.3", "", "-", "12ms", "2026-11-01", "1,"])
  func notNumbers(text: String) { #expect(!TextTable.isNumber(text)) }

  @Test func explicitAlignmentWins() {
    let table = TextTable(headers: ["id", "n"], rows: [["1", "2"]], alignments: [.left, .left])
    #expect(table.render() == "id  n\n1   2")
  }
}
