import Dispatch
import Testing

@testable import PlaybookLanguage

/// Long chains of defines and segments used to cost the cube of their length to check
/// (1,000 links: 37 s): circles are now found in linear time, and a chain of defines is
/// bounded (`DeclarationCollector.maxDefineChain`) with an error at the first define past it.
@Suite struct DefinitionScaleTests {
  func check(_ body: String) throws -> (diagnostics: [Diagnostic], checked: CheckedPlaybook?) {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + body)
    try #require(syntax.isEmpty, "\(syntax.map(\.message))")
    let (checked, diagnostics) = PlaybookChecker.check(
      playbook, file: "t.playbook", schema: CheckerDiagnosticsTests.schema)
    return (diagnostics, checked)
  }

  /// `define d0 = complaint where …` then each `dK` on `dK-1`, in file order or reversed.
  static func defineChain(_ count: Int, reversed: Bool = false) -> String {
    var lines = ["define d0 = complaint where complaint.csat >= 0"]
    for k in 1..<count { lines.append("define d\(k) = d\(k - 1) where d\(k - 1).csat >= \(k % 5)") }
    return (reversed ? lines.reversed() : lines).joined(separator: "\n") + "\n"
  }

  @Test(arguments: [false, true])
  func aChainAtTheLimitChecks(reversed: Bool) throws {
    // `complaint` is already one define deep, so d0…d98 make 100 filters.
    let count = DeclarationCollector.maxDefineChain - 1
    let (diagnostics, checked) = try check(Self.defineChain(count, reversed: reversed))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    #expect(checked?.rowFilters["d\(count - 1)"]?.count == DeclarationCollector.maxDefineChain)
  }

  @Test(arguments: [false, true])
  func aChainPastTheLimitIsOneErrorAtItsFirstDefinePast(reversed: Bool) throws {
    let count = DeclarationCollector.maxDefineChain + 20
    let (diagnostics, checked) = try check(Self.defineChain(count, reversed: reversed))
    #expect(checked == nil)
    #expect(diagnostics.map(\.message) == ["define 'd99' stacks more than 100 defines"])
    #expect(diagnostics.first?.code == .defineChainTooLong)
  }

  @Test func aThousandLinksCheckInLinearTime() throws {
    // Segments chain without a limit: each is computed once, after those it uses.
    func seconds(_ count: Int) throws -> Double {
      var text = "segment s0 = customer.lifetime_value > 0\n"
      for k in 1..<count { text += "segment s\(k) = customer in s\(k - 1) and customer.lifetime_value > \(k)\n" }
      var best = Double.infinity
      for _ in 0..<3 {
        let start = DispatchTime.now()
        let (diagnostics, checked) = try check(text + Self.defineChain(DeclarationCollector.maxDefineChain - 1))
        #expect(diagnostics.isEmpty && checked != nil)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
      }
      return best
    }
    let small = try seconds(250)
    let large = try seconds(2_000)
    // 8 × the links: about 8 × the time when linear, 64 × when quadratic.
    #expect(large < small * 24, "250 links: \(small) s, 2,000 links: \(large) s")
  }

  @Test func aCircleAtTheEndOfALongChainIsStillFoundOnce() throws {
    var text = "segment s0 = customer in s1999\n"
    for k in 1..<2_000 { text += "segment s\(k) = customer in s\(k - 1)\n" }
    let (diagnostics, checked) = try check(text)
    #expect(checked == nil)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.code == .definitionCycle)
    #expect(diagnostics.first?.notes.count == 1_999)
  }
}
