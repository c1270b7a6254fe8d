import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// `link order_id to orders`: each review is the customer's of its order, and a review
/// whose order is missing is set aside as such.
@Suite struct LinkThroughTests {
  static let files = [
    "customers.csv": "id\nC-1\nC-2\nC-3\n",
    "orders.csv": "id,customer_id,total\nO-1,C-2,10\nO-2,C-1,20\nO-3,C-9,30\nO-4,C-2,40\n",
    "reviews.csv": "id,order_id,stars\nR-1,O-4,5\nR-2,O-7,1\nR-3,O-3,2\nR-4,,3\nR-5,O-2,4\nR-6,O-1,1\n",
  ]

  static func load(_ folder: ScratchFolder, orders: String = "orders.csv") throws -> Dataset {
    // Reviews come first: the loader reads orders before the table that links to them.
    try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
      events: [
        TableSpec(
          name: "reviews", path: folder.path("reviews.csv"), linkColumn: "order_id", linkTable: "orders"),
        TableSpec(name: "orders", path: folder.path(orders), linkColumn: "customer_id"),
      ],
      strict: false)
  }

  @Test func reviewsBelongToTheirOrdersCustomers() throws {
    let folder = try ScratchFolder("link", files: Self.files)
    defer { folder.remove() }
    let data = try Self.load(folder)
    let reviews = try #require(data.links["reviews"])
    #expect(reviews.customerOfRow == [1, -1, -1, -1, 0, 1])
    #expect(Array(reviews.rows(ofCustomer: 0)) == [4])
    #expect(Array(reviews.rows(ofCustomer: 1)) == [0, 5])
    #expect(reviews.rows(ofCustomer: 2).isEmpty)
    let reviewsFile = folder.path("reviews.csv")
    #expect(
      data.setAside == [
        SetAsideRow(table: "reviews", file: reviewsFile, line: 3, reason: "order \"O-7\" does not exist"),
        SetAsideRow(
          table: "reviews", file: reviewsFile, line: 4,
          reason: "order \"O-3\" is set aside (\(folder.path("orders.csv")) line 4)"),
        SetAsideRow(table: "reviews", file: reviewsFile, line: 5, reason: "no order: order_id is empty"),
        SetAsideRow(
          table: "orders", file: folder.path("orders.csv"), line: 4, reason: "customer \"C-9\" does not exist"),
      ])
    #expect(data.loads.map(\.table) == ["customers", "reviews", "orders"])
  }

  /// A repeated key in a linked table is a row set aside, as in any event table, and a
  /// linking row names the first row of the key; an empty key stops the run.
  @Test func aLinkedTablesKeysNameOneRowEach() throws {
    var files = Self.files
    files["twice.csv"] = "id,customer_id\nO-1,C-1\nO-2,C-1\nO-1,C-2\n"
    files["empty.csv"] = "id,customer_id\nO-1,C-1\n,C-1\n"
    let folder = try ScratchFolder("link", files: files)
    defer { folder.remove() }
    let data = try Self.load(folder, orders: "twice.csv")
    #expect(data.links["reviews"]?.customerOfRow == [-1, -1, -1, -1, 0, 0])
    #expect(
      data.setAside.filter { $0.table == "orders" } == [
        SetAsideRow(
          table: "orders", file: folder.path("twice.csv"), line: 4,
          reason: "order \"O-1\" is already on line 2",
          customer: "C-2")
      ])
    #expect(throws: LoadError(.badKey, "order has an empty id", file: folder.path("empty.csv"), line: 3)) {
      _ = try Self.load(folder, orders: "empty.csv")
    }
  }
}
