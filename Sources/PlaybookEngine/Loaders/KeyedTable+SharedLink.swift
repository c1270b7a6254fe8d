extension KeyedTable {
  /// Keeps the link column as numbers into the customers' keys instead of a text per
  /// row: a linked row's text is its customer's key byte for byte (that is how it was
  /// found), so the link index already says it, and the keys are held once (at 1M
  /// customers, ~100 MB of the tickets', orders' and calls' customer ids). Rows that
  /// named no customer (set aside, still in the table) keep their own text, appended
  /// to a copy of the keys. `customerOfRow` is each row's customer (-1 for none).
  mutating func shareLinkText(customerIDs: TextColumn, customerOfRow: ColumnArray<Int32>, _ spec: TableSpec) {
    guard let link, let linkColumn = spec.linkColumn, spec.linkTable == nil, customerIDs.codes == nil,
      customerOfRow.count == link.count
    else { return }
    let unlinked = customerOfRow.indices.filter { customerOfRow[$0] < 0 }
    let shared: TextColumn
    if unlinked.isEmpty {
      shared = TextColumn(
        bytes: customerIDs.bytes, ends: customerIDs.ends, codes: .words(ColumnArray(reinterpreting: customerOfRow)))
    } else {
      var dictionary = customerIDs
      var codes = customerOfRow.map { UInt32(bitPattern: $0) }
      for row in unlinked {
        codes[row] = UInt32(dictionary.count)
        link.withUTF8(row) { dictionary.append(utf8: $0) }
      }
      shared = TextColumn(bytes: dictionary.bytes, ends: dictionary.ends, codes: .words(ColumnArray(codes)))
    }
    self.link = shared
    if let c = table.columnIndex(linkColumn), case .text = table.columns[c].values {
      table.columns[c].values = .text(shared)
    }
  }
}
