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
  /// What to write when the row was set aside wrongly (`types total = text`), if anything.
  public var hint: String?
  /// The key of the customer the row names (its link; a customer row's own key), when
  /// it could be read: `explain` shows the customer the rows of theirs set aside.
  public var customer: String?

  /// A set-aside row of `table` at `line` (1-based) of `file`, with an optional `hint`
  /// and the `customer` it names when known.
  public init(table: String, file: String, line: Int, reason: String, hint: String? = nil, customer: String? = nil) {
    self.table = table
    self.file = file
    self.line = line
    self.reason = reason
    self.hint = hint
    self.customer = customer
  }
}

/// A table with more of its rows set aside than the load allows (`--max-set-aside`).
public struct SetAsideShare: Hashable, Sendable {
  /// The table (`tickets`).
  public var table: String
  /// Its file, as the playbook names it.
  public var file: String
  /// The rows set aside.
  public var setAside: Int
  /// The rows read: those kept and those set aside.
  public var rows: Int
  /// The share allowed, from 0 to 1.
  public var limit: Double

  /// `setAside` of `rows` rows of `table` (in `file`) set aside, over the share `limit`.
  public init(table: String, file: String, setAside: Int, rows: Int, limit: Double) {
    self.table = table
    self.file = file
    self.setAside = setAside
    self.rows = rows
    self.limit = limit
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
  /// The tables with more rows set aside than the load allowed, in load order.
  public var overSetAsideLimit: [SetAsideShare] = []
  /// What loading warned of, per file in load order: columns named by position.
  public var warnings: [LoadError] = []
  /// Event tables left in their database (`playloop run --engine postgres`), of which only
  /// the rows the candidates name were read: the count of every row there, by table name.
  /// The summary counts these, not the rows read.
  public var rowsInPlace: [String: Int] = [:]

  /// A dataset of these tables; `customerIDs` must be distinct.
  public init(
    customers: Table, customerIDs: TextColumn, events: [String: Table], links: [String: LinkIndex],
    setAside: [SetAsideRow], loads: [TableLoad] = []
  ) {
    let (index, duplicates) = KeyIndex.build(customerIDs)
    precondition(duplicates.isEmpty, "customer ids must be distinct")
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
