import ArgumentParser
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

/// `playloop explain FILE CUSTOMER`: what would this customer get, and why?
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Show what a customer would get from a playbook, and why.")

  @Argument(help: "The playbook file.") var file: String
  @Argument(help: "The customer's id.") var customer: String
  @Option(help: "Explain only this rule.") var rule: String?
  @Flag(help: "Show rules that never came close too.") var all = false
  @OptionGroup var output: OutputOption
  @Option(help: "Read what was already sent from this ledger (default: the playbook's `ledger`).")
  var ledger: String?
  @Flag(help: "Explain under the playbook's holdout though the ledger recorded another (as `run --new-holdout` would).")
  var newHoldout = false
  @OptionGroup var clock: ClockOption
  @OptionGroup var setAside: SetAsideOption
  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "Explain as if these statements were in the playbook: each replaces the one defining the same thing "
        + "(rule x, limit, …) or is added. The file is not changed.", valueName: "statements"))
  var whatIf: String?

  func run() throws {
    let json = output.isJSON
    let (workspace, changes) = try open(maxSetAside: try setAside.share(), json: json)
    Terminal.report(workspace.dataset.setAsideShareWarnings, sources: [])
    let rules = workspace.model.rules.map(\.rule.name.text)
    if let rule, !rules.contains(rule) {
      throw CommandFailure(
        [Diagnostic(.unknownRule(rule, in: file, hint: NearNames.didYouMean(rule, in: rules)), file: nil)], json: json)
    }
    let now = Terminal.now()
    let at = workspace.clock(override: try clock.seconds(now: now), now: now)
    var history: (any SendHistory)?
    if let path = workspace.ledgerPath(override: ledger) {
      do {
        history = try LedgeredExport.history(ledgerPath: path, workspace: workspace, clock: at, newHoldout: newHoldout)
      } catch {
        throw CommandFailure([error], json: json)
      }
    }
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: at, history: history)
    do {
      let explanation = try Explainer(plan: plan).explain(customerID: customer, rule: rule)
      let warnings = workspace.dataset.setAsideWarnings(first: 5)
      if json { return Terminal.printJSON(explanation.json(whatIf: changes), diagnostics: warnings) }
      if let changes {
        Terminal.printText(
          "What if: " + (changes.isEmpty ? "nothing changed" : changes.joined(separator: ", ")) + ".\n\n")
      }
      Terminal.printText(explanation.text(all: all))
    } catch {
      throw CommandFailure([error.diagnostic], json: json)
    }
  }

  /// The playbook, with `--what-if`'s statements joined (and what they changed).
  private func open(maxSetAside: Double, json: Bool) throws(CommandFailure) -> (Workspace, changes: [String]?) {
    guard let whatIf else {
      return (try Workspace.openForCommand(path: file, maxSetAside: maxSetAside, json: json), nil)
    }
    do {
      let (workspace, changes) = try Workspace.open(path: file, whatIf: whatIf, maxSetAside: maxSetAside)
      return (workspace, changes)
    } catch {
      throw CommandFailure(error.diagnostics, sources: error.source.map { [$0] } ?? [], json: json)
    }
  }
}

extension Explanation {
  /// The JSON answer, with `what_if` (what the statements changed) when they were given.
  fileprivate func json(whatIf changes: [String]?) -> JSONValue {
    guard let changes, case .object(var members) = json else { return json }
    members.insert(JSONMember("what_if", .array(changes.map { .string($0) })), at: 1)
    return .object(members)
  }
}
