/// A parsed playbook: its statements in source order, and its comments (kept for the
/// formatter). The parser always yields one, even from broken input; what it could not
/// read is reported as diagnostics beside it.
public struct Playbook: Hashable, Sendable {
  /// The top-level statements in source order.
  public var statements: [Statement]
  /// Every `#` comment in source order, including those inside a statement's lines.
  public var comments: [Comment]

  /// A playbook of `statements` and `comments`; empty by default.
  public init(statements: [Statement] = [], comments: [Comment] = []) {
    self.statements = statements
    self.comments = comments
  }
}

/// A `# …` comment. `text` excludes the `#`. `trailing` is true when code precedes it
/// on its line.
public struct Comment: Hashable, Sendable {
  /// The text after the `#`, leading spaces kept, trailing blanks trimmed.
  public var text: String
  /// From the `#` to the comment's last non-blank character.
  public var range: SourceRange
  /// True when code precedes the comment on its line (`send X via email  # why`).
  public var trailing: Bool

  /// A comment of `text` at `range`.
  public init(text: String, range: SourceRange, trailing: Bool) {
    self.text = text
    self.range = range
    self.trailing = trailing
  }
}

/// A name as written, with where it was written.
public struct Name: Hashable, Sendable {
  /// The name as written (`complaint`, `THANKS10`).
  public var text: String
  /// Where the name was written.
  public var range: SourceRange

  /// The name `text` written at `range`.
  public init(_ text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}
