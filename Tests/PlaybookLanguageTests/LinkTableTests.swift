import Testing

@testable import PlaybookLanguage

/// `link COL to TABLE`: a row linked through another table's row to its customer.
@Suite struct LinkTableTests {
  static let loads = """
    load customers from "c.csv"
    load orders from "o.csv"
    load reviews from "r.csv" key review_id link order_id to orders

    """

  @Test func parsesPrintsAndReadsBack() throws {
    let (playbook, diagnostics) = parse(Self.loads)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let loads = playbook.statements.compactMap { if case .load(let load) = $0.kind { load } else { nil } }
    #expect(loads[2].link?.text == "order_id")
    #expect(loads[2].linkTable?.text == "orders")
    #expect(astDump(Self.loads)?.contains("(link order_id (to orders))") == true)
    #expect(format(Self.loads) == Self.loads)
    let messy =
      "load customers from \"c.csv\"\nload orders from \"o.csv\"\nload reviews from \"r.csv\"\n  key review_id\n  link \"Order ID\"   to   orders\n"
    let tidy =
      "load customers from \"c.csv\"\nload orders from \"o.csv\"\nload reviews from \"r.csv\" key review_id link \"Order ID\" to orders\n"
    #expect(format(messy) == tidy)
    #expect(format(tidy) == tidy)
  }

  @Test func theBindingNamesTheLinkedTable() throws {
    let (playbook, _) = parse(Self.loads + "load notes from \"n.csv\" link customer_id to customers\n")
    let (model, diagnostics) = PlaybookChecker.declarations(of: playbook, file: "t")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(model.tables.map(\.linkTable) == [nil, nil, "orders", nil])
    #expect(model.tables.map(\.linkColumn) == [nil, "customer_id", "order_id", "customer_id"])
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var message: String
    var hint: String?
    var code: String
    var column: Int
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(
      input: "load reviews from \"r.csv\" link order_id to ordres", message: "unknown table 'ordres'",
      hint: "did you mean 'orders'?", code: "unknown_table", column: 44),
    Case(
      input: "load reviews from \"r.csv\" link order_id to sales", message: "unknown table 'sales'",
      hint: "a link names a table the playbook loads", code: "unknown_table", column: 44),
    Case(
      input: "load reviews from \"r.csv\" link parent_id to reviews",
      message: "tables link in a circle: reviews → reviews",
      hint: "follow the links from any table and they must reach the customers", code: "invalid_link", column: 45),
    Case(
      input:
        "load reviews from \"r.csv\" link order_id to returns\nload returns from \"x.csv\" link review_id to reviews",
      message: "tables link in a circle: reviews → returns → reviews",
      hint: "follow the links from any table and they must reach the customers", code: "invalid_link", column: 44),
    Case(
      input: "load people as customer from \"p.csv\" link order_id to orders",
      message: "the customers table links to no other table", hint: nil, code: "invalid_link", column: 43),
  ]

  @Test(arguments: cases)
  func linkErrors(_ c: Case) throws {
    let (playbook, syntax) = parse("load orders from \"o.csv\"\n" + c.input + "\n")
    #expect(syntax.isEmpty, "\(syntax.map(\.message))")
    let (_, diagnostics) = PlaybookChecker.declarations(of: playbook, file: "t")
    let d = try #require(diagnostics.first)
    #expect(d.message == c.message)
    #expect(d.hint == c.hint)
    #expect(d.code.id == c.code)
    #expect(d.range?.start.line == 2)
    #expect(d.range?.start.column == c.column)
  }

  @Test func theLinkColumnIsCheckedAgainstTheLinkedTable() throws {
    let (playbook, _) = parse(Self.loads)
    let schema = DataSchema(tables: [
      "customers": [ColumnSchema(name: "id", type: .text)],
      "orders": [ColumnSchema(name: "id", type: .text), ColumnSchema(name: "customer_id", type: .text)],
      "reviews": [ColumnSchema(name: "review_id", type: .text), ColumnSchema(name: "order", type: .text)],
    ])
    let (_, diagnostics) = PlaybookChecker.check(playbook, file: "t", schema: schema)
    #expect(diagnostics.map(\.message) == ["r.csv has no column 'order_id' for the link to orders"])
    #expect(diagnostics.first?.hint == "its columns: review_id, order")
  }
}
