import Foundation
import PlayloopTestSupport
import Testing

/// Issue 13's contract with automation, run on the real binary: one exit code per kind of
/// outcome, JSON on stdout whenever it is asked for (also on failure), tests that cannot
/// pass by finding nothing, no folder named `-`, offer codes the export would refuse caught
/// by `check`, capped and escaped error output.
@Suite struct ContractCLITests {
  static let customers = "id,name,email,tier\nC-1,Ann,a@x.io,gold\nC-2,Bo,b@x.io,silver\n"

  /// A playbook over `customers.csv` in `folder`, with `extra` lines at its end.
  static func playbook(_ extra: String = "") -> String {
    """
    playbook "contract"
    as of 2026-11-01T00:00:00Z
    load customers from "customers.csv"
    channel email address customer.email
    offer GOLD "for gold" valid 7d
    rule gold
      when customer.tier == "gold"
      send GOLD via email

    """ + extra
  }

  static let tests = """
    test "gold customers get GOLD"
      expect customer C-1 gets GOLD via email
    test "silver customers get nothing"
      expect customer C-2 gets nothing

    """

  func folder(_ files: [String: String]) throws -> ScratchFolder {
    try ScratchFolder("contract", files: ["customers.csv": Self.customers].merging(files) { $1 })
  }

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
  }

  func diagnostics(_ text: String) throws -> [[String: Any]] {
    try #require(try object(text)["diagnostics"] as? [[String: Any]])
  }

  /// The README's table, each row run: 0, 1, 2 (3, refused by the ledger, is the ledger's
  /// suite).
  @Test func exitCodesTable() throws {
    let scratch = try folder([
      "ok.playbook": Self.playbook(Self.tests),
      "wrong.playbook": Self.playbook().replacingOccurrences(of: "send GOLD", with: "send GLOD"),
      "failing.playbook": Self.playbook(Self.tests.replacingOccurrences(of: "C-2 gets nothing", with: "C-2 gets GOLD")),
    ])
    defer { scratch.remove() }
    let rows: [([String], Int32)] = [
      (["check", "ok.playbook"], 0),
      (["test", "ok.playbook"], 0),
      (["run", "--dry-run", "ok.playbook"], 0),
      (["check", "--help"], 0),
      (["help", "run"], 0),
      (["--version"], 0),
      (["check", "wrong.playbook"], 1),
      (["test", "failing.playbook"], 1),
      (["test", "ok.playbook", "--run", "nothing matches this"], 1),
      (["missing.playbook"], 2),
      (["check", "missing.playbook"], 2),
      (["rn", "ok.playbook"], 2),
      (["run", "--as-of", "soon", "ok.playbook"], 2),
      (["run", "--bogus", "ok.playbook"], 2),
      (["run", "--out", "-", "ok.playbook"], 2),
    ]
    for (arguments, status) in rows {
      let result = try ChildProcess.playloop(arguments, in: scratch.path, environment: ["NO_COLOR": "1"])
      #expect(result.status == status, "\(arguments): \(result.stderr)")
    }
  }

  @Test func anUnknownSubcommandGetsDidYouMean() throws {
    let scratch = try folder(["ok.playbook": Self.playbook()])
    defer { scratch.remove() }
    let result = try ChildProcess.playloop(["rn", "ok.playbook"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("error: unknown subcommand 'rn'; did you mean 'run'?\n"))
    // A missing playbook is still a file to the shell: it says it cannot read it.
    let missing = try ChildProcess.playloop(["missing.playbook"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read missing.playbook"))
  }

  /// `--format json` and `--json` are one option: one JSON document on stdout, with a
  /// `diagnostics` array, whether the command succeeds or fails.
  @Test func everyCommandAnswersJSONAlsoWhenFailing() throws {
    let scratch = try folder([
      "ok.playbook": Self.playbook(Self.tests),
      "wrong.playbook": Self.playbook().replacingOccurrences(of: "send GOLD", with: "send GLOD"),
      "ledgered.playbook": Self.playbook("ledger \"state/x.ledger\"\nexport to \"out\"\n"),
      "empty.ledger": "",
    ])
    defer { scratch.remove() }
    #expect(try ChildProcess.playloop(["run", "ledgered.playbook"], in: scratch.path).status == 0)
    for json in [["--format", "json"], ["--json"], ["--format=json"]] {
      let runs: [([String], Int32, String?)] = [
        (["check", "ok.playbook"], 0, nil),
        (["check", "wrong.playbook"], 1, "unknown_offer"),
        (["test", "ok.playbook"], 0, nil),
        (["test", "wrong.playbook"], 1, "unknown_offer"),
        (["run", "--dry-run", "ok.playbook"], 0, nil),
        (["run", "--dry-run", "wrong.playbook"], 1, "unknown_offer"),
        (["run", "--as-of", "soon", "ok.playbook"], 2, "usage_error"),
        (["run", "--bogus", "ok.playbook"], 2, "usage_error"),
        (["explain", "--detail", "ok.playbook", "C-1"], 0, nil),
        (["explain", "--detail", "ok.playbook", "C-9"], 2, "unknown_customer"),
        (["explain", "--detail", "wrong.playbook", "C-1"], 1, "unknown_offer"),
        (["ledger", "state/x.ledger"], 0, nil),
        (["ledger", "missing.ledger"], 2, "ledger_missing"),
        (["ledger", "empty.ledger"], 3, "ledger_unreadable"),
        (["ledger", "--since", "soon", "state/x.ledger"], 2, "usage_error"),
        (["describe", "ok.playbook"], 0, nil),
        (["describe", "ok.playbook", "--table", "custmers"], 2, "unknown_name"),
        (["describe", "missing.playbook"], 2, "io_error"),
      ]
      for (arguments, status, code) in runs {
        let result = try ChildProcess.playloop(arguments + json, in: scratch.path)
        #expect(result.status == status, "\(arguments + json): \(result.stderr)")
        let found = try diagnostics(result.stdout)
        if let code {
          let first = try #require(found.first, "\(arguments + json)")
          #expect(first["code"] as? String == code, "\(arguments + json)")
          for key in ["severity", "file", "line", "column", "end_line", "end_column", "message", "hint"] {
            #expect(first.keys.contains(key), "\(key) in \(arguments + json)")
          }
        } else {
          #expect(found.isEmpty, "\(arguments + json): \(found)")
        }
      }
    }
    // A diagnostic in the playbook carries its whole place.
    let wrong = try ChildProcess.playloop(["check", "--format", "json", "wrong.playbook"], in: scratch.path)
    let first = try #require(try diagnostics(wrong.stdout).first)
    #expect(first["file"] as? String == "wrong.playbook")
    #expect(first["line"] as? Int == 8)
    #expect(first["column"] as? Int == 8)
    #expect(first["end_line"] as? Int == 8)
    #expect(first["end_column"] as? Int == 12)
    #expect(first["severity"] as? String == "error")
    // Test results as data.
    let tested = try object(try ChildProcess.playloop(["test", "--json", "ok.playbook"], in: scratch.path).stdout)
    #expect(tested["passed"] as? Int == 2)
    #expect(
      (tested["tests"] as? [[String: Any]])?.map { $0["name"] as? String } == [
        "gold customers get GOLD", "silver customers get nothing",
      ])
    // The ledger's and describe's answers as data.
    let ledger = try object(
      try ChildProcess.playloop(["ledger", "--format", "json", "state/x.ledger"], in: scratch.path).stdout)
    #expect(ledger["playbook"] as? String == "contract")
    #expect((ledger["runs"] as? [[String: Any]])?.map { $0["run_id"] as? String } == ["1-20261101T000000Z"])
    #expect((ledger["sends"] as? [[String: Any]])?.map { $0["customer_id"] as? String } == ["C-1"])
    let described = try object(
      try ChildProcess.playloop(["describe", "--format", "json", "ok.playbook"], in: scratch.path).stdout)
    #expect((described["tables"] as? [[String: Any]])?.map { $0["table"] as? String } == ["customers"])
  }

  @Test func testWithNoTestsFailsAndRunPicksByName() throws {
    let scratch = try folder(["none.playbook": Self.playbook(), "ok.playbook": Self.playbook(Self.tests)])
    defer { scratch.remove() }
    let none = try ChildProcess.playloop(["test", "none.playbook"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(none.status == 1)
    #expect(none.stderr.hasPrefix("error: no tests: none.playbook has no test blocks\n"))
    // A pattern matches anywhere in the name, as a regular expression (go test -run).
    let some = try ChildProcess.playloop(["test", "ok.playbook", "--run", "silver"], in: scratch.path)
    #expect(some.status == 0)
    #expect(some.stdout.contains("silver customers get nothing"))
    #expect(!some.stdout.contains("gold customers get GOLD"))
    #expect(some.stdout.hasSuffix("1 passed, 0 failed\n"))
    let either = try ChildProcess.playloop(["test", "ok.playbook", "--run", "^(gold|silver) "], in: scratch.path)
    #expect(either.stdout.hasSuffix("2 passed, 0 failed\n"))
    let nothing = try ChildProcess.playloop(
      ["test", "ok.playbook", "--run", "bronze"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(nothing.status == 1)
    #expect(nothing.stderr.hasPrefix("error: no test matches --run 'bronze'\n"))
    let invalid = try ChildProcess.playloop(["test", "ok.playbook", "--run", "a("], in: scratch.path)
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("--run 'a(': not a regular expression"))
  }

  /// Every `time` attribute is a number of seconds, and the tests took some time.
  @Test func junitTimesAreRealDurations() throws {
    let scratch = try folder(["ok.playbook": Self.playbook(Self.tests)])
    defer { scratch.remove() }
    let result = try ChildProcess.playloop(["test", "ok.playbook", "--junit", "j.xml"], in: scratch.path)
    #expect(result.status == 0)
    let xml = try String(contentsOfFile: scratch.path("j.xml"), encoding: .utf8)
    let times = xml.split(separator: "time=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(times.count == 3)  // the suite and its two cases
    for time in times {
      let seconds = try #require(Double(time), "\(time)")
      #expect(seconds >= 0 && seconds < 60)
    }
    #expect(times.contains { Double($0)! > 0 }, "\(times)")
  }

  @Test func outDashIsRefusedAndMakesNoFolder() throws {
    let scratch = try folder(["ok.playbook": Self.playbook()])
    defer { scratch.remove() }
    let result = try ChildProcess.playloop(
      ["run", "ok.playbook", "--out", "-"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("error: --out -: an export is a folder of files, not standard output\n"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path("-")))
  }

  @Test func checkRejectsOfferCodesTheExportRefuses() throws {
    let scratch = try folder([
      "offers.playbook": Self.playbook(
        """
        offer gold "a twin in lower case" valid 7d
        offer decisions "the decisions log's name" valid 7d
        offer SUMMARY "the summary's name" valid 7d

        """)
    ])
    defer { scratch.remove() }
    let result = try ChildProcess.playloop(["check", "--format", "json", "offers.playbook"], in: scratch.path)
    #expect(result.status == 1)
    let found = try diagnostics(result.stdout)
    #expect(found.map { $0["code"] as? String } == ["offer_name_clash", "offer_name_clash", "offer_name_clash"])
    #expect(found.map { $0["line"] as? Int } == [9, 10, 11])
    #expect(found.first?["message"] as? String == "offer 'gold' differs from offer 'GOLD' (line 5) only in case")
  }

  /// A data file passed as a playbook makes an error of every line: 20 are shown, then a
  /// count; JSON keeps them all.
  @Test func errorOutputIsCapped() throws {
    let lines = (1...500).map { "C-\($0),name \($0),x\($0)@x.io,gold" }.joined(separator: "\n")
    let scratch = try folder(["data.csv": "id,name,email,tier\n" + lines + "\n"])
    defer { scratch.remove() }
    let text = try ChildProcess.playloop(["check", "data.csv"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(text.status == 1)
    #expect(text.stderr.components(separatedBy: ": error: ").count - 1 == 20)
    #expect(text.stderr.hasSuffix("… and 481 more errors\n"), "\(text.stderr.suffix(200))")
    let json = try ChildProcess.playloop(["check", "--format", "json", "data.csv"], in: scratch.path)
    #expect(try diagnostics(json.stdout).count == 501)
  }

  /// An escape sequence in an id or a name shows as text in explain, run and diagnostics.
  @Test func controlCharactersInDataAreShownEscaped() throws {
    let scratch = try folder([
      "customers.csv":
        "id,name,email,tier\nC-1,\u{1B}[31mRed\u{1B}[0m,a@x.io,gold\n\u{1B}]0;owned\u{07}C-2,Bo,b@x.io,gold\n",
      "esc.playbook": Self.playbook().replacingOccurrences(
        of: "customer.tier == \"gold\"", with: "customer.name == \"x\" or customer.tier == \"gold\""),
    ])
    defer { scratch.remove() }
    let explain = try ChildProcess.playloop(["explain", "--detail", "--all", "esc.playbook", "C-1"], in: scratch.path)
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("(name = \\u{1B}[31mRed\\u{1B}[0m)"), "\(explain.stdout)")
    let id = try ChildProcess.playloop(
      ["explain", "--detail", "esc.playbook", "\u{1B}]0;owned\u{07}C-2"], in: scratch.path)
    #expect(id.stdout.hasPrefix("\\u{1B}]0;owned\\u{7}C-2 as of"), "\(id.stdout)")
    let unknown = try ChildProcess.playloop(
      ["explain", "--detail", "esc.playbook", "\u{1B}[2JC-9"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.hasPrefix("error: no customer '\\u{1B}[2JC-9'"), "\(unknown.stderr)")
    let describe = try ChildProcess.playloop(["describe", "esc.playbook"], in: scratch.path)
    #expect(describe.status == 0, "\(describe.stderr)")
    #expect(describe.stdout.contains("\\u{1B}[31mRed"), "\(describe.stdout)")
    for output in [explain.stdout, id.stdout, unknown.stderr, describe.stdout] {
      #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
  }

  @Test func aJSONLinesFileWithNoReadableLineSaysSo() throws {
    let scratch = try folder([
      "calls.jsonl": "id,customer_id,opened\nK-1,C-1,2026-10-01T00:00:00Z\n",
      "calls.playbook": Self.playbook().replacingOccurrences(
        of: "load customers from \"customers.csv\"\n",
        with: "load customers from \"customers.csv\"\nload calls from \"calls.jsonl\"\n"),
    ])
    defer { scratch.remove() }
    let result = try ChildProcess.playloop(
      ["check", "calls.playbook"], in: scratch.path, environment: ["NO_COLOR": "1"])
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "calls.jsonl:1: error: no line can be read as JSON Lines: all 2 lines were rejected, the first because: line is not a JSON object\n"
      ), "\(result.stderr)")
  }
}
