/// The playbook language's words as the shell needs them: which words start a statement,
/// which continue one, and every keyword for completion.
///
/// Kept in this one place so the parser's own lists can replace them later.
public enum PlaybookWords {
  /// Words that start a top-level statement.
  public static let statementKeywords: Set<String> = [
    "playbook", "as", "window", "load", "define", "segment", "channel", "offer", "rule",
    "limit", "holdout", "export", "ledger", "test",
  ]

  /// Statements that never take continuation lines, so the shell completes them at the
  /// end of their line instead of waiting for a blank line.
  public static let singleLineStatements: Set<String> = [
    "playbook", "as", "window", "offer", "limit", "holdout", "export", "ledger",
  ]

  /// Words that continue the statement above when they start a line.
  public static let continuationWords: Set<String> = [
    "when", "and", "or", "unless", "send", "with", "key", "link", "types", "where", "expect",
  ]

  /// Statement keywords that continue a `test` statement, when indented, rather than
  /// start a new one (`as of …` and `load …` set up the test's own clock and data).
  public static let testContinuationWords: Set<String> = ["as", "load", "expect"]

  /// Every keyword, for completion, in a fixed order.
  public static let keywords: [String] = [
    "playbook", "as", "of", "window", "all", "load", "from", "key", "link", "with", "types",
    "define", "segment", "channel", "address", "requires", "offer", "valid", "rule",
    "priority", "when", "and", "or", "not", "unless", "send", "via", "after", "limit", "per",
    "holdout", "export", "to", "csv", "jsonl", "ledger", "test", "expect", "customer", "gets",
    "no", "nothing", "audience", "in", "last", "contains", "any", "is", "null", "where",
    "count", "sum", "avg", "min", "max", "resolved", "responded", "within", "open", "for",
    "now", "true", "false",
  ]
}
