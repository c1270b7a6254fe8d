import PlaybookLanguage

/// One customer's data as of a plan's clock, as text for people: the customer's fields
/// and their rows in each event table (rows opened after the clock do not exist yet).
public struct CustomerRecord: Sendable {
  /// The customers table's columns and this customer's values (empty for null).
  public var fields: [(name: String, value: String)]
  /// Each event table the playbook loads, in load order.
  public var tables: [Rows]

  /// An event table's rows for the customer.
  public struct Rows: Sendable {
    /// The event table's name (`tickets`).
    public var table: String
    /// The table's column names in header order, without the column linking rows to customers.
    public var columns: [String]
    /// The customer's rows in file order, one text per column (empty for null or not yet happened).
    public var rows: [[String]]
  }
}

extension Plan {
  /// The record of the customer numbered `customer` (see `Dataset.customerNumber`).
  public func record(ofCustomer customer: Int) -> CustomerRecord {
    let customers = dataset.customers
    let fields = customers.columns.map { ($0.name, ValueText.text(of: $0, row: customer) ?? "") }
    var tables: [CustomerRecord.Rows] = []
    for binding in model.tables where !binding.isCustomers {
      guard let table = dataset.events[binding.name], let link = dataset.links[binding.name]
      else { continue }
      let lifecycle = lifecycles[binding.name]
      let linkColumn = binding.linkColumn
      let shown = table.columns.filter { $0.name != linkColumn }
      // A lifecycle time after the clock has not happened yet: shown empty, as it reads.
      let lifecycleColumns = Set(TableBinding.lifecycleDefaults.keys.map(binding.column(forField:)))
      var rows: [[String]] = []
      for r in link.rows(ofCustomer: customer) {
        let row = Int(r)
        if let lifecycle, !lifecycle.exists(row) { continue }
        rows.append(
          shown.map { column in
            if lifecycleColumns.contains(column.name), case .timestamp(let values) = column.values,
              values[row] > clock
            {
              return ""
            }
            return ValueText.text(of: column, row: row) ?? ""
          })
      }
      tables.append(CustomerRecord.Rows(table: binding.name, columns: shown.map(\.name), rows: rows))
    }
    return CustomerRecord(fields: fields, tables: tables)
  }
}
