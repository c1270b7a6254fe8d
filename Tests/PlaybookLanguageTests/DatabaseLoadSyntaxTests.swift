import Testing

@testable import PlaybookLanguage

/// `load T from sqlite "app.db" table "t"` / `query "select …"` and `from postgres table
/// "t"`: parsed, refused where a clause only fits a data file (or a path a server
/// database), dumped and formatted.
@Suite struct DatabaseLoadSyntaxTests {
  @Test func tableAndQueryParse() throws {
    let (playbook, diagnostics) = parse(
      """
      load customers from sqlite "app.db" table "customers"
      load tickets from sqlite "app.db" query "select * from tickets where kind = 'complaint'" link cust

      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let loads = playbook.statements.compactMap { if case .load(let load) = $0.kind { load } else { nil } }
    #expect(loads.map(\.path?.value) == ["app.db", "app.db"])
    #expect(loads.map { $0.database?.kind.text } == ["sqlite", "sqlite"])
    #expect(loads[0].database?.table?.value == "customers")
    #expect(loads[0].database?.query == nil)
    #expect(loads[1].database?.query?.value == "select * from tickets where kind = 'complaint'")
    #expect(loads[1].link?.text == "cust")
  }

  @Test func aDatabaseNeedsATableOrAQuery() {
    let (_, missing) = parse("load customers from sqlite \"app.db\"\n")
    #expect(missing.map(\.message) == ["expected 'table' or 'query' after the database file, found end of line"])
    #expect(missing.first?.hint == #"write: from sqlite "app.db" table "customers""#)
    let (_, unquoted) = parse("load customers from sqlite \"app.db\" table customers\n")
    #expect(unquoted.map(\.message) == ["expected a table name in quotes after 'table', found 'customers'"])
  }

  @Test(arguments: [#"delimiter ";""#, #"encoding "latin1""#])
  func fileClausesAreRefusedOnADatabase(_ clause: String) {
    let (_, diagnostics) = parse("load customers from sqlite \"app.db\" table \"c\"\n  \(clause)\n")
    let word = clause.split(separator: " ")[0]
    #expect(
      diagnostics.map(\.message) == ["a database has no '\(word)': its values are read as sqlite stores them"])
    #expect(diagnostics.first?.range?.start.line == 2)
  }

  @Test func formatsOnTheLoadLineAndRoundTrips() {
    let messy = """
      load tickets   from sqlite "data/app.db"  query "select id, \\"customer id\\" as customer_id from tickets"
        link customer_id
        types csat = integer
        with opened = created

      """
    let expected = """
      load tickets from sqlite "data/app.db" query "select id, \\"customer id\\" as customer_id from tickets" link customer_id
        with opened = created
        types csat = integer

      """
    #expect(format(messy) == expected)
    #expect(format(expected) == expected)
    #expect(astDump(expected) == astDump(messy))
    #expect(astDump(expected)?.contains(#"sqlite "data/app.db" (query "select id, "#) == true)
    #expect(astDump("load c from sqlite \"a.db\" table \"c\"\n") != astDump("load c from \"a.db\"\n"))
  }

  @Test func postgresNamesNoFile() throws {
    let (playbook, diagnostics) = parse(
      """
      load customers from postgres table "support.customers"
      load tickets from postgres query "select * from tickets" link cust
        timezone "Europe/Rome"

      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let loads = playbook.statements.compactMap { if case .load(let load) = $0.kind { load } else { nil } }
    #expect(loads.map(\.path) == [nil, nil])
    #expect(loads.map { $0.database?.kind.text } == ["postgres", "postgres"])
    #expect(loads[0].database?.table?.value == "support.customers")
    #expect(loads.map(\.source) == ["postgres:support.customers", "postgres:query(tickets)"])
    #expect(loads[1].database?.query?.value == "select * from tickets")
    #expect(loads[1].timezone?.value == "Europe/Rome")
  }

  @Test func aPathAfterPostgresIsAnErrorWithAHint() throws {
    let (_, diagnostics) = parse("load customers from postgres \"app.db\" table \"customers\"\n")
    #expect(diagnostics.map(\.message) == ["a postgres load names no file: the server comes from the environment"])
    let range = try #require(diagnostics.first?.range)
    #expect(range.start.column == 30)
    #expect(range.end.column == 38)
    #expect(
      diagnostics.first?.hint?.hasPrefix(#"remove the path and write: from postgres table "customers"; PGHOST"#) == true
    )
    let (_, missing) = parse("load customers from postgres\n")
    #expect(missing.map(\.message) == ["expected 'table' or 'query' after 'postgres', found end of line"])
    #expect(missing.first?.hint == #"write: from postgres table "customers""#)
    // SQLite still needs its file.
    let (_, file) = parse("load customers from sqlite table \"customers\"\n")
    #expect(file.map(\.message) == ["expected a database file path in quotes after 'sqlite', found 'table'"])
  }

  @Test(arguments: [#"delimiter ";""#, #"encoding "latin1""#])
  func fileClausesAreRefusedOnPostgres(_ clause: String) {
    let (_, diagnostics) = parse("load customers from postgres table \"c\" \(clause)\n")
    let word = clause.split(separator: " ")[0]
    #expect(
      diagnostics.map(\.message) == ["a database has no '\(word)': its values are read as postgres stores them"])
  }

  @Test func postgresFormatsAndRoundTrips() {
    let messy = """
      load tickets   from postgres  query "select * from t"
        link customer_id
        types csat = integer

      """
    let expected = """
      load tickets from postgres query "select * from t" link customer_id
        types csat = integer

      """
    #expect(format(messy) == expected)
    #expect(format(expected) == expected)
    #expect(astDump(expected) == astDump(messy))
    #expect(astDump(expected)?.contains(#"load tickets postgres (query "select * from t")"#) == true)
  }
}
