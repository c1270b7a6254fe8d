import Foundation
import PlayloopTestSupport
import Testing

@testable import PlaybookLanguage

/// Every playbook shipped in `Playbooks/` parses without errors, formats idempotently,
/// and keeps its meaning through the formatter.
@Suite struct PlaybookFilesTests {
  @Test func shippedPlaybooksParseAndFormat() throws {
    // Throws when Playbooks/ holds none, so this cannot pass by checking nothing.
    for name in try Repository.shippedPlaybooks() {
      let url = URL(fileURLWithPath: Repository.path("Playbooks/\(name).playbook"))
      let source = SourceFile(path: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
      let (playbook, diagnostics) = PlaybookParser.parse(source)
      #expect(diagnostics.isEmpty, "\(url.lastPathComponent): \(diagnostics.map(\.message))")
      let formatted = PlaybookFormatter.format(playbook, source: source)
      let again = SourceFile(path: source.path, text: formatted)
      let (reparsed, _) = PlaybookParser.parse(again)
      #expect(ASTDump.dump(reparsed) == ASTDump.dump(playbook), "\(url.lastPathComponent) changed meaning")
      #expect(PlaybookFormatter.format(reparsed, source: again) == formatted)
    }
  }
}
