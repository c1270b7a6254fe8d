import Testing

@testable import PlaybookLanguage

/// `delimiter` and `encoding`: how a load's file is read, parsed, checked and formatted.
@Suite struct DataFileClauseTests {
  static func load(_ text: String) throws -> Load {
    let (playbook, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let loads = playbook.statements.compactMap { if case .load(let load) = $0.kind { load } else { nil } }
    return try #require(loads.first)
  }

  @Test(arguments: [
    (#"delimiter ";""#, FieldDelimiter.semicolon), (#"delimiter "|""#, .pipe), (#"delimiter ",""#, .comma),
    (#"delimiter "\t""#, .tab), ("delimiter tab", .tab),
  ])
  func delimiterClause(_ clause: String, _ expected: FieldDelimiter) throws {
    let load = try Self.load("load customers from \"c.csv\" \(clause)\n")
    #expect(load.delimiter.flatMap { FieldDelimiter(character: $0.value) } == expected)
  }

  @Test(arguments: [
    ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("latin1", .latin1), ("ISO-8859-1", .latin1),
    ("latin-1", .latin1), ("windows-1252", .windows1252), ("cp1252", .windows1252),
  ])
  func encodingClause(_ name: String, _ expected: TextEncoding) throws {
    let load = try Self.load("load customers from \"c.csv\"\n  encoding \"\(name)\"\n")
    #expect(load.encoding?.value == name)
    #expect(TextEncoding(name: name) == expected)
  }

  @Test func unknownDelimitersAndEncodingsAreRefusedWithTheirChoices() {
    let (_, delimiter) = parse("load customers from \"c.csv\" delimiter \":\"\n")
    #expect(delimiter.map(\.message) == ["unknown delimiter ':'"])
    #expect(delimiter.first?.code == .unknownDelimiter)
    #expect(delimiter.first?.hint == #"delimiters are "," ";" "|" and tab (delimiter tab or delimiter "\t")"#)
    let (_, word) = parse("load customers from \"c.csv\" delimiter semicolon\n")
    #expect(
      word.map(\.message) == [
        #"expected a delimiter in quotes after 'delimiter': "," ";" "|" or tab, found 'semicolon'"#
      ])
    let (_, near) = parse("load customers from \"c.csv\" encoding \"latin\"\n")
    #expect(near.map(\.message) == ["unknown encoding 'latin'"])
    #expect(near.first?.code == .unknownEncoding)
    #expect(near.first?.hint == "did you mean 'latin1'?")
    let (_, far) = parse("load customers from \"c.csv\" encoding \"ebcdic\"\n")
    #expect(far.first?.hint == "encodings are utf-8, latin1, windows-1252")
  }

  @Test func bothClausesFormatOnOneLineBeforeTheColumnsAndRoundTrip() {
    let messy = """
      load customers from "c.csv" encoding "ISO-8859-1" delimiter "\\t" key "Customer ID"
      load orders from "o.csv" link cust delimiter ";"  # semicolons
        with total = "Total Charges"

      """
    let expected = """
      load customers from "c.csv" key "Customer ID"
        delimiter tab encoding "ISO-8859-1"
      load orders from "o.csv" link cust  # semicolons
        delimiter ";"
        with total = "Total Charges"

      """
    #expect(format(messy) == expected)
    #expect(format(expected) == expected)
    #expect(astDump(expected) == astDump(messy))
  }

  @Test func theBindingCarriesThem() throws {
    let (playbook, _) = parse("load customers from \"c.csv\" delimiter \"|\" encoding \"cp1252\"\n")
    let (model, _) = PlaybookChecker.declarations(of: playbook, file: "p.playbook")
    #expect(model.tables.first?.delimiter == .pipe)
    #expect(model.tables.first?.encoding == .windows1252)
    let (plain, _) = parse("load customers from \"c.csv\"\n")
    #expect(PlaybookChecker.declarations(of: plain, file: "p.playbook").0.tables.first?.encoding == .utf8)
  }
}
