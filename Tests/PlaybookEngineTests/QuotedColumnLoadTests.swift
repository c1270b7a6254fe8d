import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A hand-made export with the headers people really get (spaces, capitals, symbols),
/// loaded by quoted column names in `key`, `link`, `with` and `types`.
@Suite struct QuotedColumnLoadTests {
  static let customers = """
    Customer ID,Total Charges,E-mail,Signup Date
    C-1,120.50,one@example.com,2026-10-01
    C-2,80,,2026-10-15
    C-3,300,three@example.com,

    """
  static let orders = """
    Order No,Customer ID,Amount ($)
    O-1,C-1,20
    O-2,C-3,45.5
    O-3,C-9,10

    """
  static let playbook = """
    playbook "Messy headers"
    as of 2026-11-01T00:00:00Z
    load customers from "customers.csv" key "Customer ID"
      with total = "Total Charges", email = "E-mail"
      types "Signup Date" = text
    load orders from "orders.csv" key "Order No" link "Customer ID"
      with amount = "Amount ($)"
    channel email address customer.email
    offer A "A" valid 10d
    rule big_order
      when order.amount > 30 and customer.total >= 100
      send A via email

    """

  @Test func quotedNamesLoadTheirColumnsAndFeedTheRules() throws {
    let f = try EngineFixture(
      playbook: Self.playbook, files: ["customers.csv": Self.customers, "orders.csv": Self.orders])
    let data = f.workspace.dataset
    #expect((0..<3).map { data.customerIDs.string($0) } == ["C-1", "C-2", "C-3"])
    #expect(data.customers.columns.map(\.name) == ["Customer ID", "Total Charges", "E-mail", "Signup Date"])
    // `types "Signup Date" = text` overrides the date inference.
    #expect(data.customers.columns.map(\.type) == [.text, .decimal, .text, .text])
    guard case .decimal(let totals) = data.customers.columns[1].values else {
      Issue.record("Total Charges is not decimal")
      return
    }
    #expect(totals == [120.5, 80, 300])
    let orders = try #require(data.events["orders"])
    guard case .text(let numbers) = try #require(orders.columns.first).values else {
      Issue.record("Order No is not text")
      return
    }
    #expect((0..<2).map(numbers.string) == ["O-1", "O-2"])
    #expect(Array(try #require(data.links["orders"]).rows(ofCustomer: 2)) == [1])
    #expect(data.setAside.map(\.reason) == ["customer \"C-9\" does not exist"])
    let decisions = f.run().decisions
    #expect(
      decisions.map { "\($0.customerID) \($0.triggerID ?? "-") \($0.address ?? "-") \($0.status)" } == [
        "C-3 O-2 three@example.com send"
      ])
  }
}
