import PlaybookLanguage
import PlaybookReporting

/// `:help TOPIC` for the language: the sections of docs/LANGUAGE.md from "Statements"
/// to "Aggregates", held verbatim in `LanguageReference.markdown` (a test keeps the two
/// byte-identical), one topic per section, shown wrapped to the terminal.
enum LanguageHelp {
  /// One section of the reference: the words that name it and its text.
  struct Topic: Equatable {
    /// What `:help` takes: `rule`, `as of`, `phrases`.
    var name: String
    /// The section's markdown: its heading line, then its body.
    var markdown: String
  }

  /// Every topic, in the reference's order.
  static let topics: [Topic] = sections(LanguageReference.markdown)

  /// Other words for a topic: a rule's clauses name the rule, a phrase word the phrases.
  static let aliases: [String: String] = [
    "when": "rule", "and": "rule", "unless": "rule", "send": "rule", "priority": "rule", "every": "rule",
    "expect": "test",
    "as": "as of", "expression": "expressions", "phrase": "phrases", "resolved": "phrases",
    "responded": "phrases", "open": "phrases", "aggregate": "aggregates",
    "function": "functions", "between": "expressions", "starts": "expressions", "ends": "expressions",
    "matches": "expressions", "contains": "expressions", "quiet": "channel", "days": "channel",
  ].merging(Aggregate.Function.allCases.map { ($0.rawValue, "aggregates") }) { first, _ in first }
    .merging(ScalarFunction.allCases.map { ($0.rawValue, "functions") }) { first, _ in first }

  /// The topic `name` means (case-insensitive), if any.
  static func topic(_ name: String) -> Topic? {
    let name = name.lowercased()
    let wanted = aliases[name] ?? name
    return topics.first { $0.name == wanted }
  }

  /// The topics as `:help` lists them, with where the whole reference is.
  static func overview(width: Int?) -> String {
    let names = topics.map(\.name).joined(separator: ", ")
    return TextWrap.lines(
      "Language: :help TOPIC shows the reference for one of \(names). "
        + "The whole language is described in docs/LANGUAGE.md.", width: width ?? Int.max
    ).joined(separator: "\n")
  }

  /// A topic's text for the terminal: the heading without its markup, paragraphs and
  /// list items wrapped to `width` (as written when nil), examples and tables as they are.
  static func text(_ topic: Topic, width: Int?) -> String {
    var out: [String] = []
    var paragraph: [Substring] = []
    func endParagraph() {
      guard let first = paragraph.first else { return }
      let hanging = first.hasPrefix("- ") ? "  " : ""
      if let width {
        let text = paragraph.map { $0.drop(while: \.isWhitespace) }.joined(separator: " ")
        let lines = TextWrap.lines(text, width: max(20, width - hanging.count))
        out += [lines[0]] + lines.dropFirst().map { hanging + $0 }
      } else {
        out += paragraph.map(String.init)
      }
      paragraph = []
    }
    var inCode = false
    for line in topic.markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        endParagraph()
        inCode.toggle()
      } else if inCode {
        out.append("  " + line)
      } else if line.hasPrefix("#") {
        out += [line.drop { $0 == "#" || $0 == " " }.filter { $0 != "`" }, ""]
      } else if line.isEmpty || line.hasPrefix("|") {
        endParagraph()
        out.append(String(line))
      } else {
        if line.hasPrefix("- ") { endParagraph() }
        paragraph.append(line)
      }
    }
    endParagraph()
    while out.last?.isEmpty == true { out.removeLast() }
    return out.joined(separator: "\n")
  }

  /// Splits the reference at its `##` and `###` headings; a section with no body (the
  /// "Statements" heading) names no topic.
  static func sections(_ markdown: String) -> [Topic] {
    var topics: [Topic] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") || line.hasPrefix("### ") {
        topics.append(Topic(name: name(ofHeading: line), markdown: String(line)))
      } else if !topics.isEmpty {
        topics[topics.count - 1].markdown += "\n" + line
      }
    }
    return topics.filter { !$0.markdown.split(separator: "\n").dropFirst().allSatisfy(\.isEmpty) }
  }

  /// `### \`rule NAME [priority N]\`` names `rule`, `as of TIMESTAMP` names `as of`;
  /// `### Lifecycle phrases` names `phrases`.
  private static func name(ofHeading line: Substring) -> String {
    let heading = line.drop { $0 == "#" || $0 == " " }
    guard heading.hasPrefix("`") else { return heading.split(separator: " ").last?.lowercased() ?? "" }
    let words = heading.dropFirst().split(separator: " ")
    let first = words.first.map { String($0.filter { $0 != "`" }) } ?? ""
    return first == StatementKeyword.asOf.rawValue ? "as of" : first
  }
}
