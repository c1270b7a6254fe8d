import Testing

@testable import PlaybookLanguage

/// Real headers have spaces, capitals and symbols: a load names them in quotes, and the
/// playbook reads them through the plain field names its `with` clause gives them.
@Suite struct QuotedColumnTests {
  static let load = """
    load customers from "c.csv" key "Customer ID"
      with total = "Total Charges", mail = "E-mail"
      types "Signup Date" = timestamp, tier = text

    """

  @Test func everyColumnClauseReadsAQuotedName() throws {
    let (playbook, diagnostics) = parse(Self.load + "load orders from \"o.csv\" key \"Order #\" link \"Customer ID\"\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let loads = playbook.statements.compactMap { if case .load(let load) = $0.kind { load } else { nil } }
    try #require(loads.count == 2)
    #expect(loads[0].key?.text == "Customer ID")
    #expect(
      loads[0].fieldMap.map { [$0.field.text, $0.column.text] } == [["total", "Total Charges"], ["mail", "E-mail"]])
    #expect(
      loads[0].columnTypes.map { [$0.column.text, $0.type.text] } == [["Signup Date", "timestamp"], ["tier", "text"]])
    #expect(loads[1].key?.text == "Order #")
    #expect(loads[1].link?.text == "Customer ID")
  }

  @Test func theFieldNameStaysAPlainWord() {
    let (_, diagnostics) = parse("load customers from \"c.csv\" with \"Total\" = total_charges\n")
    #expect(diagnostics.map(\.message) == ["expected a field name after 'with', found string \"Total\""])
  }

  @Test func formatQuotesAColumnOnlyWhenNoWordSpellsIt() {
    let messy = """
      load customers from "c.csv" key "customer_id" with total = "Total Charges" types "2024" = integer
      load tickets from "t.csv" link "Customer ID" with note = "say \\"hi\\"", opened = opened_at

      """
    let expected = """
      load customers from "c.csv" key customer_id
        with total = "Total Charges"
        types "2024" = integer
      load tickets from "t.csv" link "Customer ID"
        with note = "say \\"hi\\"", opened = opened_at

      """
    #expect(format(messy) == expected)
    #expect(format(expected) == expected)
    #expect(astDump(expected) == astDump(messy))
    #expect(format(Self.load) == Self.load)
  }

  static let schema = DataSchema(tables: [
    "customers": [
      ColumnSchema(name: "Customer ID", type: .text), ColumnSchema(name: "Total Charges", type: .decimal),
      ColumnSchema(name: "E-mail", type: .text), ColumnSchema(name: "Signup Date (UTC)", type: .timestamp),
      ColumnSchema(name: "tier", type: .text),
    ]
  ])

  /// The hint for `customer.FIELD` against `schema`, the load written as `load`.
  func hint(field: String, load: String = "load customers from \"c.csv\" key \"Customer ID\"") throws -> String? {
    let (playbook, syntax) = parse(load + "\nsegment s = customer.\(field) == \"x\"\n")
    try #require(syntax.isEmpty, "\(syntax.map(\.message))")
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "t.playbook", schema: Self.schema)
    let d = try #require(diagnostics.first)
    #expect(d.message == "unknown field '\(field)' on customer")
    return d.hint
  }

  @Test func aHeaderNoWordSpellsIsOfferedAsTheWithLineThatNamesIt() throws {
    #expect(try hint(field: "total_charges") == "add `with total_charges = \"Total Charges\"` to the load")
    #expect(try hint(field: "email") == "add `with email = \"E-mail\"` to the load")
    // Spelled the way a playbook would write the header, however far the edit distance.
    #expect(try hint(field: "signup_date_utc") == "add `with signup_date_utc = \"Signup Date (UTC)\"` to the load")
    #expect(try hint(field: "tire") == "did you mean 'tier'?")
    #expect(
      try hint(field: "nothing_like_it")
        == "customers has \"Customer ID\", \"Total Charges\", \"E-mail\", \"Signup Date (UTC)\", tier")
  }

  @Test func aHeaderAlreadyMappedIsOfferedByItsField() throws {
    let load = "load customers from \"c.csv\" key \"Customer ID\" with total = \"Total Charges\""
    #expect(try hint(field: "total_charges", load: load) == "did you mean 'total'?")
  }
}

extension QuotedColumnTests {
  @Test func anUnquotedHeaderWithSpacesIsToldToUseQuotes() {
    let (_, diagnostics) = parse("load customers from \"c.csv\" key Customer ID\n")
    #expect(diagnostics.map(\.message) == ["expected a load clause or end of line, found 'ID'"])
    #expect(diagnostics.map(\.hint) == ["a column name with spaces goes in quotes: \"Customer ID\""])
    let (_, mapped) = parse("load customers from \"c.csv\" with total = Total Charges Due\n")
    #expect(mapped.map(\.hint) == ["a column name with spaces goes in quotes: \"Total Charges Due\""])
  }
}
