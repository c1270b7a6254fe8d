import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// `:run` after an edit re-evaluates only the rules that changed, and decides exactly as
/// a full run of the edited playbook would.
@Suite struct IncrementalRunTests {
  // One load shared by the suite; if the shipped playbook cannot open, every test here fails anyway.
  // swift-format-ignore: NeverUseForceTry
  static let base = try! Workspace.open(path: Repository.serviceRecovery)
  static let clock = Fixtures.clock

  /// The flagship playbook with `edit` applied to its text, checked over the same data.
  func edited(_ edit: (String) -> String) throws -> Workspace {
    let source = SourceFile(path: Self.base.source.path, text: edit(Self.base.source.text))
    let (playbook, syntax) = PlaybookParser.parse(source)
    try #require(syntax.isEmpty)
    return try Workspace.open(
      playbook: playbook, source: source, baseDirectory: Self.base.baseDirectory,
      reuse: Self.base.dataset)
  }

  func full(_ workspace: Workspace) -> [Decision] {
    CampaignRun(workspace: workspace, clock: Self.clock).decisions
  }

  @Test func editingOneRuleReevaluatesOnlyThatRule() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    #expect(
      first.evaluatedRules == ["quick_fix_thanks", "slow_fix_apology", "evangelist", "cancel_risk"])
    #expect(first.decisions == full(Self.base))
    let workspace = try edited {
      $0.replacingOccurrences(of: "resolved within 4h", with: "resolved within 12h")
    }
    let second = try #require(
      IncrementalRun.evaluate(workspace, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(second.evaluatedRules == ["quick_fix_thanks"])
    #expect(second.decisions == full(workspace))
    #expect(second.decisions != first.decisions)
  }

  @Test func editsOfPriorityAndSendsDecideTheReachedCustomersAgain() throws {
    var previous = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    let edits: [(String, String)] = [
      ("rule quick_fix_thanks priority 5", "rule quick_fix_thanks priority 50"),
      ("send SORRY25 via email, sms after 2h", "send SORRY25 via sms after 1h"),
      ("when ticket.csat == 5 and customer in vip", "when ticket.csat >= 4"),
      ("contains any [\"cancel\", \"switch\", \"competitor\"]", "contains \"zzz-no-such-word\""),
    ]
    var text = Self.base.source.text
    for (old, new) in edits {
      #expect(text.contains(old))
      text = text.replacingOccurrences(of: old, with: new)
      let workspace = try edited { _ in text }
      let next = try #require(
        IncrementalRun.evaluate(workspace, clock: Self.clock, dataVersion: 1, previous: previous))
      #expect(next.evaluatedRules.count == 1)
      #expect(next.decisions == full(workspace))
      previous = next
    }
  }

  @Test func addingDroppingAndReorderingRulesMatchesAFullRun() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    // cancel_risk moves to the front (its candidates are reused under a new index),
    // evangelist goes, and a new customer-only rule arrives.
    let workspace = try edited { text in
      var text = text
      let cancel =
        "rule cancel_risk priority 20\n  when call.transcript contains any [\"cancel\", \"switch\", \"competitor\"]\n  send STAY15 via sms, email\n"
      let evangelist =
        "rule evangelist\n  when ticket.csat == 5 and customer in vip\n  unless count(complaint in last 90d) > 1\n  send REFER20 via email after 3d\n"
      #expect(text.contains(cancel) && text.contains(evangelist))
      text = text.replacingOccurrences(of: cancel, with: "")
      text = text.replacingOccurrences(
        of: evangelist,
        with: "rule big_spenders\n  when sum(order.total) > 800\n  send REFER20 via email\n")
      return text.replacingOccurrences(
        of: "rule quick_fix_thanks", with: cancel + "\nrule quick_fix_thanks")
    }
    let second = try #require(
      IncrementalRun.evaluate(workspace, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(second.evaluatedRules == ["big_spenders"])
    #expect(second.decisions == full(workspace))
  }

  @Test func changesAroundTheRulesReevaluateEverything() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    let all = ["quick_fix_thanks", "slow_fix_apology", "evangelist", "cancel_risk"]
    let segment = try edited { $0.replacingOccurrences(of: ">= 1000", with: ">= 500") }
    let afterSegment = try #require(
      IncrementalRun.evaluate(segment, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(afterSegment.evaluatedRules == all)
    #expect(afterSegment.decisions == full(segment))
    let earlier = try #require(
      IncrementalRun.evaluate(
        Self.base, clock: Self.clock - 86_400 * 10, dataVersion: 1, previous: first))
    #expect(earlier.evaluatedRules == all)
    let reloaded = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 2, previous: first))
    #expect(reloaded.evaluatedRules == all)
    #expect(reloaded.decisions == first.decisions)
  }

  @Test func decidingChangesReevaluateNoRule() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    let workspace = try edited {
      $0.replacingOccurrences(of: "holdout 5%", with: "holdout 20%")
        .replacingOccurrences(of: "limit 1 per customer", with: "limit 2 per customer")
        .replacingOccurrences(of: "requires customer.sms_opt_in", with: "")
        .replacingOccurrences(of: "valid 14d", with: "valid 7d")
    }
    let second = try #require(
      IncrementalRun.evaluate(workspace, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(second.evaluatedRules.isEmpty)
    #expect(second.decisions == full(workspace))
    #expect(second.decisions != first.decisions)
  }

  @Test func anUnchangedPlaybookReevaluatesNothingAndDecidesTheSame() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    // Retyped with other spacing: the same statements by meaning.
    let respaced = try edited {
      $0.replacingOccurrences(of: "via email, sms after 2h", with: "via email,   sms   after 2h")
    }
    let again = try #require(
      IncrementalRun.evaluate(respaced, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(again.evaluatedRules.isEmpty)
    #expect(again.decisions == first.decisions)
  }

  @Test func commentsAndMovedLinesKeepThePlanAndEveryRule() throws {
    let first = try #require(
      IncrementalRun.evaluate(Self.base, clock: Self.clock, dataVersion: 1, previous: nil))
    // Comments and blank lines above every rule move every later statement's position.
    let commented = try edited {
      $0.replacingOccurrences(of: "\nrule ", with: "\n# a note\n\n\nrule ")
        .replacingOccurrences(of: "  when ", with: "    when ")
    }
    #expect(commented.source.text != Self.base.source.text)
    let again = try #require(
      IncrementalRun.evaluate(commented, clock: Self.clock, dataVersion: 1, previous: first))
    #expect(again.evaluatedRules.isEmpty)
    #expect(again.plan === first.plan)
    #expect(again.decisions == first.decisions)
    // A changed number is a change, however the rest was retyped.
    let changed = try edited {
      $0.replacingOccurrences(of: "\nrule ", with: "\n# a note\nrule ")
        .replacingOccurrences(of: "resolved within 4h", with: "resolved within 5h")
    }
    let next = try #require(
      IncrementalRun.evaluate(changed, clock: Self.clock, dataVersion: 1, previous: again))
    #expect(next.evaluatedRules == ["quick_fix_thanks"])
    #expect(next.plan !== first.plan)
    #expect(next.decisions == full(changed))
  }

  @Test func anInterruptedRunGivesNothing() {
    #expect(
      IncrementalRun.evaluate(
        Self.base, clock: Self.clock, dataVersion: 1, previous: nil, interrupted: { true })
        == nil)
  }
}
