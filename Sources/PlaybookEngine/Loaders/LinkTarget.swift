/// An event table other tables link to (`link order_id to orders`): its rows by key, and
/// each row's customer, so a linking row becomes the customer's of the row it names.
struct LinkTarget {
  let spec: TableSpec
  let index: KeyIndex
  let table: Table
  /// Each row's customer number, -1 for a row set aside.
  let customerOfRow: ColumnArray<Int32>

  /// The target for a table read as `keyed`, its repeated keys already set aside.
  /// Throws when a key is empty: a linking row must name a row.
  init(spec: TableSpec, keyed: KeyedTable, customerOfRow: ColumnArray<Int32>) throws(LoadError) {
    try keyed.refuseEmptyKeys(spec, rowName: spec.rowName)
    index = KeyIndex.build(keyed.keys).index
    self.spec = spec
    self.table = keyed.table
    self.customerOfRow = customerOfRow
  }

  /// Each row of `linking` (whose `link` column names rows of this table) as the
  /// customer of the row it names, and `setAside` with the rows that name no row here,
  /// or one set aside.
  func follow(_ link: TextColumn, of linking: TableSpec, table linkingTable: Table, setAside: [SetAsideRow])
    -> (customerOfRow: [Int32], setAside: [SetAsideRow])
  {
    let (rowOf, unlinked) = DatasetLoader.resolve(link, in: index)
    var rows = setAside
    func putAside(_ row: Int, _ reason: String) {
      rows.append(
        SetAsideRow(table: linking.name, file: linking.path, line: Int(linkingTable.lines[row]), reason: reason))
    }
    for row in unlinked {
      if link.start(row) == link.end(row) {
        putAside(row, "no \(spec.rowName): \(linking.linkColumn ?? "") is empty")
      } else {
        putAside(row, "\(spec.rowName) \"\(link.string(row))\" does not exist")
      }
    }
    var customers = [Int32](repeating: -1, count: rowOf.count)
    for (row, target) in rowOf.enumerated() where target >= 0 {
      let customer = customerOfRow[Int(target)]
      if customer >= 0 {
        customers[row] = customer
      } else {
        putAside(
          row, "\(spec.rowName) \"\(link.string(row))\" is set aside (\(spec.path) line \(table.lines[Int(target)]))")
      }
    }
    return (customers, rows)
  }
}
