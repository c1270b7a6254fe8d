import PlaybookLanguage

/// A rule's place in the playbook's text and its decisions: what the report shows
/// beside the rule's lines.
public struct RuleFigures: Hashable, Sendable {
  /// The rule's name.
  public var name: String
  /// The rule statement's first line and last line, 1-based.
  public var lines: ClosedRange<Int>
  /// Its decisions per status.
  public var counts: StatusCounts

  /// `name`'s figures, written on `lines`.
  public init(name: String, lines: ClosedRange<Int>, counts: StatusCounts) {
    self.name = name
    self.lines = lines
    self.counts = counts
  }

  /// Every rule statement of `playbook`, in file order, with its counts from `byRule`.
  static func rules(of playbook: Playbook, byRule: [NamedCounts]) -> [RuleFigures] {
    playbook.statements.compactMap { statement in
      guard case .rule(let rule) = statement.kind else { return nil }
      let name = rule.name.text
      let start = statement.range.start.line
      // The range ends just past its last character: at a line's start, the line before is the last.
      let end = statement.range.end.column == 1 ? statement.range.end.line - 1 : statement.range.end.line
      return RuleFigures(
        name: name, lines: start...max(start, end),
        counts: byRule.first { $0.name == name }?.counts ?? StatusCounts())
    }
  }
}
