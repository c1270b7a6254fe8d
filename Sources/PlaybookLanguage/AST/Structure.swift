/// A syntax node's structure: what it says, without where or how it was typed.
///
/// Two structures are equal, and hash alike, when their nodes differ only in source
/// positions, spacing and comments; a changed name, operator or number makes them
/// differ. Incremental runs and caches key on it, so retyping a statement elsewhere, or
/// with other spacing, reuses what was computed for it.
public struct Structure<Node: SourcePlaced>: Hashable, Sendable {
  /// The node with every source range blanked (comments dropped, for a playbook).
  public let node: Node

  /// The structure of `node`.
  public init(_ node: Node) {
    self.node = node.unplaced
  }
}

/// A syntax node that can give up its source positions for `Structure`.
public protocol SourcePlaced: Hashable, Sendable {
  /// The node with every source range, its own and its parts', set to `SourceRange.nowhere`.
  var unplaced: Self { get }
}

extension SourceRange {
  /// The range of a node that stands for its structure, not for any text.
  public static let nowhere = SourceRange(
    start: SourceLocation(offset: 0, line: 0, column: 0),
    end: SourceLocation(offset: 0, line: 0, column: 0))
}
