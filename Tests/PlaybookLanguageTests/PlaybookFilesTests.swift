import Foundation
import Testing

@testable import PlaybookLanguage

/// Every playbook shipped in `Playbooks/` parses without errors, formats idempotently,
/// and keeps its meaning through the formatter.
@Suite struct PlaybookFilesTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Playbooks")

  static var files: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".playbook") }.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test func shippedPlaybooksParseAndFormat() throws {
    for url in Self.files {
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
