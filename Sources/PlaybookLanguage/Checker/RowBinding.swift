/// What a row name stands for: a table's rows, or (`define`) those matching a condition.
public struct RowBinding: Sendable {
  /// The row name: `customer`, `ticket`, or a `define`d one such as `complaint`.
  public var name: String
  /// The table whose rows it names (`tickets`), following `define`s down to a `load`.
  public var table: String
  /// The conditions a row must meet, outermost `define` last; each is written in terms
  /// of the row name in `filterRows` at the same index.
  var filters: [Expr]
  var filterRows: [String]
  var isCustomer: Bool
  var range: SourceRange?
}
