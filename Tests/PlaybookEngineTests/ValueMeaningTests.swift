import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// What one value means: nulls and `nulls` tokens, spaces around values, booleans,
/// timestamp formats and inferred forms, `timezone`, and dates whose order is unknown.
@Suite struct ValueMeaningTests {
  /// Reads `text` as `t.csv` (or `t.jsonl`) with a load's value clauses.
  func read(
    _ text: String, format: TableFormat = .csv, declared: [String: ColumnType] = [:], nulls: [String] = [],
    zone: String? = nil, formats: [String: String] = [:], chunks: Int? = nil
  ) throws -> (table: Table, setAside: [SetAsideRow]) {
    var spec = TableSpec(name: "t", path: format == .csv ? "t.csv" : "t.jsonl", declaredTypes: declared)
    spec.nullTokens = nulls
    spec.timezone = zone
    spec.timeFormats = try formats.mapValues { try TimestampFormat($0) }
    return try TableReader.read(
      FileBytes(copying: Array(text.utf8)), format: format, name: "t", file: spec.path, declaredTypes: declared,
      rules: try ValueRules(spec), chunkCount: chunks)
  }

  @Test func emptyAndWhitespaceOnlyFieldsAreNullAndTextKeepsItsSpaces() throws {
    let (table, _) = try read("n,s\n1, Ann \n  ,\t\n\" \",\"x\"\n")
    #expect(table.types == [.integer, .text])
    #expect(table.cells == [["1", " Ann "], [nil, nil], [nil, "x"]])
  }

  /// The same in the middle of a file, where records are read from stop to stop
  /// (`CSVScanner.plainRecord`), which says when no field starts with a space or tab:
  /// blank fields first, in the middle and last, quoted or not, with and without tokens.
  @Test(arguments: [[], ["NA"]])
  func blankFieldsAreNullWhereverTheyStandInAFile(_ nulls: [String]) throws {
    let rows = (0..<40).map { "\($0),a\($0),b\($0)" }
    let blanks = ["  ,x,y", "1,\t,y", "2,x, ", "3,\" \",y", "4, x ,NA", " 5,x,y"]
    let (table, _) = try read(
      (["n,s,t"] + rows + blanks + rows).joined(separator: "\n") + "\n", nulls: nulls)
    let cells = Array(table.cells[40..<46])
    #expect(
      cells == [
        [nil, "x", "y"], ["1", nil, "y"], ["2", "x", nil], ["3", nil, "y"], ["4", " x ", nulls.isEmpty ? "NA" : nil],
        ["5", "x", "y"],
      ])
    #expect(table.cells[0] == ["0", "a0", "b0"] && table.cells.count == 86)
  }

  @Test func nullTokensMatchExactlyAfterTrimming() throws {
    let (table, _) = try read(
      "n,s\n1,a\nNA,NA\n n/a ,\"-\"\n-,na\nN/A,NA \n", nulls: ["NA", "n/a", "-"])
    // Tokens are case-sensitive: `na` and `N/A` are not `NA` and `n/a`.
    #expect(table.types == [.text, .text])
    #expect(table.cells == [["1", "a"], [nil, nil], [nil, nil], [nil, "na"], ["N/A", nil]])
    let (numbers, _) = try read("n\n1\nNA\n - \n2.5\n", nulls: ["NA", "-"])
    #expect(numbers.types == [.decimal])
    #expect(numbers.cells == [["1.0"], [nil], [nil], ["2.5"]])
  }

  @Test func spacesAroundNumbersTimesAndBooleansAreIgnored() throws {
    let (table, _) = try read(
      "i,d,b,t,day\n 42 ,\t1.5, true ,2026-11-01T09:30:00Z ,  2026-01-05\n-7 , -0 ,no,\" 2026-11-01 09:30 \",2026-01-06\n"
    )
    #expect(table.types == [.integer, .decimal, .boolean, .timestamp, .date])
    #expect(table.cells[0] == ["42", "1.5", "true", "2026-11-01T09:30:00Z", "2026-01-05"])
    #expect(table.cells[1] == ["-7", "-0.0", "false", "2026-11-01T09:30:00Z", "2026-01-06"])
    // Declared columns trim too, on every path (set aside, converted).
    let (declared, aside) = try read(
      "i,d\n 42 , 3 \nx,4\n", declared: ["i": .integer, "d": .decimal])
    #expect(declared.cells == [["42", "3.0"]])
    #expect(aside.map(\.reason) == [#"value "x" in column i is not an integer"#])
  }

  @Test func yesAndNoAreBooleansButZeroAndOneAreIntegers() throws {
    let (table, _) = try read("a,b,c\nyes,1,Y\nNO,0,n\nYes,1,t\n")
    #expect(table.types == [.boolean, .integer, .text])
    #expect(table.cells.map { $0[0] } == ["true", "false", "true"])
  }

  @Test func aDeclaredBooleanAlsoTakesLettersAndDigits() throws {
    let (table, aside) = try read(
      "b\ny\nN\nt\nF\n1\n0\nyes\nFALSE\n 1 \nmaybe\n2\n", declared: ["b": .boolean])
    #expect(table.cells.map { $0[0] } == ["true", "false", "true", "false", "true", "false", "true", "false", "true"])
    #expect(aside.map(\.line) == [11, 12])
    #expect(aside.first?.reason == #"value "maybe" in column b is not a boolean"#)
    let (json, jsonAside) = try read(
      "{\"b\": 1}\n{\"b\": \"n\"}\n{\"b\": true}\n{\"b\": 2}\n", format: .jsonLines, declared: ["b": .boolean])
    #expect(json.cells.map { $0[0] } == ["true", "false", "true"])
    #expect(jsonAside.map(\.line) == [4])
  }

  @Test func commonYearFirstFormsAreInferred() throws {
    let (table, _) = try read(
      "a,b,c\n2012/10/9 14:50:17,2026-11-01 09:30,2026/1/5\n2012/10/10 9:05,2026-11-01T09:30:00Z,2026/12/31\n")
    #expect(table.types == [.timestamp, .timestamp, .date])
    #expect(table.cells[0] == ["2012-10-09T14:50:17Z", "2026-11-01T09:30:00Z", "2026-01-05"])
    #expect(table.cells[1] == ["2012-10-10T09:05:00Z", "2026-11-01T09:30:00Z", "2026-12-31"])
  }

  @Test func aDeclaredFormatReadsTheColumnAndSetsAsideWhatItDoesNotSay() throws {
    let (table, aside) = try read(
      """
      seen,day
      Tue Oct 31 22:10:47 +0000 2017,03/04/2026
      Wed Nov 01 08:00:00 +0200 2017,25/12/2026 
      2017-11-01T08:00:00Z,01/01/2026

      """, declared: ["seen": .timestamp, "day": .date],
      formats: ["seen": "%a %b %d %H:%M:%S %z %Y", "day": "%d/%m/%Y"])
    #expect(table.cells == [["2017-10-31T22:10:47Z", "2026-04-03"], ["2017-11-01T06:00:00Z", "2026-12-25"]])
    #expect(
      aside.map(\.reason) == [
        #"value "2017-11-01T08:00:00Z" in column seen is not a timestamp "%a %b %d %H:%M:%S %z %Y""#
      ])
  }

  @Test func aDateFormatWithATimeKeepsTheDay() throws {
    let (table, _) = try read(
      "day\n03/04/2026 23:59\n", declared: ["day": .date], zone: "Asia/Tokyo", formats: ["day": "%d/%m/%Y %H:%M"])
    #expect(table.cells == [["2026-04-03"]])
  }

  /// Rome goes to summer time at 02:00 on 29 March 2026 and back at 03:00 on 25 October.
  @Test func offsetLessTimesAreInTheTablesZoneAcrossDaylightSaving() throws {
    let text = """
      t,f,d
      2026-03-29 01:30,29/03/2026 01:30,2026-07-01
      2026-03-29 02:30,29/03/2026 02:30,2026-07-02
      2026-03-29 03:30,29/03/2026 03:30,2026-07-03
      2026-10-25 02:30,25/10/2026 02:30,2026-07-04
      2026-10-25 03:30,25/10/2026 03:30,2026-07-05
      2026-07-01T12:00:00Z,01/07/2026 12:00,2026-07-06
      2012/10/9 14:50:17,09/10/2012 14:50,2026-07-07

      """
    let (table, _) = try read(
      text, declared: ["f": .timestamp], zone: "Europe/Rome", formats: ["f": "%d/%m/%Y %H:%M"], chunks: 2)
    let expected = [
      "2026-03-29T00:30:00Z",  // winter time, +01:00
      "2026-03-29T01:30:00Z",  // a wall time that never happens: read with the offset before
      "2026-03-29T01:30:00Z",  // summer time, +02:00
      "2026-10-25T00:30:00Z",  // a wall time that happens twice: the first
      "2026-10-25T02:30:00Z",
      "2026-07-01T12:00:00Z",  // an offset stated: the zone does not apply
      "2012-10-09T12:50:17Z",
    ]
    #expect(table.cells.map { $0[0] } == expected.map(Optional.some))
    #expect(table.cells.map { $0[1] }.dropLast(2) == expected.dropLast(2).map(Optional.some))
    #expect(table.cells[5][1] == "2026-07-01T10:00:00Z")
    #expect(table.cells[6][1] == "2012-10-09T12:50:00Z")
    // Dates are days, whatever the zone.
    #expect(table.cells.first?[2] == "2026-07-01")
    #expect(table.types == [.timestamp, .timestamp, .date])
  }

  @Test func anUnknownZoneIsALoadErrorWithDidYouMean() {
    #expect(
      throws: LoadError(
        .unknownZone, "unknown time zone 'Europe/Rom'", file: "t.csv", hint: "did you mean 'Europe/Rome'?")
    ) { try read("a\n1\n", zone: "Europe/Rom") }
  }

  @Test func yearLastDatesStayTextAndSayWhy() throws {
    let (table, _) = try read(
      "a,b,c,d\n03/04/2026,03/04/2026,03/04/2026 14:50,2026-11-01\n,25/04/2026,1/2/2026 9:00,x\n")
    #expect(table.types == [.text, .text, .text, .text])
    #expect(table.cells[0] == ["03/04/2026", "03/04/2026", "03/04/2026 14:50", "2026-11-01"])
    let reasons = table.columns.map(\.textReason)
    let first = DataValue("03/04/2026", file: "t.csv", line: 2)
    #expect(reasons[0] == .ambiguousDayMonth(first: first, formats: ["%d/%m/%Y", "%m/%d/%Y"]))
    #expect(reasons[1] == .ambiguousDayMonth(first: first, formats: ["%d/%m/%Y"]))
    #expect(
      reasons[2]?.typesLines(column: "c") == [
        #"types c = timestamp "%d/%m/%Y %H:%M""#, #"types c = timestamp "%m/%d/%Y %H:%M""#,
      ])
    #expect(reasons[3] == nil)
    // Declared, the column is read by its format.
    let (declared, _) = try read("a\n03/04/2026\n", declared: ["a": .date], formats: ["a": "%m/%d/%Y"])
    #expect(declared.cells == [["2026-03-04"]])
    #expect(declared.columns[0].textReason == nil)
  }

  @Test func jsonStringsFollowTheSameRules() throws {
    let (table, _) = try read(
      #"""
      {"s": "NA", "t": " 2026-03-29 03:30 ", "n": null}
      {"s": "  ", "t": "2012/10/9 14:50:17", "n": 5}

      """#, format: .jsonLines, nulls: ["NA"], zone: "Europe/Rome")
    #expect(table.types == [.text, .timestamp, .integer])
    #expect(table.cells == [[nil, "2026-03-29T01:30:00Z", nil], [nil, "2012-10-09T12:50:17Z", "5"]])
  }
}
