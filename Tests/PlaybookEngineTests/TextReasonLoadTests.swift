import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A column inferred as text only because of some values carries the first such value
/// and its line, for the checker to name in a type error.
@Suite struct TextReasonLoadTests {
  static func misfit(_ type: ColumnType, _ value: String, line: Int, count: Int = 1, file: String = "t.csv")
    -> TextReason
  {
    .misfit(wouldBe: type, first: DataValue(value, file: file, line: line), count: count)
  }

  @Test func aNumberColumnWithAStrayWordNamesIt() throws {
    let (table, _) = try readTable("id,total\n1,10\n2,n/a\n3,12.5\n4,7\n")
    #expect(table.types == [.integer, .text])
    #expect(table.columns[0].textReason == nil)
    #expect(table.columns[1].textReason == Self.misfit(.decimal, "n/a", line: 3))
    #expect(table.schema[1].textReason == Self.misfit(.decimal, "n/a", line: 3))
  }

  @Test func theFirstValueCanBeTheMisfit() throws {
    let (table, _) = try readTable("v\nn/a\n1\n\n2\n-\n3\n")
    #expect(table.columns[0].textReason == Self.misfit(.integer, "n/a", line: 2, count: 2))
  }

  @Test func timesAndDatesWithAStrayWord() throws {
    let (table, _) = try readTable(
      "t,d\n2026-11-01T09:30:00Z,2026-11-01\nsoon,2026-11-02\n2026-11-02T09:30:00Z,tomorrow\n2026-11-03T09:30:00Z,2026-11-03\n"
    )
    #expect(table.columns[0].textReason == Self.misfit(.timestamp, "soon", line: 3))
    #expect(table.columns[1].textReason == Self.misfit(.date, "tomorrow", line: 4))
  }

  @Test func aBooleanColumnWithAStrayWord() throws {
    let (table, _) = try readTable("b\ntrue\nfalse\nmaybe\ntrue\n")
    #expect(table.columns[0].textReason == Self.misfit(.boolean, "maybe", line: 4))
  }

  @Test(arguments: [
    "name\nAlice\nBob\n3\n",  // text with a number in it
    "v\n1\nx\n2\ny\n",  // as many misfits as fits
    "v\n1\n2026-11-01\n",  // two kinds of values, neither most
    "v\n\n\n",  // all null
  ])
  func textColumnsHaveNoReason(_ csv: String) throws {
    let (table, _) = try readTable(csv)
    #expect(table.types == [.text])
    #expect(table.columns[0].textReason == nil)
  }

  @Test func aDeclaredTextColumnHasNoReason() throws {
    let (table, _) = try readTable("v\n1\nn/a\n2\n", declared: ["v": .text])
    #expect(table.columns[0].textReason == nil)
  }

  @Test func chunksCombineInFileOrder() throws {
    var csv = "id,v\n"
    for i in 1...4000 { csv += "\(i),\(i == 2500 || i == 3100 ? "unknown" : String(i))\n" }
    for chunks in [1, 4] {
      let (table, _) = try readTable(csv, chunks: chunks)
      #expect(table.columns[1].textReason == Self.misfit(.integer, "unknown", line: 2501, count: 2), "\(chunks)")
    }
  }

  @Test func aTextColumnIsNotTalliedToTheEnd() throws {
    var csv = "v\n"
    for i in 1...5000 { csv += "word\(i)\n" }
    csv += String(repeating: "1\n", count: 6000)
    let (table, _) = try readTable(csv, chunks: 1)
    // Past 1,000 more misfits than fits the column is text, whatever follows.
    #expect(table.columns[0].textReason == nil)
  }

  @Test func jsonLinesValuesToo() throws {
    let (table, _) = try readTable("{\"v\": 1}\n{\"v\": \"n/a\"}\n{\"v\": 2}\n", format: .jsonLines)
    #expect(table.columns[0].textReason == Self.misfit(.integer, "n/a", line: 2, file: "t.jsonl"))
  }
}
