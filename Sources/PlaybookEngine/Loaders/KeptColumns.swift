/// Which of a file's columns a load keeps as columns of its table. Every column is read
/// and judged either way, so the rows set aside, the types and the counts are the same;
/// a column left out is only not stored (its text not copied, its values not joined).
/// A run that keeps no snapshot reads only the columns its playbook can use
/// (`Workspace.columnsUsed`), as a query engine reads only the columns a query names.
public struct KeptColumns: Sendable, Equatable {
  /// The names kept; nil for every column.
  private let names: Set<String>?

  /// Every column.
  public static let all = KeptColumns(names: nil)

  /// The columns named by one of `words`, and every column whose name is not one plain
  /// word (a playbook writes those in quotes, which a list of words may miss).
  public static func named(_ words: Set<String>) -> KeptColumns { KeptColumns(names: words) }

  /// Whether the column called `name` is kept.
  public func keeps(_ name: String) -> Bool {
    guard let names else { return true }
    return names.contains(name) || !HeaderName.isPlainWord(name)
  }

  /// Whether every column is kept.
  public var keepsAll: Bool { names == nil }
}
