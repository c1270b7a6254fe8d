import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

@Suite struct DatasetLoaderTests {
  static let customers = "id,tier,lifetime_value\nC-1,gold,1200\nC-2,silver,80\nC-3,,5\n"

  @Test func linksEventRowsToTheirCustomers() throws {
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": Self.customers,
        "tickets.csv": "id,customer_id,csat\nT-1,C-2,5\nT-2,C-1,3\nT-3,C-2,\nT-4,C-9,4\nT-5,,1\n",
        "calls.jsonl": "{\"id\": \"K-1\", \"customer_id\": \"C-3\", \"transcript\": \"cancel\"}\n",
      ])
    defer { folder.remove() }
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
      events: [
        TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id"),
        TableSpec(name: "calls", path: folder.path("calls.jsonl"), linkColumn: "customer_id"),
      ],
      strict: false)
    #expect(data.customers.rowCount == 3)
    #expect((0..<3).map { data.customerIDs.string($0) } == ["C-1", "C-2", "C-3"])
    #expect(["C-1", "C-2", "C-3", "C-4"].map(data.customerNumber) == [0, 1, 2, nil])
    let tickets = try #require(data.links["tickets"])
    #expect(Array(tickets.rows(ofCustomer: 0)) == [1])
    #expect(Array(tickets.rows(ofCustomer: 1)) == [0, 2])
    #expect(tickets.rows(ofCustomer: 2).isEmpty)
    #expect(Array(try #require(data.links["calls"]).rows(ofCustomer: 2)) == [0])
    #expect(data.events["tickets"]?.rowCount == 5)
    #expect(data.events["tickets"]?.types == [.text, .text, .integer])
    #expect(
      data.setAside == [
        SetAsideRow(
          table: "tickets", file: folder.path("tickets.csv"), line: 5, reason: "customer \"C-9\" does not exist"),
        SetAsideRow(
          table: "tickets", file: folder.path("tickets.csv"), line: 6, reason: "no customer: customer_id is empty"),
      ])
  }

  @Test func keyAndLinkColumnsStayTextAndMatchByText() throws {
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": "id,n\n1,a\n2,b\n",
        "orders.csv": "order,cust\n10,2\n11,02\n",
      ])
    defer { folder.remove() }
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
      events: [TableSpec(name: "orders", path: folder.path("orders.csv"), keyColumn: "order", linkColumn: "cust")],
      strict: false)
    #expect(data.customers.types == [.text, .text])
    #expect(data.events["orders"]?.types == [.text, .text])
    #expect(Array(try #require(data.links["orders"]).rows(ofCustomer: 1)) == [0])
    #expect(data.setAside.map(\.reason) == ["customer \"02\" does not exist"])
  }

  @Test func strictMakesASetAsideRowAnError() throws {
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": Self.customers,
        "tickets.csv": "id,customer_id\nT-1,C-1\nT-2,C-9\nT-3\n",
      ])
    defer { folder.remove() }
    let error = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
        events: [TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")],
        strict: true)
    }
    #expect(error?.kind == .badRow)
    #expect(error?.line == 3)
    #expect(error?.file == folder.path("tickets.csv"))
    #expect(error?.message == "customer \"C-9\" does not exist (and 1 more rows set aside)")
  }

  @Test func duplicateCustomerKeyIsAnErrorNamingBothLines() throws {
    let folder = try ScratchFolder("loader", files: ["customers.csv": "id,n\nC-1,a\nC-2,b\nC-1,c\n"])
    defer { folder.remove() }
    let error = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: [], strict: false)
    }
    #expect(error?.kind == .badKey)
    #expect(error?.line == 4)
    #expect(error?.file == folder.path("customers.csv"))
    #expect(error?.message == "customer id \"C-1\" repeats the one on line 2")
  }

  /// Every row whose event key repeats an earlier row's is set aside, naming the first
  /// one's line; rows with an empty key are not compared; the customers keep theirs.
  @Test func repeatedEventKeysAreRowsSetAside() throws {
    let tickets = "id,customer_id\nT-1,C-1\nT-2,C-1\nT-1,C-2\n,C-1\n,C-2\nT-1,C-1\n"
    let folder = try ScratchFolder(
      "loader", files: ["customers.csv": "id\nC-1\nC-2\n", "tickets.csv": tickets])
    defer { folder.remove() }
    let file = folder.path("tickets.csv")
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
      events: [TableSpec(name: "tickets", path: file, linkColumn: "customer_id")], strict: false, maxSetAside: 1)
    #expect(
      data.setAside
        == [4, 7].map { line in
          SetAsideRow(
            table: "tickets", file: file, line: line, reason: "ticket \"T-1\" is already on line 2",
            customer: line == 4 ? "C-2" : "C-1")
        })
    #expect(data.events["tickets"]?.lines == [2, 3, 5, 6])
    #expect(data.links["tickets"]?.customerOfRow == [0, 0, 0, 1])
    let strict = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
        events: [TableSpec(name: "tickets", path: file, linkColumn: "customer_id")], strict: true)
    }
    #expect(strict?.line == 4)
    #expect(strict?.message == "ticket \"T-1\" is already on line 2 (and 1 more rows set aside)")
  }

  @Test func emptyCustomerKeyIsAnError() throws {
    let folder = try ScratchFolder("loader", files: ["customers.csv": "id,n\nC-1,a\n\"\",b\n"])
    defer { folder.remove() }
    let error = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: [], strict: false)
    }
    #expect(error?.kind == .badKey)
    #expect(error?.line == 3)
  }

  @Test func missingFileIsAnError() throws {
    let error = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: "/nonexistent/customers.csv"), events: [], strict: false)
    }
    #expect(error?.kind == .unreadableFile)
    #expect(error?.file == "/nonexistent/customers.csv")
    #expect(error?.message == "cannot read the file: no such file")
  }

  @Test func unknownKeyOrLinkColumnIsAnErrorWithASuggestion() throws {
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": Self.customers,
        "tickets.csv": "id,customer_id\nT-1,C-1\n",
      ])
    defer { folder.remove() }
    let key = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv"), keyColumn: "ID"),
        events: [], strict: false)
    }
    #expect(key?.kind == .unknownColumn)
    #expect(key?.file == folder.path("customers.csv"))
    #expect(key?.message == "the header has no column 'ID' (the key column)")
    #expect(key?.hint == "did you mean 'id'?")
    let link = #expect(throws: LoadError.self) {
      try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
        events: [TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customerid")],
        strict: false)
    }
    #expect(link?.file == folder.path("tickets.csv"))
    #expect(link?.message == "the header has no column 'customerid' (the link column)")
    #expect(link?.hint == "did you mean 'customer_id'?")
  }

  @Test func longKeysSharingAPrefixLinkExactly() throws {
    let prefix = "customer-with-a-long-shared-prefix-"
    let ids = (0..<300).map { prefix + String($0) }
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": "id\n" + ids.joined(separator: "\n") + "\n",
        "tickets.csv": "id,customer_id\nT-1,\(ids[299])\nT-2,\(ids[7])\nT-3,\(prefix)300\nT-4,\(prefix)\n",
      ])
    defer { folder.remove() }
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")),
      events: [TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")],
      strict: false)
    let links = try #require(data.links["tickets"])
    #expect(Array(links.rows(ofCustomer: 299)) == [0])
    #expect(Array(links.rows(ofCustomer: 7)) == [1])
    #expect(data.setAside.map(\.line) == [4, 5])
  }

  @Test func keyDeclaredAsIntegerStillLinksByText() throws {
    let folder = try ScratchFolder(
      "loader",
      files: [
        "customers.csv": "id,n\n1,a\n2,b\n",
        "orders.csv": "id,cust\nO-1,2\nO-2,1\n",
      ])
    defer { folder.remove() }
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv"), declaredTypes: ["id": .integer]),
      events: [TableSpec(name: "orders", path: folder.path("orders.csv"), linkColumn: "cust")],
      strict: false)
    #expect(data.customers.types == [.integer, .text])
    #expect(["1", "2", "01"].map(data.customerNumber) == [0, 1, nil])
    #expect(Array(try #require(data.links["orders"]).rows(ofCustomer: 0)) == [1])
  }
}
