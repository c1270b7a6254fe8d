import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// `:help TOPIC` shows docs/LANGUAGE.md's own text: the reference compiled into the
/// shell is the document's sections, byte for byte. `make help-text` rewrites
/// LanguageReference.swift from the document (this suite with PLAYLOOP_WRITE_HELP=1).
@Suite struct LanguageHelpTests {
  static let generated = "Sources/PlaybookLanguage/Reference/LanguageReference.swift"

  /// The document's span the shell holds: "## Statements" up to "## After every rule".
  static func span(of document: String) throws -> String {
    let start = try #require(document.range(of: "\n## Statements\n"))
    let end = try #require(document.range(of: "\n## After every rule"))
    return String(document[document.index(after: start.lowerBound)..<end.lowerBound])
  }

  /// LanguageReference.swift as generated from `markdown`, laid out as `swift format`
  /// lays it out (the literal's lines indented; an indented literal means the same text).
  static func file(holding markdown: String) -> String {
    let indented = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    return """
      // Generated from docs/LANGUAGE.md by `make help-text`: do not edit here. LanguageHelpTests
      // fails when this text and the document's differ.

      /// The sections of docs/LANGUAGE.md that `:help TOPIC` shows and `playloop mcp` serves,
      /// verbatim: from "## Statements" up to "## After every rule".
      public enum LanguageReference {
        /// The sections' markdown.
        public static let markdown = ##\"\"\"
      \(indented)
          \"\"\"##
      }

      """
  }

  @Test func theShellsReferenceIsTheDocumentsText() throws {
    let document = try String(contentsOfFile: Repository.path("docs/LANGUAGE.md"), encoding: .utf8)
    let span = try Self.span(of: document)
    if ProcessInfo.processInfo.environment["PLAYLOOP_WRITE_HELP"] == "1" {
      try Self.file(holding: span).write(toFile: Repository.path(Self.generated), atomically: true, encoding: .utf8)
    }
    #expect(LanguageReference.markdown == span, "docs/LANGUAGE.md changed: run make help-text")
    let onDisk = try String(contentsOfFile: Repository.path(Self.generated), encoding: .utf8)
    #expect(onDisk == Self.file(holding: span))
  }

  /// Every statement and the main constructs have a topic, each with an example.
  @Test(
    arguments: StatementKeyword.allCases.map { $0 == .asOf ? "as of" : $0.rawValue }
      + ["when", "unless", "send", "expressions", "phrases", "aggregates", "count", "functions", "lower", "between"])
  func everyConstructHasATopicWithAnExample(_ name: String) throws {
    let topic = try #require(LanguageHelp.topic(name), "no topic '\(name)'")
    #expect(topic.markdown.contains("\n```\n") || topic.markdown.contains("\n| `"), "\(name) has no example")
  }

  @Test func aFunctionNameShowsTheFunctions() throws {
    #expect(LanguageHelp.topic("days_between")?.name == "functions")
    #expect(LanguageHelp.topic("matches")?.name == "expressions")
  }

  @Test func aTopicIsWrappedToTheWidthAndKeepsItsExample() throws {
    let rule = try #require(LanguageHelp.topic("when"))
    let text = LanguageHelp.text(rule, width: 50)
    #expect(text.hasPrefix("rule NAME [priority N] [every D]\n\n"))
    #expect(text.contains("\n  rule evangelist priority 3\n    when ticket.csat == 5\n"))
    for line in text.split(separator: "\n") where !line.hasPrefix("  ") {
      #expect(line.count <= 50, "\(line)")
    }
    #expect(text.contains("- `when` states a condition; each `and` line\n  adds another; all must hold."))
  }
}
