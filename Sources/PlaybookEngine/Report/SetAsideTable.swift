/// One table's rows set aside while loading, with the first of them and why.
public struct SetAsideTable: Hashable, Sendable {
  /// The table's counts: rows loaded and set aside.
  public var table: TableCount
  /// The first rows set aside, in file order (at most `shown`).
  public var first: [SetAsideRow]

  /// How many rows each table lists.
  public static let shown = 3

  /// `table`'s counts with its `first` rows set aside.
  public init(table: TableCount, first: [SetAsideRow]) {
    self.table = table
    self.first = first
  }

  /// Every loaded table (`tables`, in load order) with the first of `rows` set aside from it.
  static func tables(_ tables: [TableCount], rows: [SetAsideRow]) -> [SetAsideTable] {
    var first: [String: [SetAsideRow]] = [:]
    for row in rows where first[row.table, default: []].count < shown {
      first[row.table, default: []].append(row)
    }
    return tables.map { SetAsideTable(table: $0, first: first[$0.name] ?? []) }
  }
}
