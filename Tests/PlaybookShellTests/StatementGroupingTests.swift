import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// The reader groups typed lines by the language's grammar table, as the parser reads a
/// playbook file; the shell keeps no list of statement words of its own.
@Suite struct StatementGroupingTests {
  /// Only a rule, a test and a load stay open for the lines that may continue them;
  /// every other statement ends with its line.
  @Test(arguments: StatementKeyword.allCases)
  func onlyRulesTestsAndLoadsGoOnOverLines(_ keyword: StatementKeyword) {
    var reader = StatementReader()
    let continues = [StatementKeyword.rule, .test, .load].contains(keyword)
    let items = reader.read(keyword.rawValue + " x")
    #expect(items.isEmpty == continues)
    #expect(reader.isContinuing == continues)
  }

  /// Each clause of a statement continues it on a line of its own; a statement word
  /// that is not one of its clauses starts the next statement. (An offer and a channel
  /// end with their line; see the next tests.)
  @Test(
    arguments: StatementKeyword.allCases.filter {
      !$0.clauses.isEmpty && !PlaybookGrammar.isComplete($0, openBrackets: 0)
    })
  func clauseLinesContinueTheirStatement(_ keyword: StatementKeyword) {
    for clause in keyword.clauses {
      var reader = StatementReader()
      _ = reader.read(keyword.rawValue + " x")
      // A load's `timezone` takes a zone in quotes; `timezone customer.tz` is a statement.
      let line = clause == "timezone" ? "  timezone \"Europe/Rome\"" : "  \(clause) y"
      #expect(reader.read(line) == [], "\(keyword.rawValue) / \(clause)")
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

  /// A channel is added with its line; each `quiet` or `days` line right after it gives
  /// the channel again with its lines so far. After a load, `timezone customer.tz` is the
  /// playbook's own statement, not the load's clause.
  @Test func windowLinesGiveTheChannelAgain() {
    var reader = StatementReader()
    let channel = "channel sms address customer.phone"
    #expect(reader.read(channel) == [.statement(TypedStatement(text: channel, firstLine: 1))])
    #expect(
      reader.read("  quiet 21:00-08:00")
        == [.statement(TypedStatement(text: channel + "\n  quiet 21:00-08:00", firstLine: 1))])
    #expect(
      reader.read("  days mon-fri")
        == [.statement(TypedStatement(text: channel + "\n  quiet 21:00-08:00\n  days mon-fri", firstLine: 1))])
    var load = StatementReader()
    _ = load.read(#"load customers from "c.csv""#)
    #expect(
      load.read(#"timezone customer.tz default "UTC""#).first
        == .statement(TypedStatement(text: #"load customers from "c.csv""#, firstLine: 1)))
  }

  /// An offer is added with its line; each message line right after it gives the offer
  /// again with its lines so far, and anything else in between ends that.
  @Test func messageLinesGiveTheOfferAgain() {
    var reader = StatementReader()
    let offer = #"offer X "x" valid 7d"#
    let subject = #"  subject email "Hi {{ customer.name }}""#
    let message = #"  message sms "Hi""#
    #expect(reader.read(offer) == [.statement(TypedStatement(text: offer, firstLine: 1))])
    #expect(reader.read(subject) == [.statement(TypedStatement(text: offer + "\n" + subject, firstLine: 1))])
    #expect(
      reader.read(message) == [.statement(TypedStatement(text: offer + "\n" + subject + "\n" + message, firstLine: 1))])
    #expect(!reader.isContinuing)
    for breaker in ["", ":run"] {
      var reader = StatementReader()
      _ = reader.read(offer)
      _ = reader.read(breaker)
      #expect(reader.read(message) == [.statement(TypedStatement(text: message, firstLine: 3))], "after '\(breaker)'")
    }
  }

  /// Every shipped playbook, read line by line, groups into the statements the parser
  /// reads from the whole file, one typed statement each (an offer's message lines and a
  /// channel's window lines each replace the statement typed before them, as at the
  /// prompt: the last one counts).
  @Test(arguments: ["campaigns", "churn-risk", "first-response", "loyalty", "service-recovery"])
  func shippedPlaybooksGroupAsTheParserReadsThem(_ name: String) throws {
    let text = try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
    let (whole, _) = PlaybookParser.parse(SourceFile(path: name, text: text))
    var reader = StatementReader()
    var items = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { reader.read(String($0)) }
    items += reader.finish()
    var typed: [Statement] = []
    for item in items {
      // Comments between statements come on their own, to keep in the playbook.
      guard case .statement(let statement) = item, !statement.text.hasPrefix("#") else { continue }
      let (playbook, diagnostics) = PlaybookParser.parse(SourceFile(path: name, text: statement.text))
      #expect(diagnostics.isEmpty, "\(statement.text)")
      #expect(playbook.statements.count == 1, "\(statement.text)")
      guard let parsed = playbook.statements.first else { continue }
      // An offer's message lines and a channel's window lines give it again, whole.
      if let last = typed.last, last.slot == parsed.slot {
        switch parsed.kind {
        case .offer, .channel: typed.removeLast()
        default: break
        }
      }
      typed.append(parsed)
    }
    #expect(typed.count == whole.statements.count)
    #expect(typed.map(ASTDump.dump) == whole.statements.map(ASTDump.dump))
  }
}
