/// A parsed playbook: its statements in source order, and its comments (kept for the
/// formatter). The parser always yields one, even from broken input; what it could not
/// read is reported as diagnostics beside it.
public struct Playbook: Hashable, Sendable {
  public var statements: [Statement]
  public var comments: [Comment]

  public init(statements: [Statement] = [], comments: [Comment] = []) {
    self.statements = statements
    self.comments = comments
  }
}

/// A `# …` comment. `text` excludes the `#`. `trailing` is true when code precedes it
/// on its line.
public struct Comment: Hashable, Sendable {
  public var text: String
  public var range: SourceRange
  public var trailing: Bool

  public init(text: String, range: SourceRange, trailing: Bool) {
    self.text = text
    self.range = range
    self.trailing = trailing
  }
}

/// A name as written, with where it was written.
public struct Name: Hashable, Sendable {
  public var text: String
  public var range: SourceRange

  public init(_ text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}
