/// One complete playbook statement as the person typed it (or the script held it).
public struct TypedStatement: Equatable, Sendable {
  /// The statement's lines joined with `\n`, without a trailing line break.
  public var text: String
  /// The 1-based line of the input on which the statement starts, so diagnostics can
  /// point at the script's own lines (`lineOffset` = `firstLine - 1`).
  public var firstLine: Int

  /// A statement of `text` starting at 1-based input line `firstLine`.
  public init(text: String, firstLine: Int) {
    self.text = text
    self.firstLine = firstLine
  }
}
