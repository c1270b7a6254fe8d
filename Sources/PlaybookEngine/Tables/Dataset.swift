/// A row that could not be read or linked, kept for the report: nothing is dropped
/// silently.
public struct SetAsideRow: Hashable, Sendable {
  /// The table the row belongs to (`tickets`).
  public var table: String
  /// The file the row was read from, as the playbook names it.
  public var file: String
  /// The 1-based line in `file` where the row starts.
  public var line: Int
  /// Why the row was set aside, in words for the report (e.g. an unknown customer).
  public var reason: String

  /// A set-aside row of `table` at `line` (1-based) of `file`.
  public init(table: String, file: String, line: Int, reason: String) {
    self.table = table
    self.file = file
    self.line = line
    self.reason = reason
  }
}

/// Everything a playbook's `load` statements read: the customers, each event table,
/// and each event table's link index.
public struct Dataset: Sendable {
  /// The customers table; row `n` is customer number `n`.
  public var customers: Table
  /// The key column's text for each customer number.
  public var customerIDs: TextColumn { customerIndex.keys }
  /// Customer key → customer number (the index the loader links event rows with).
  let customerIndex: KeyIndex
  /// Event tables by table name.
  public var events: [String: Table]
  /// Each event table's rows per customer, by table name.
  public var links: [String: LinkIndex]
  /// Rows set aside while reading, in table then line order.
  public var setAside: [SetAsideRow]
  /// Each table's load, in load order (customers first).
  public var loads: [TableLoad]
  /// What loading warned of, per file in load order: columns named by position.
  public var warnings: [LoadError] = []

  /// A dataset of these tables; `customerIDs` must be distinct.
  public init(
    customers: Table, customerIDs: TextColumn, events: [String: Table], links: [String: LinkIndex],
    setAside: [SetAsideRow], loads: [TableLoad] = []
  ) {
    guard case .success(let index) = KeyIndex.build(customerIDs) else {
      preconditionFailure("customer ids must be distinct")
    }
    self.init(
      customers: customers, customerIndex: index, events: events, links: links, setAside: setAside, loads: loads)
  }

  init(
    customers: Table, customerIndex: KeyIndex, events: [String: Table], links: [String: LinkIndex],
    setAside: [SetAsideRow], loads: [TableLoad], warnings: [LoadError] = []
  ) {
    self.customers = customers
    self.customerIndex = customerIndex
    self.events = events
    self.links = links
    self.setAside = setAside
    self.loads = loads
    self.warnings = warnings
  }

  /// The customer number of the customer with key `id`, if there is one.
  public func customerNumber(_ id: String) -> Int32? {
    var id = id
    let number = id.withUTF8 { customerIndex.number(of: $0) }
    return number < 0 ? nil : number
  }
}
