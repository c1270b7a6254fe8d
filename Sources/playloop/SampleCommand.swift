import ArgumentParser
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// `playloop sample FILE [NAME]`: a seeded random sample of a playbook's decisions or
/// customers, as the shell's `:sample` shows it.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Show a random sample of a rule's or an offer's decisions, or of a segment's customers, with reasons.",
    discussion: "Decided as a run without a ledger decides. The same seed picks the same customers.")

  @Argument(help: "The playbook file.") var file: String
  @Argument(help: "A rule or an offer (its decisions), or a segment (its customers); all customers when left out.")
  var name: String?
  @Option(help: "How many to pick.") var count = 10
  @Option(help: "Only decisions with this status (send, holdout, capped, unreachable, already_sent, unrendered).")
  var status: String?
  @Option(help: "Another seed picks others.") var seed: UInt64 = SeededSample.defaultSeed
  @OptionGroup var output: OutputOption
  @OptionGroup var clock: ClockOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption

  func run() throws {
    let json = output.isJSON
    let maxSetAside = try setAside.share()
    let workspace = try progress.loading(json: json) { (sink) throws(CommandFailure) in
      try Workspace.openForCommand(
        path: file, maxSetAside: maxSetAside, json: json, progress: sink, cache: snapshots.cache)
    }
    Terminal.report(workspace.dataset.setAsideShareWarnings, sources: [])
    let model = workspace.model
    if let name {
      let names = model.rules.map(\.rule.name.text) + model.segments.keys.sorted() + model.offers.map(\.code.text)
      guard names.contains(name) else {
        throw CommandFailure(unknown: name, kinds: "rule, segment or offer", among: names, json: json)
      }
    }
    let wanted = try status.map { word throws(CommandFailure) in
      guard let status = DecisionStatus(rawValue: word) else {
        throw CommandFailure(
          unknown: word, kinds: "status", among: DecisionStatus.allCases.map(\.rawValue), json: json)
      }
      return status
    }
    let now = Terminal.now()
    let at = workspace.clock(override: try clock.seconds(now: now), now: now)
    let run = CampaignRun(workspace: workspace, clock: at)
    let sample = DecisionSample(
      count, of: name, status: wanted, seed: seed, decisions: run.decisions, plan: run.plan)
    if json {
      return Terminal.printJSON(sample.json(seed: seed, clock: at), diagnostics: [])
    }
    guard !sample.rows.isEmpty else { return Terminal.printText("no \(sample.what)\n") }
    Terminal.printText(
      TextTable.decisions(sample.rows, variants: run.decisions.contains { $0.variant != nil }).render() + "\n"
        + sample.caption(note: "seed \(seed); --seed \(seed &+ 1) picks others") + "\n")
  }
}
