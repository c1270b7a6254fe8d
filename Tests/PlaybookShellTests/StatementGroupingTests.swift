import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// The reader groups typed lines by the language's grammar table, as the parser reads a
/// playbook file; the shell keeps no list of statement words of its own.
@Suite struct StatementGroupingTests {
  /// At the prompt a statement the grammar holds on one line ends with it; every other
  /// statement stays open for the lines that may continue it.
  @Test(arguments: StatementKeyword.allCases)
  func thePromptEndsExactlyTheOneLineStatements(_ keyword: StatementKeyword) {
    var reader = StatementReader()
    let items = reader.read(keyword.rawValue + " x")
    #expect(items.isEmpty == (keyword.lines != .one))
    #expect(reader.isContinuing == (keyword.lines != .one))
  }

  /// Each clause of a statement continues it on a line of its own; a statement word
  /// that is not one of its clauses starts the next statement.
  @Test(arguments: StatementKeyword.allCases.filter { !$0.clauses.isEmpty })
  func clauseLinesContinueTheirStatement(_ keyword: StatementKeyword) {
    for clause in keyword.clauses {
      var reader = StatementReader()
      _ = reader.read(keyword.rawValue + " x")
      #expect(reader.read("  \(clause) y") == [], "\(keyword.rawValue) / \(clause)")
      #expect(reader.isContinuing)
    }
    for other in StatementKeyword.allCases where !keyword.clauses.contains(other.rawValue) {
      var reader = StatementReader()
      _ = reader.read(keyword.rawValue + " x")
      let items = reader.read("  \(other.rawValue) y")
      #expect(
        items.first == .statement(TypedStatement(text: keyword.rawValue + " x", firstLine: 1)),
        "\(keyword.rawValue) / \(other.rawValue)")
    }
  }

  /// Every shipped playbook, read line by line at the prompt and as a script, groups
  /// into the statements the parser reads from the whole file, one typed statement each.
  @Test(arguments: ["churn-risk", "first-response", "loyalty", "service-recovery"], [true, false])
  func shippedPlaybooksGroupAsTheParserReadsThem(_ name: String, atPrompt: Bool) throws {
    let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
    let (whole, _) = PlaybookParser.parse(SourceFile(path: name, text: text))
    var reader = StatementReader(endsOneLineStatements: atPrompt)
    var items = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { reader.read(String($0)) }
    items += reader.finish()
    let typed = items.compactMap { item -> Statement? in
      // Comments between statements come on their own, to keep in the playbook.
      guard case .statement(let statement) = item, !statement.text.hasPrefix("#") else { return nil }
      let (playbook, diagnostics) = PlaybookParser.parse(SourceFile(path: name, text: statement.text))
      #expect(diagnostics.isEmpty, "\(statement.text)")
      #expect(playbook.statements.count == 1, "\(statement.text)")
      return playbook.statements.first
    }
    #expect(typed.count == whole.statements.count)
    #expect(typed.map(ASTDump.dump) == whole.statements.map(ASTDump.dump))
  }
}
