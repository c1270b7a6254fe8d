import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// The shell's session on the real engine, driven as the shell drives it.
@Suite struct EngineSessionTests {
  static let clock = Fixtures.clock

  func session(loading file: String? = Repository.serviceRecovery) -> EngineSession {
    let session = EngineSession(now: { Self.clock })
    if let file { #expect(!session.run(.load(file)).failed) }
    return session
  }

  func typed(_ text: String, line: Int = 1) -> TypedStatement {
    TypedStatement(text: text, firstLine: line)
  }

  func errors(_ output: ShellOutput) -> [String] {
    output.blocks.compactMap { if case .error(let text, _) = $0 { text } else { nil } }
  }

  func messages(_ output: ShellOutput) -> [String] {
    output.blocks.compactMap {
      switch $0 {
      case .message(let text), .prose(let text): text
      default: nil
      }
    }
  }

  @Test func aLoadRetypedWithOtherSpacingKeepsTheDataAndAChangedOneReadsItAgain() {
    let session = session(loading: nil)
    let customers = Repository.path("Examples/data/customers.csv")
    let tickets = Repository.path("Examples/data/tickets.csv")
    #expect(errors(session.add(typed("load customers from \"\(customers)\""), sourceName: "<typed>")).isEmpty)
    #expect(
      errors(session.add(typed("load tickets from \"\(tickets)\" link customer_id"), sourceName: "<typed>")).isEmpty)
    let version = session.dataVersion
    #expect(version > 0)
    let retyped = "load   tickets from \"\(tickets)\"    link customer_id  # the same"
    #expect(errors(session.add(typed(retyped), sourceName: "<typed>")).isEmpty)
    #expect(session.dataVersion == version)
    let changed = "load tickets from \"\(tickets)\" key id link customer_id"
    #expect(errors(session.add(typed(changed), sourceName: "<typed>")).isEmpty)
    #expect(session.dataVersion == version + 1)
  }

  @Test func aLoadOfAMissingFileIsOneErrorAboutTheFile() {
    let session = session(loading: nil)
    let missing = Repository.path("Examples/data/nope.csv")
    let shown = errors(session.add(typed("load customers from \"\(missing)\""), sourceName: "<typed>"))
    #expect(shown.count == 1)
    #expect(shown.first?.contains("nope.csv") == true)
    #expect(!shown.joined().contains("not changed"))
  }

  @Test func loadingAFileGivesTheBanner() {
    let session = EngineSession(now: { Self.clock })
    let output = session.run(.load(Repository.serviceRecovery))
    #expect(
      messages(output) == [
        "Loaded \"Service recovery loop\": 4 tables (200 customers, 916 tickets, 377 orders, 220 calls), "
          + "4 rules, 4 offers. Clock 2026-11-01T00:00:00Z."
      ])
    #expect(!session.hasUnsavedChanges)
  }

  @Test func aFreshSessionHasNothingUnsavedAndAcceptsAWindow() {
    let session = EngineSession(now: { Self.clock })
    #expect(!session.hasUnsavedChanges)
    #expect(session.add(typed("window 30d"), sourceName: "<shell>") == .empty)
    #expect(
      session.add(typed("offer A1 \"first\""), sourceName: "<shell>") == .message("added offer A1"))
    #expect(session.hasUnsavedChanges)
    #expect(
      errors(session.run(.run)) == [
        "error: no data loaded: :load a playbook, or type `load customers from \"FILE\"`"
      ])
  }

  @Test func aTypoIsShownUnderTheTypedTextAndNotAdded() {
    let session = session()
    let output = session.add(
      typed("rule quick_fix_thanks priority 5\n  when complaint resolved withn 4h"),
      sourceName: "<shell>")
    #expect(
      errors(output) == [
        """
        <shell>:2:27: error: unknown phrase 'withn'
          2 |   when complaint resolved withn 4h
            |                           ^~~~~ did you mean 'within'?
        """
      ])
    #expect(!session.hasUnsavedChanges)
  }

  /// A checker error in a typed statement is placed by the typed text's own lines, even
  /// though the loaded file has statements on the same line numbers.
  @Test func checkerErrorsPointIntoTheTypedStatementWithScriptLineNumbers() {
    let session = session()
    let output = session.add(
      typed("rule r1\n  when complaint.csat >= 4\n  send THANKS10 via emial", line: 12),
      sourceName: "<stdin>")
    #expect(
      errors(output) == [
        """
        <stdin>:14:21: error: unknown channel 'emial'
          14 |   send THANKS10 via emial
             |                     ^~~~~ did you mean 'email'?
        """
      ])
    #expect(
      session.vocabulary.rules == [
        "quick_fix_thanks", "slow_fix_apology", "evangelist", "cancel_risk",
      ])
  }

  /// An error a new statement causes in an earlier one points at the earlier one, in
  /// the file it was loaded from, and nothing changes.
  @Test func errorsInEarlierStatementsPointAtTheirOwnSource() {
    let session = session()
    let output = session.add(
      typed("define complaint = order where order.total > 5"), sourceName: "<shell>")
    let shown = errors(output)
    #expect(
      shown.first == "error: define complaint not changed: statements using it would be wrong")
    #expect(
      shown.dropFirst().first == """
        \(Repository.serviceRecovery):27:8: error: orders has no 'resolved_at' column for 'resolved'
          27 |   when complaint resolved within 4h and complaint.csat >= 4
             |        ^~~~~~~~~ map it with `with resolved = COLUMN` on the load
        \(Repository.serviceRecovery):31:8: note: also here
        \(Repository.serviceRecovery):31:40: note: also here
        """)
    #expect(!session.hasUnsavedChanges)
    #expect(
      session.run(.show("complaint"))
        == .message("define complaint = ticket where ticket.kind == \"complaint\"\n"))
  }

  @Test func anErrorWithANoteInAnotherTypedStatementShowsItsOwnLine() {
    let session = session()
    for (line, text) in [(1, "segment a = customer.tier == \"gold\""), (3, "segment b = customer in a")] {
      #expect(errors(session.add(typed(text, line: line), sourceName: "<stdin>")).isEmpty)
    }
    let shown = errors(session.add(typed("segment a = customer in b", line: 5), sourceName: "<stdin>"))
    #expect(
      shown == [
        """
        <stdin>:5:25: error: segment 'a' is defined in terms of itself: a → b → a
          5 | segment a = customer in b
            |                         ^ a segment or define cannot use itself, directly or through others
        <stdin>:3:25: note: 'b' uses 'a' here
        """
      ])
  }

  @Test func redefiningARuleReplacesItInPlace() {
    let session = session()
    let output = session.add(
      typed(
        "rule slow_fix_apology priority 10\n  when complaint open for 24h\n  send SORRY25 via email"
      ),
      sourceName: "<shell>")
    #expect(messages(output).first == "replaced rule slow_fix_apology")
    #expect(
      session.vocabulary.rules == [
        "quick_fix_thanks", "slow_fix_apology", "evangelist", "cancel_risk",
      ])
    #expect(
      session.run(.show("slow_fix_apology"))
        == .message(
          "rule slow_fix_apology priority 10\n  when complaint open for 24h\n  send SORRY25 via email\n"
        ))
    #expect(session.hasUnsavedChanges)
  }

  /// The audience shown when a rule is typed is the rule's line of the next `:run`; the
  /// impact on each offer follows it.
  @Test func aTypedRuleShowsItsAudienceAndItsImpact() throws {
    let session = session()
    let rule = typed(
      "rule quick_fix_thanks priority 5\n  when complaint resolved within 8h\n  send THANKS10 via email"
    )
    let first = messages(session.add(rule, sourceName: "<shell>"))
    #expect(first.first == "replaced rule quick_fix_thanks")
    #expect(first.last?.hasPrefix("THANKS10  send 7 → ") == true)
    let again = typed(
      "rule quick_fix_thanks priority 5\n  when complaint resolved within 2h\n  send THANKS10 via email"
    )
    let added = messages(session.add(again, sourceName: "<shell>"))
    let run = session.run(.run)
    #expect(messages(run).last?.contains("(no rule changed)") == true)
    let row = try #require(Self.tables(run).first?.rows.first)
    #expect(row.first == "quick_fix_thanks")
    #expect(
      added.prefix(2) == [
        "replaced rule quick_fix_thanks",
        "quick_fix_thanks: \(row[1]) candidates (\(row[2]) send, \(row[3]) holdout, \(row[4]) capped, "
          + "\(row[5]) unreachable)",
      ])
  }

  @Test func dropRefusesWhatIsStillUsed() {
    let session = session()
    let refused = session.run(.drop("vip"))
    #expect(errors(refused).first == "error: cannot drop segment vip: the playbook still uses it")
    #expect(errors(refused).dropFirst().first?.contains("unknown segment 'vip'") == true)
    #expect(messages(session.run(.drop("evangelist"))).first == "dropped rule evangelist")
    #expect(messages(session.run(.drop("vip"))) == ["dropped segment vip", "no change in decisions"])
    #expect(
      errors(session.run(.drop("vip"))) == [
        "error: no rule, segment, offer, channel or definition named 'vip'"
      ])
  }

  @Test func savedPlaybookLoadsBackTheSame() throws {
    let session = session()
    _ = session.add(
      typed("rule thanks_all\n  when complaint resolved within 8h\n  send THANKS10 via email"),
      sourceName: "<shell>")
    let folder = Repository.path("Playbooks")
    let file = folder + "/.session-test-\(UUID().uuidString).playbook"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let original = try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
    let count = PlaybookParser.parse(SourceFile(path: "x", text: original)).0.statements.count + 1
    #expect(messages(session.run(.save(file))) == ["saved \(count) statements to \(file)"])
    #expect(!session.hasUnsavedChanges)
    let before = session.run(.run)
    let reloaded = EngineSession(now: { Self.clock })
    #expect(!reloaded.run(.load(file)).failed)
    #expect(reloaded.vocabulary.rules.last == "thanks_all")
    #expect(Self.tables(reloaded.run(.run)) == Self.tables(before))
  }

  static func tables(_ output: ShellOutput) -> [TextTable] {
    output.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
  }

  @Test func runShowsCountsPerRuleAndOffer() throws {
    let session = session()
    let output = session.run(.run)
    let tables = Self.tables(output)
    try #require(tables.count == 2)
    #expect(
      tables[0].headers == ["rule", "candidates", "send", "holdout", "capped", "unreachable"])
    #expect(
      tables[0].rows.map(\.first) == [
        "quick_fix_thanks", "slow_fix_apology", "evangelist", "cancel_risk",
      ])
    #expect(tables[1].rows.map(\.first) == ["THANKS10", "SORRY25", "REFER20", "STAY15"])
    for row in tables[0].rows {
      let numbers = row.dropFirst().compactMap { Int($0) }
      #expect(numbers.count == 5, "\(row)")
      #expect(numbers[0] == numbers.dropFirst().reduce(0, +))
    }
    #expect(messages(output).last?.hasPrefix("evaluated in ") == true)
  }

  @Test func explainCustomerAndSample() {
    let session = session()
    let explained = messages(session.run(.explain(customer: "C-0042", rule: "quick_fix_thanks")))
    #expect(
      explained.first?.hasPrefix("François Silva (C-0042), as of 1 Nov 2026 00:00 UTC\n") == true)
    #expect(explained.first?.contains("\nquick_fix_thanks\n  complaint T-0135, opened 21 Jul 07:25:03") == true)
    #expect(
      errors(session.run(.explain(customer: "C-0042", rule: "quick_fix_thank"))).first?.contains(
        "did you mean 'quick_fix_thanks'?") == true)
    let customer = session.run(.customer("C-0042"))
    #expect(Self.tables(customer).first?.rows.first == ["id", "C-0042"])
    #expect(Self.tables(customer).dropFirst().map(\.rows.count) == [5, 4, 3])
  }

  @Test func sampleIsSeededRandomNotTheLowestIDs() throws {
    let session = session()
    let customers = { (seed: UInt64) in
      Self.tables(session.run(.sample(count: 3, of: "vip", seed: seed))).first?.rows.map(\.first) ?? []
    }
    let first = customers(SeededSample.defaultSeed)
    #expect(first.count >= 3)
    #expect(first == customers(SeededSample.defaultSeed))
    #expect(Set(first) != ["C-0005", "C-0006", "C-0013"])  // vip's lowest ids
    #expect(customers(7) != first)
    let sample = session.run(.sample(count: 3, of: "vip"))
    #expect(messages(sample) == ["3 of 64 customers in segment vip, seed 1; :sample 3 vip seed 2 picks others"])
    let table = try #require(Self.tables(sample).first)
    #expect(table.headers == ["customer", "rule", "offer", "status", "channel", "send_at", "reason"])
    // An offer's sample is of its decisions, each with its channel and reason.
    let offer = try #require(Self.tables(session.run(.sample(count: 4, of: "SORRY25"))).first)
    #expect(offer.rows.count == 4)
    #expect(offer.rows.allSatisfy { $0[2] == "SORRY25" && !$0[6].isEmpty })
  }

  @Test func decisionsFilterByOfferAndStatusInEitherOrderAndCountTheRest() throws {
    let session = session()
    let unreachable = session.run(.decisions(offer: "SORRY25", status: .unreachable, limit: nil))
    let table = try #require(Self.tables(unreachable).first)
    #expect(table.rows.count == 5)
    #expect(table.rows.allSatisfy { $0[2] == "SORRY25" && $0[3] == "unreachable" })
    #expect(table.rows.allSatisfy { $0[6].hasPrefix("no reachable channel: ") })
    #expect(messages(unreachable).isEmpty)
    let all = session.run(.decisions(offer: nil, status: nil, limit: nil))
    #expect(Self.tables(all).first?.rows.count == EngineSession.decisionsShown)
    #expect(messages(all) == ["20 of 69 decisions; :decisions limit 69 shows all"])
    #expect(Self.tables(session.run(.decisions(offer: nil, status: .send, limit: 100))).first?.rows.count == 44)
    let typo = errors(session.run(.decisions(offer: "SORY25", status: nil, limit: nil)))
    #expect(typo.first?.contains("no offer or status named 'SORY25'; did you mean 'SORRY25'?") == true)
    #expect(
      errors(session.run(.decisions(offer: "unreachabel", status: nil, limit: nil))).first?.contains(
        "did you mean 'unreachable'?") == true)
  }

  @Test func asOfMovesTheClock() {
    let session = session()
    #expect(messages(session.run(.asOf("2026-10-15"))).first == "Clock 2026-10-15T00:00:00Z.")
    #expect(messages(session.run(.run)).last?.hasSuffix("clock 2026-10-15T00:00:00Z") == true)
    #expect(
      errors(session.run(.asOf("yesterday"))).first?.contains("is not an ISO 8601 time") == true)
  }

  @Test func vocabularyHasFieldsOfRowsAndCustomerIDs() {
    let session = session()
    let vocabulary = session.vocabulary
    #expect(vocabulary.rowFields["ticket"]?.contains("csat") == true)
    #expect(vocabulary.rowFields["complaint"]?.contains("kind") == true)
    #expect(vocabulary.rowFields["call"]?.contains("opened") == true)  // `with opened = started_at`
    #expect(vocabulary.customerIDs.count == 200)
    #expect(vocabulary.segments == ["vip"])
    #expect(vocabulary.definitions == ["complaint"])
  }
}

/// Paths typed at the prompt are relative to the current folder; saving elsewhere keeps
/// every path naming the same file.
@Suite struct SessionPathTests {
  @Test func rebaseMovesARelativePathBetweenFolders() {
    #expect(
      RelativePath.rebase("../Examples/data/customers.csv", from: "Playbooks", to: "Examples")
        == "data/customers.csv")
    #expect(RelativePath.rebase("/abs/x.csv", from: "a", to: "b") == "/abs/x.csv")
  }

  @Test func savingIntoAnotherFolderRebasesLoadPaths() throws {
    let session = EngineSession(now: { EngineSessionTests.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    let folder = Repository.path("Examples/sessions")
    let file = folder + "/.saved-\(UUID().uuidString).playbook"
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(!session.run(.save(file)).failed)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("load customers from \"../data/customers.csv\""))
    let reloaded = EngineSession(now: { EngineSessionTests.clock })
    #expect(!reloaded.run(.load(file)).failed)
  }
}

@Suite struct SessionTestCommandTests {
  @Test func typedTestsRunAndNameTheirOwnLines() {
    let session = EngineSession(now: { EngineSessionTests.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    let passing = session.run(.test)
    #expect(!passing.failed)
    #expect(messages(passing).first?.hasSuffix("4 passed, 0 failed\n") == true)
    let test = TypedStatement(
      text:
        "test \"numbers\"\n  expect customer C-0042 gets nothing\n  expect audience THANKS10 >= 100",
      firstLine: 7)
    #expect(session.add(test, sourceName: "<stdin>") == .message("added test \"numbers\""))
    let output = session.run(.test)
    #expect(
      messages(output).first?.hasSuffix(
        "<stdin>\n  ✗ numbers\n      <stdin>:9: expect audience THANKS10 >= 100\n"
          + "        but the audience of THANKS10 is 7\n4 passed, 1 failed\n") == true)
    #expect(output.blocks.last == .error("error: 1 test failed", kind: .failure))
  }

  func messages(_ output: ShellOutput) -> [String] {
    output.blocks.compactMap {
      switch $0 {
      case .message(let text), .prose(let text): text
      default: nil
      }
    }
  }
}
