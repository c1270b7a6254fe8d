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
  @Argument(help: "The customer: an id (in any case), an email, a phone number or a name.") var customer: String
  @Option(help: "Explain only this rule.") var rule: String?
  @Flag(help: "Show rules that never came close too.") var all = false
  @Flag(help: "Show the engine's detail: every condition's value, times in UTC, the decider's own reasons.")
  var detail = false
  @OptionGroup var output: OutputOption
  @Option(help: "Read what was already sent from this ledger (default: the playbook's `ledger`).")
  var ledger: String?
  @Flag(help: "Explain under the playbook's holdout though the ledger recorded another (as `run --new-holdout` would).")
  var newHoldout = false
  @OptionGroup var clock: ClockOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption
  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "Explain as if these statements were in the playbook: each replaces the one defining the same thing "
        + "(rule x, limit, …) or is added. The file is not changed.", valueName: "statements"))
  var whatIf: String?
  @Option(
    name: .customLong("why-not"),
    help: ArgumentHelp(
      "Why the customer does not get this offer: each trigger row's first obstacle and what would have cleared it.",
      valueName: "offer"))
  var whyNot: String?

  func run() throws {
    let json = output.isJSON
    let maxSetAside = try setAside.share()
    let (workspace, changes) = try progress.loading(json: json) { (sink) throws(CommandFailure) in
      try open(maxSetAside: maxSetAside, json: json, progress: sink)
    }
    Terminal.report(workspace.dataset.setAsideShareWarnings, sources: [])
    let rules = workspace.model.rules.map(\.rule.name.text)
    if let rule, !rules.contains(rule) {
      throw CommandFailure(
        [Diagnostic(.unknownRule(rule, in: file, hint: NearNames.didYouMean(rule, in: rules)), file: nil)], json: json)
    }
    let offers = workspace.model.offers.map(\.code.text)
    if let whyNot, !offers.contains(whyNot) {
      throw CommandFailure(unknown: whyNot, kinds: "offer", among: offers, json: json)
    }
    let now = Terminal.now()
    let at = workspace.clock(override: try clock.seconds(now: now), now: now)
    var history: (any SendHistory)?
    let ledgerPath = workspace.ledgerPath(override: ledger)
    if let ledgerPath {
      do {
        history = try LedgeredExport.history(
          ledgerPath: ledgerPath, workspace: workspace, clock: at, newHoldout: newHoldout)
      } catch {
        throw CommandFailure([error], json: json)
      }
    }
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: at, history: history)
    let explainer = Explainer(plan: plan)
    // Found once: explaining by the id found reads it back directly, not by a second search.
    let id: String
    do {
      id = plan.dataset.customerIDs.string(try explainer.findCustomer(customer))
    } catch {
      throw CommandFailure([error.diagnostic], json: json)
    }
    let explanation = try explainer.explain(
      customerID: id, rule: rule, earlierSends: try pastSends(ledgerPath, customerID: id, json: json))
    let warnings = workspace.dataset.setAsideWarnings(first: 5)
    let reasons = try whyNot.map { offer throws(CommandFailure) in
      guard let reasons = explanation.whyNot(offer) else {
        throw CommandFailure([Diagnostic(.usage("no rule sends offer \(offer)"), file: nil)], json: json)
      }
      return reasons
    }
    if json {
      var document = explanation.json(whatIf: changes)
      if let reasons, case .object(var members) = document {
        members.append(JSONMember("why_not", reasons.json))
        document = .object(members)
      }
      return Terminal.printJSON(document, diagnostics: warnings)
    }
    if let changes {
      Terminal.printText(
        "What if: " + (changes.isEmpty ? "nothing changed" : changes.joined(separator: ", ")) + ".\n\n")
    }
    Terminal.printText(
      reasons?.text(customerID: customer)
        ?? (detail ? explanation.detailText(all: all) : explanation.text(all: all)))
  }

  /// What the ledger at `path` recorded for the customer; none without a ledger.
  private func pastSends(_ path: String?, customerID: String, json: Bool) throws(CommandFailure) -> [PastSend] {
    guard let path else { return [] }
    do {
      return try SendLedger.pastSends(path: path, customerID: customerID)
    } catch {
      throw CommandFailure([error], json: json)
    }
  }

  /// The playbook, with `--what-if`'s statements joined (and what they changed).
  private func open(
    maxSetAside: Double, json: Bool, progress: (any ProgressSink)?
  ) throws(CommandFailure) -> (Workspace, changes: [String]?) {
    guard let whatIf else {
      return (
        try Workspace.openForCommand(
          path: file, maxSetAside: maxSetAside, json: json, progress: progress, cache: snapshots.cache), nil
      )
    }
    do {
      let (workspace, changes) = try Workspace.open(
        path: file, whatIf: whatIf, maxSetAside: maxSetAside, progress: progress, cache: snapshots.cache)
      return (workspace, changes)
    } catch {
      throw CommandFailure(error, json: json)
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
