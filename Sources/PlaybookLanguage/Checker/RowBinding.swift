/// What a row name stands for: a table's rows, or (`define`) those matching a condition.
public struct RowBinding: Sendable {
  public var name: String
  public var table: String
  /// The conditions a row must meet, outermost `define` last; each is written in terms
  /// of the row name in `filterRows` at the same index.
  public var filters: [Expr]
  public var filterRows: [String]
  public var isCustomer: Bool
  public var range: SourceRange?
}
