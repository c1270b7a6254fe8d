import Foundation
import Testing

@testable import PlaybookLanguage

/// The catalogue of codes: ids, their use in the sources, their documentation, and the
/// house rules that keep every message going through it.
@Suite struct DiagnosticCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every Swift file under Sources, with its path relative to the package.
  static func sources() throws -> [(path: String, text: String)] {
    let sources = root.appendingPathComponent("Sources")
    let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
    var files: [(String, String)] = []
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".swift") else { continue }
      files.append(("Sources/" + path, try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)))
    }
    return files
  }

  /// Lines that are code, not comments.
  static func codeLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
  }

  @Test func idsAreUniqueAndSnakeCase() {
    let ids = DiagnosticCode.allCases.map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.allSatisfy { $0.isLowercase || $0 == "_" }, "\(id)")
      #expect(!id.hasPrefix("_") && !id.hasSuffix("_"), "\(id)")
    }
    #expect(ids.count > 40)
  }

  @Test func everyCodeHasAMeaningAndIsMadeSomewhere() throws {
    let sources = try Self.sources()
    #expect(sources.count > 50)
    let factories = sources.filter { $0.path.contains("Diagnostics/DiagnosticMessage") }.map(\.text).joined()
      .filter { !$0.isWhitespace }
    #expect(!factories.isEmpty)
    for code in DiagnosticCode.allCases {
      #expect(!code.meaning.isEmpty)
      // A factory makes it: `Self(.unknownField, …` (or, for data files, a loader's kind).
      let made =
        factories.contains("Self(.\(code),") || factories.contains("?.\(code):") || factories.contains(":.\(code),")
        || sources.contains { $0.path.hasSuffix("LoadError.swift") && $0.text.contains(": .\(code)\n") }
      #expect(made, "no factory makes \(code.id)")
    }
  }

  @Test func theDocumentationListsExactlyTheCatalogue() throws {
    let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/DIAGNOSTICS.md"), encoding: .utf8)
    let section = try #require(doc.range(of: "## Codes")).upperBound
    let listed = doc[section...].split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| `") else { return nil }
      return line.dropFirst(3).split(separator: "`").first.map(String.init)
    }
    #expect(listed.sorted() == DiagnosticCode.allCases.map(\.id).sorted())
    #expect(Set(listed).count == listed.count)
  }

  @Test func noMessageBypassesTheCatalogueOrTheRenderer() throws {
    for (path, text) in try Self.sources() {
      for line in Self.codeLines(text) {
        #expect(!line.contains("Diagnostic(code:"), "\(path): \(line)")
        #expect(!line.contains("\"error: ") && !line.contains("error: \\("), "\(path): \(line)")
        #expect(!line.contains("\"warning: "), "\(path): \(line)")
        if !path.hasSuffix("Diagnostics/NearNames.swift") {
          #expect(!line.contains("did you mean"), "\(path): \(line)")
        }
      }
    }
  }

  /// Each row of the codes table gives the code's own severity and kind.
  @Test func theDocumentationGivesEachCodesSeverityAndKind() throws {
    let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/DIAGNOSTICS.md"), encoding: .utf8)
    let section = try #require(doc.range(of: "## Codes")).upperBound
    var rows = 0
    for line in doc[section...].split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let code = try #require(DiagnosticCode(rawValue: String(cells[0].dropFirst().dropLast())), "\(line)")
      #expect(cells[1] == code.severity.rawValue, "\(code.id)")
      #expect(cells[2].hasPrefix(code.kind.rawValue + " ("), "\(code.id)")
      rows += 1
    }
    #expect(rows == DiagnosticCode.allCases.count)
  }

  /// Standard error is written in one place per program, under the renderer: the
  /// command line's `Terminal` and the shell's `ShellPrinter`. The developer tools
  /// (`playloop-bench`, `playloop-data`) print their own one-line failures.
  @Test func standardErrorIsWrittenOnlyWhereTheRendererPrints() throws {
    let writers = ["standardError", "ce_stderr()", "write(2,"]
    var found: Set<String> = []
    for (path, text) in try Self.sources()
    where Self.codeLines(text).contains(where: { line in writers.contains { line.contains($0) } }) {
      found.insert(path)
    }
    // LineEditor hands stderr to libedit, which reports its own failures there; the MCP
    // server's CommandRunner and the Spark runner only read the standard error of the
    // programs they run (playloop, spark-sql).
    #expect(
      found == [
        "Sources/playloop/Terminal.swift", "Sources/PlaybookShell/Shell/ShellPrinter.swift",
        "Sources/PlaybookShell/Editing/LineEditor.swift", "Sources/playloop-bench/main.swift",
        "Sources/playloop-data/main.swift", "Sources/PlaybookMCP/CommandRunner.swift",
        "Sources/PlaybookSpark/SparkSQL.swift",
      ])
  }

  @Test func didYouMeanIsWordedOnce() {
    #expect(NearNames.didYouMean("withn", in: ["within", "after"]) == "did you mean 'within'?")
    #expect(NearNames.didYouMean("zzz", in: ["within"]) == nil)
    #expect(NearNames.didYouMean(["C-1", "C-2"]) == "did you mean 'C-1', 'C-2'?")
    #expect(NearNames.didYouMean([]) == nil)
  }

  @Test func aComparisonSpeltWithOneEqualsCarriesAFixIt() throws {
    let (_, diagnostics) = parse("segment s = customer.tier = \"gold\"")
    let d = try #require(diagnostics.first)
    #expect(d.code == .invalidComparison)
    #expect(d.fixIts.map(\.replacement) == ["=="])
    #expect(d.fixIts.first?.range == d.range)
  }
}
