import PlaybookLanguage

/// The playbook language's words as the shell needs them: which words start a statement,
/// which continue one, and every keyword for completion.
///
/// Statement and continuation keywords come from the parser, so the shell groups lines
/// as a playbook file is read.
public enum PlaybookWords {
  /// Words that start a top-level statement (the parser's list).
  public static let statementKeywords = Set(PlaybookParser.statementKeywords)

  /// Statements that never take continuation lines, so at the prompt the shell completes
  /// them at the end of their line instead of waiting for a blank line.
  public static let singleLineStatements: Set<String> = [
    "playbook", "as", "window", "offer", "limit", "holdout", "export", "ledger",
  ]

  /// Words that continue the statement above when they start a line (the parser's list).
  public static let continuationWords = Set(PlaybookParser.continuationKeywords)

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
