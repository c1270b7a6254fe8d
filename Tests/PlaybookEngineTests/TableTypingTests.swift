import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct TableTypingTests {
  @Test func typesAreInferredFromEveryValue() throws {
    let (table, _) = try readTable(
      """
      i,d,b,t,day,s,mixed
      1,1.5,true,2026-11-01T09:30:00Z,2026-11-01,x,1
      -42,2,FALSE,2026-11-01T09:30:00+02:00,2026-02-28,y,2026-11-01
      ,,,,,,
      9223372036854775807,-0.25e2,True,2026-11-01 09:30,2024-02-29,z,true
      """)
    #expect(table.types == [.integer, .decimal, .boolean, .timestamp, .date, .text, .text])
    #expect(table.cells[0] == ["1", "1.5", "true", "2026-11-01T09:30:00Z", "2026-11-01", "x", "1"])
    #expect(table.cells[1] == ["-42", "2.0", "false", "2026-11-01T07:30:00Z", "2026-02-28", "y", "2026-11-01"])
    #expect(table.cells[2] == [nil, nil, nil, nil, nil, nil, nil])
    #expect(
      table.cells[3] == ["9223372036854775807", "-25.0", "true", "2026-11-01T09:30:00Z", "2024-02-29", "z", "true"])
  }

  @Test func datesAndTimestampsTogetherAreTimestamps() throws {
    let (table, _) = try readTable("t\n2026-11-01\n2026-11-01T12:00:00Z\n")
    #expect(table.types == [.timestamp])
    #expect(table.cells == [["2026-11-01T00:00:00Z"], ["2026-11-01T12:00:00Z"]])
  }

  @Test(arguments: [
    "007", "+15551234567", "1,000", ".5", "1.", "NaN", "00.5", "99999999999999999999", "yes", "2026-13-01",
  ])
  func identifierLikeValuesStayText(_ value: String) throws {
    let (table, _) = try readTable("v\n1\n\"\(value)\"\n")
    #expect(table.types == [.text])
    #expect(table.cells[1] == [value])
  }

  @Test func allNullColumnIsText() throws {
    let (table, _) = try readTable("a,b\n1,\n2,\n")
    #expect(table.types == [.integer, .text])
  }

  @Test func nullsAreMarkedAndHoldPlaceholders() throws {
    let (table, _) = try readTable("n\n5\n\n7\n,\n", declared: [:])
    // A lone comma is a row of two fields, so it is set aside; the blank line is skipped.
    #expect(table.cells == [["5"], ["7"]])
    let (withNull, _) = try readTable("n,m\n5,a\n,b\n")
    #expect(withNull.columns[0].nulls.isNull(1))
    #expect(!withNull.columns[0].nulls.isNull(0))
    guard case .integer(let values) = withNull.columns[0].values else {
      Issue.record("n is not an integer column")
      return
    }
    #expect(values == [5, 0])
  }

  @Test func declaredTypeOverridesInference() throws {
    let (table, setAside) = try readTable(
      "zip,score,when\n01234,3,2026-11-01\n99,4,2026-11-02T10:00:00Z\n",
      declared: ["zip": .text, "score": .decimal, "when": .timestamp])
    #expect(setAside.isEmpty)
    #expect(table.types == [.text, .decimal, .timestamp])
    #expect(
      table.cells == [
        ["01234", "3.0", "2026-11-01T00:00:00Z"], ["99", "4.0", "2026-11-02T10:00:00Z"],
      ])
  }

  @Test func valueNotFittingItsDeclaredTypeSetsTheRowAside() throws {
    let (table, setAside) = try readTable(
      "id,csat\nA,5\nB,abc\nC,\nD,4.5\n", declared: ["csat": .integer])
    #expect(table.cells == [["A", "5"], ["C", nil]])
    #expect(
      setAside == [
        SetAsideRow(table: "t", file: "t.csv", line: 3, reason: "value \"abc\" in column csat is not an integer"),
        SetAsideRow(table: "t", file: "t.csv", line: 5, reason: "value \"4.5\" in column csat is not an integer"),
      ])
  }

  @Test func declaringAnUnknownColumnIsAnError() {
    #expect {
      try readTable("id,csat\nA,5\n", declared: ["cast": .integer])
    } throws: { error in
      let error = error as? LoadError
      return error?.file == "t.csv" && error?.message == "the header has no column 'cast'"
        && error?.hint == "did you mean 'csat'?"
    }
  }

  @Test func decimalsReadExactly() throws {
    let (table, _) = try readTable("d\n0.1\n123456.789\n1e-5\n12345678901234567890.5\n-0.0\n")
    guard case .decimal(let v) = table.columns[0].values else {
      Issue.record("not decimal")
      return
    }
    #expect(v == [0.1, 123456.789, 1e-5, 12345678901234567890.5, -0.0])
  }
}
