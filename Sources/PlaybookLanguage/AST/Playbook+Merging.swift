extension Playbook {
  /// Moves the comments written on their own lines just before the statement at `old`
  /// (after the statement before it) to just before `new`, the statement replacing it:
  /// the formatter puts a comment before what follows it in the source, and a statement
  /// typed again lives at the end of the session's document, so without this the
  /// comment would stay behind, above the next statement.
  private mutating func moveLeadingComments(from old: SourceRange, to new: SourceRange) {
    let previousEnd =
      statements.lazy.map(\.range.end.line).filter { $0 < old.start.line }.max() ?? 0
    let leading = comments.indices.filter {
      !comments[$0].trailing && comments[$0].range.start.line > previousEnd
        && comments[$0].range.start.line < old.start.line
    }
    // Just before the new statement, in their order: the line before it, and offsets
    // between its previous line's start and its own.
    for (order, index) in leading.enumerated() {
      let offset = new.start.offset - leading.count + order
      let place = SourceLocation(offset: offset, line: new.start.line - 1, column: 1)
      comments[index].range = SourceRange(start: place, end: place)
    }
  }

  /// Joins `typed` statements into the playbook as the shell and `--what-if` do: each
  /// replaces the statement that defines the same thing (`rule x`, `limit`, `window`),
  /// taking its leading comments along, or is added after the last of its section.
  /// Returns what changed, in words: `replaced rule x`, `added rule y` (statements a
  /// playbook has once, such as `window`, are added silently).
  public mutating func merge(_ typed: [Statement]) -> [String] {
    var changes: [String] = []
    for new in typed {
      if let index = statements.firstIndex(where: { $0.slot == new.slot }) {
        let old = statements[index].range
        comments.removeAll {
          $0.range.start.line >= old.start.line && $0.range.start.line <= old.end.line
        }
        moveLeadingComments(from: old, to: new.range)
        statements[index] = new
        changes.append("replaced \(new.slot)")
      } else {
        statements.insert(new, at: insertionIndex(for: new.kind.section))
        if new.isNamed { changes.append("added \(new.slot)") }
      }
    }
    return changes
  }
}
