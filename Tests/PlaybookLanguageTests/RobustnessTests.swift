import PlayloopTestSupport
import Testing

@testable import PlaybookLanguage

/// Thousands of generated inputs — truncations, swapped and dropped tokens, random
/// bytes, invalid UTF-8 — must each yield a playbook and diagnostics from the parser and
/// the checker, never a crash or a hang; and whatever parses cleanly must format
/// idempotently and keep its meaning.
@Suite struct RobustnessTests {
  static let corpus: [String] =
    [
      BriefExamples.playbook, BriefExamples.test,
    ] + DiagnosticTableTests.cases.map(\.input)
    + CheckerDiagnosticsTests.cases.map { CheckerDiagnosticsTests.header + $0.input }

  static let vocabulary = [
    "rule", "when", "and", "or", "not", "unless", "send", "via", "after", "priority", "load", "from", "as", "of",
    "key", "link", "with", "types", "define", "segment", "channel", "address", "requires", "offer", "valid",
    "limit", "per", "customer", "holdout", "export", "to", "ledger", "test", "expect", "gets", "no", "nothing",
    "audience", "in", "last", "contains", "any", "is", "null", "resolved", "responded", "within", "open", "for",
    "count", "sum", "avg", "ticket", "complaint", "ticket.csat", "\"x\"", "\"", "4h", "1d12h", "4x", "5%", "10",
    "2026-11-01", "2026-11-01T09:30:00Z", "C-1001", "[", "]", "(", ")", ",", ".", "=", "==", "!=", "<", ">=",
    "+", "-", "*", "/", "#", "\n", "\n  ", "\n\n", "\t", "“", "é", "now", "true",
  ]

  @Test func generatedInputsNeverCrashOrHang() {
    var rng = SeededGenerator(seed: 0x5EED_2026)
    var checked = 0
    var clean = 0
    for round in 0..<3000 {
      let text: String
      switch round % 5 {
      case 0: text = truncated(&rng)
      case 1: text = tokenMutation(&rng)
      case 2: text = randomBytes(&rng)
      case 3: text = tokenSoup(&rng)
      default: text = byteMutation(&rng)
      }
      if exercise(text) { clean += 1 }
      checked += 1
    }
    #expect(checked == 3000)
    // The generator must also produce inputs that parse, or round trips go untested.
    #expect(clean > 100)
  }

  /// Parses, checks, renders, formats; for clean input also checks the formatter's promises.
  /// Returns whether the input parsed without errors.
  private func exercise(_ text: String) -> Bool {
    let source = SourceFile(path: "fuzz.playbook", text: text)
    let (playbook, diagnostics) = PlaybookParser.parse(source)
    let (_, checked) = PlaybookChecker.check(playbook, file: source.path, schema: CheckerDiagnosticsTests.schema)
    _ = DiagnosticRenderer(sources: [source.path: text]).render(diagnostics + checked)
    let formatted = PlaybookFormatter.format(playbook, source: source)
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return false }
    let reparsedSource = SourceFile(path: "fuzz.playbook", text: formatted)
    let (reparsed, again) = PlaybookParser.parse(reparsedSource)
    #expect(again.isEmpty, "formatted output has diagnostics: \(again.map(\.message))\n\(formatted)")
    #expect(ASTDump.dump(reparsed) == ASTDump.dump(playbook), "meaning changed:\n\(text)\n---\n\(formatted)")
    #expect(PlaybookFormatter.format(reparsed, source: reparsedSource) == formatted, "not idempotent:\n\(formatted)")
    return true
  }

  private func pick<T>(_ items: [T], _ rng: inout SeededGenerator) -> T {
    items[Int(rng.next() % UInt64(items.count))]
  }

  private func truncated(_ rng: inout SeededGenerator) -> String {
    let bytes = Array(pick(Self.corpus, &rng).utf8)
    let cut = Int(rng.next() % UInt64(bytes.count + 1))
    return String(decoding: bytes[..<cut], as: UTF8.self)
  }

  /// Swaps, drops or duplicates space-separated words of a corpus text.
  private func tokenMutation(_ rng: inout SeededGenerator) -> String {
    var words = pick(Self.corpus, &rng).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    guard words.count > 1 else { return words.joined() }
    for _ in 0..<(1 + rng.next() % 3) {
      let i = Int(rng.next() % UInt64(words.count))
      let j = Int(rng.next() % UInt64(words.count))
      switch rng.next() % 4 {
      case 0: words.swapAt(i, j)
      case 1: words.remove(at: i)
      case 2: words.insert(words[j], at: i)
      default: words[i] = pick(Self.vocabulary, &rng)
      }
      if words.isEmpty { break }
    }
    return words.joined(separator: " ")
  }

  /// Random bytes, decoded lossily as a file with invalid UTF-8 would be.
  private func randomBytes(_ rng: inout SeededGenerator) -> String {
    let count = Int(rng.next() % 200)
    let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Flips, inserts and deletes bytes of a corpus text.
  private func byteMutation(_ rng: inout SeededGenerator) -> String {
    var bytes = Array(pick(Self.corpus, &rng).utf8)
    for _ in 0..<(1 + rng.next() % 4) where !bytes.isEmpty {
      let i = Int(rng.next() % UInt64(bytes.count))
      switch rng.next() % 3 {
      case 0: bytes[i] = UInt8(truncatingIfNeeded: rng.next())
      case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: i)
      default: bytes.remove(at: i)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func tokenSoup(_ rng: inout SeededGenerator) -> String {
    (0..<(rng.next() % 40)).map { _ in pick(Self.vocabulary, &rng) }.joined(separator: " ")
  }

  @Test func deepNestingIsBoundedNotAStackOverflow() {
    func nested(_ n: Int) -> String {
      "segment s = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
    }
    #expect(parse(nested(90)).1.isEmpty)
    for hostile in [
      nested(5_000), "segment s = " + String(repeating: "- ", count: 5_000) + "1",
      "segment s = " + String(repeating: "not ", count: 5_000) + "x.y",
      "segment s = 1" + String(repeating: " + 1", count: 5_000),
      "segment s = [" + String(repeating: "[", count: 5_000),
      "segment s = " + String(repeating: "count(t where ", count: 5_000),
    ] {
      #expect(parse(hostile).1.map(\.message) == ["expression is nested too deeply"])
    }
  }

  @Test func longLinesStayFast() {
    let long = "segment s = customer.x in [" + (0..<5000).map { "\"v\($0)é\"" }.joined(separator: ", ") + "]"
    let (playbook, diagnostics) = parse(long)
    #expect(diagnostics.isEmpty)
    #expect(format(long).count > long.count - 10)
    _ = playbook
  }
}
