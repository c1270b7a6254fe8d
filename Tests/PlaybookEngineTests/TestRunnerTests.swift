import Foundation
import PlaybookEngine
import PlaybookReporting
import PlayloopTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `test` blocks: every expectation form, clocks, fixtures, messages and JUnit XML.
@Suite struct TestRunnerTests {
  let tickets = """
    id,customer_id,kind,csat,opened_at,resolved_at
    T-1,C-1,complaint,5,2026-10-30T08:00:00Z,2026-10-30T09:00:00Z
    T-2,C-2,complaint,5,2026-10-20T08:00:00Z,2026-10-20T09:00:00Z

    """

  func results(_ tests: String, files: [String: String] = [:]) throws -> [TestResult] {
    let f = try EngineFixture(
      playbook: EngineFixture.header + """
        rule thanks
          when complaint resolved within 4h
          send A via email, sms

        """ + tests,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets].merging(files) { $1 })
    let results = TestRunner.run(f.workspace, now: 0)
    f.folder.remove()  // only now: a test block's `load` reads the fixture's files when run
    return results
  }

  @Test func passingExpectationsOfEveryForm() throws {
    let r = try results(
      """
      test "all forms"
        expect customer C-1 gets A via email
        expect customer C-2 gets A via sms
        expect customer C-1 gets no B
        expect customer C-3 gets nothing
        expect audience A == 2
        expect audience A >= 2
        expect audience B < 1
        expect audience A != 3
      """)
    #expect(r.count == 1)
    #expect(r[0].passed)
    #expect(r[0].expectations == 8)
  }

  @Test func failuresSayWhatHappenedAndWhy() throws {
    let r = try results(
      """
      test "wrong"
        expect customer C-2 gets A via email
        expect customer C-1 gets nothing
        expect audience A > 5
        expect customer C-9 gets A
      """)
    let failures = r[0].failures
    #expect(
      failures.map(\.actual) == [
        "C-2 gets A via sms",
        "C-1 gets A from thanks",
        "the audience of A is 2",
        "no customer 'C-9'; did you mean 'C-1', 'C-2', 'C-3'?",
      ])
    #expect(failures[0].expectation == "expect customer C-2 gets A via email")
    #expect(
      failures[0].explanation?.decisions.contains {
        $0.offer == "A" && $0.status == .send && $0.reason == "sent via sms because email has no consent"
      } == true)
    #expect(TestReport.text(r).contains("A: send — sent via sms because email has no consent"))
    #expect(TestReport.summary(r) == "0 passed, 1 failed")
  }

  @Test func aTestCanSetItsClock() throws {
    // A week later, T-1's trigger is still inside the 30d window; 40 days later it is not.
    let r = try results(
      """
      test "later"
        as of 2026-11-08
        expect audience A == 2
      test "much later"
        as of 2026-12-31
        expect audience A == 0
      """)
    #expect(r.map(\.passed) == [true, true])
  }

  @Test func aTestCanReplaceATableWithAFixture() throws {
    let fixture = """
      id,customer_id,kind,csat,opened_at,resolved_at
      X-1,C-4,complaint,4,2026-10-31T08:00:00Z,2026-10-31T08:30:00Z
      """
    let r = try results(
      """
      test "fixture"
        load tickets from "fixture.csv"
        expect customer C-4 gets A via email
        expect audience A == 1
      """, files: ["fixture.csv": fixture])
    #expect(r[0].passed, "\(r[0].failures.map(\.actual)) \(r[0].error ?? "")")
  }

  /// Each test is timed by the clock passed in; JUnit shows seconds to the microsecond.
  @Test func testsAreTimedByTheClockPassedIn() throws {
    let f = try EngineFixture(
      playbook: EngineFixture.header + """
        rule thanks
          when complaint resolved within 4h
          send A via email
        test "one"
          expect audience A >= 0
        test "two"
          expect audience A >= 0
        """,
      files: ["customers.csv": EngineFixture.customers, "tickets.csv": tickets])
    defer { f.folder.remove() }
    var ticks: UInt64 = 0
    let all = TestRunner.run(
      f.workspace, now: 0,
      elapsed: {
        ticks += 1_234_567
        return ticks
      })
    #expect(all.map(\.nanoseconds) == [1_234_567, 1_234_567])
    let xml = TestReport.junit(all)
    #expect(xml.contains("time=\"0.002469\">"))
    #expect(xml.contains("name=\"one\" time=\"0.001234\""))
    let picked = TestRunner.run(f.workspace, now: 0, selected: { $0 == "two" })
    #expect(picked.map(\.name) == ["two"])
  }

  @Test func junitIsWellFormedXML() throws {
    let r = try results(
      """
      test "passes"
        expect audience A == 2
      test "fails <&> \\"quoted\\""
        expect audience A == 3
      """)
    let xml = TestReport.junit(r)
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = JUnitCollector()
    parser.delegate = collector
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(collector.testcases == ["passes", "fails <&> \"quoted\""])
    #expect(collector.failures == 1)
  }
}

/// Reads back test case names and failure count from JUnit XML.
final class JUnitCollector: NSObject, XMLParserDelegate {
  var testcases: [String] = []
  var failures = 0

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if name == "testcase", let n = attributes["name"] { testcases.append(n) }
    if name == "failure" { failures += 1 }
  }
}
