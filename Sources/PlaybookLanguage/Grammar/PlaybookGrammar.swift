/// The playbook language's words, once: the statement words (`StatementKeyword`, with
/// their clauses), the words that continue a statement, the phrase words, the other
/// keywords and the export formats. The parser, the formatter and the shell's statement
/// reader and completion all read them here, so a new word is added in one place.
///
/// Keywords are plain words to the lexer: the parser decides by position what a word
/// means, so a field or table may still be called `key` or `open`.
public enum PlaybookGrammar {
  /// Words that begin a top-level statement, in table order.
  public static let statementWords = StatementKeyword.allCases.map(\.rawValue)

  /// Words that begin a line continuing the statement above it and begin no statement
  /// themselves: a rule's `when`, `and`, `unless`, `send`; a load's `from`, `key`, `link`,
  /// `with`, `types`, `nulls`; a test's `expect`; an offer's `subject`, `message`; a
  /// channel's `quiet`, `days`. (A load's `as` and `timezone` and a test's `as of` and
  /// `load` are statement words too.) In this order, so that "did you mean" keeps preferring a
  /// rule's clause on a tie.
  public static let continuationWords: [String] = unique(
    (RuleClause.allCases.map(\.rawValue) + LoadClause.allCases.map(\.rawValue) + TestClause.allCases.map(\.rawValue)
      + OfferMessage.Part.allCases.map(\.rawValue) + ChannelClause.allCases.map(\.rawValue))
      .filter { StatementKeyword(rawValue: $0) == nil })

  /// Lifecycle phrases after a bare row name, each with the words that may follow it:
  /// `ticket resolved [within|after D]`, `ticket responded within|after D`,
  /// `ticket open for D`, `order in last D`.
  public static let phrases: [(word: String, followedBy: [String])] = [
    ("resolved", ["within", "after"]), ("responded", ["within", "after"]), ("open", ["for"]),
    ("in", ["last"]),
  ]

  /// The words that start a phrase: `resolved`, `responded`, `open`, `in`.
  public static let phraseWords = phrases.map(\.word)

  /// Operators written as words, which may follow any operand (`starts` and `ends` with
  /// `with` after them).
  public static let operatorWords = [
    "and", "or", "not", "in", "contains", "is", "between", "starts", "ends", "matches",
  ]

  /// Words that are values in an expression.
  public static let valueWords = ["true", "false", "null", "now"]

  /// The other words inside statements: `as of`, `window all`, `define … where`,
  /// `channel … address … requires`, `offer … valid`, `rule … priority … every`, `send … via …
  /// after`, `limit N per customer per D`, `holdout N% seed`, `timezone … default`, `export to … as`,
  /// `expect customer … gets [no|nothing]`, `expect audience`, `contains any`, `count(… where …)`,
  /// `sent(any via … in last D)`.
  public static let otherWords = [
    "of", "all", "where", "address", "requires", "valid", "priority", "every", "via", "after", "per", "customer",
    "seed", "to",
    "gets", "no", "nothing", "audience", "any", "sent", "default",
  ]

  /// Every keyword, each once, in a fixed order: what completion offers.
  public static let keywords: [String] = unique(
    statementWords + continuationWords + phraseWords + phrases.flatMap(\.followedBy) + operatorWords + valueWords
      + Aggregate.Function.allCases.map(\.rawValue) + ScalarFunction.allCases.map(\.rawValue) + otherWords
      + ExportFormat.allCases.map(\.rawValue) + DatabaseKind.allCases.map(\.rawValue) + DatabaseKind.selections)

  private static func unique(_ words: [String]) -> [String] {
    var seen: Set<String> = []
    return words.filter { seen.insert($0).inserted }
  }
}
