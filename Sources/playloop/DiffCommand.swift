import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// `playloop diff FILE --what-if STATEMENTS`: what the statements would change, customer
/// by customer, as the shell's `:diff` shows an edit's impact.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show how statements would change a playbook's decisions: who gains and who loses each offer.",
    discussion: "Both sides are decided as a run without a ledger decides them; the file is not changed.")

  @Argument(help: "The playbook file.") var file: String
  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "The statements to try: each replaces the one defining the same thing (rule x, limit, …) or is added; "
        + "a rule may be written on one line.", valueName: "statements"))
  var whatIf: String
  @Option(help: "Write every changed (customer, offer) to this CSV file.") var out: String?
  @Option(help: "How many changed customers to list (text) or include (JSON).") var limit = 10
  @OptionGroup var output: OutputOption
  @OptionGroup var clock: ClockOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption
  @OptionGroup var progress: ProgressOption

  func run() throws {
    let json = output.isJSON
    let share = try setAside.share()
    let opened = try progress.loading(json: json) { (sink) throws(CommandFailure) in
      do throws(Workspace.Failure) {
        return try Workspace.openComparing(
          path: file, whatIf: whatIf, maxSetAside: share, progress: sink, cache: snapshots.cache)
      } catch {
        throw CommandFailure(error, json: json)
      }
    }
    let (before, after) = (opened.before, opened.after)
    Terminal.report(before.dataset.setAsideShareWarnings, sources: [])
    let now = Terminal.now()
    let at = before.clock(override: try clock.seconds(now: now), now: now)
    let sameData = opened.sameData
    // Without an interrupt to ask, evaluating always finishes.
    guard let old = IncrementalRun.evaluate(before, clock: at, dataVersion: 1, previous: nil),
      let new = IncrementalRun.evaluate(
        after, clock: at, dataVersion: sameData ? 1 : 2, previous: sameData ? old : nil)
    else { preconditionFailure("an evaluation that cannot be interrupted stopped") }
    let oldList = old.decisionList
    let newList =
      sameData
      ? new.decisionList
      : DecisionList(numbering: new.decisions, in: before.dataset, offers: after.model.offers.map(\.code.text))
    let diff = DecisionDiff(before: oldList, after: newList)
    if let out {
      do {
        try Data(diff.csv(before: oldList, after: newList)).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        throw CommandFailure([Diagnostic(.writeFailed(out, reason: error.localizedDescription), file: nil)], json: json)
      }
    }
    if json {
      guard case .object(let members) = diff.json(before: oldList, after: newList, limit: limit) else { return }
      let head = [
        JSONMember("what_if", .array(opened.changes.map(JSONValue.string))),
        JSONMember("clock", .string(Timestamp.format(at))),
      ]
      return Terminal.printJSON(.object(head + members), diagnostics: [])
    }
    var lines = [
      "What if: " + (opened.changes.isEmpty ? "nothing changed" : opened.changes.joined(separator: ", "))
        + ". Clock \(Timestamp.format(at)).", diff.impactText,
    ]
    if !diff.changes.isEmpty {
      lines += [
        "", diff.offersTable.render(), "", diff.changesTable(before: oldList, after: newList, limit: limit).render(),
      ]
      let rest = diff.changes.count - limit
      if rest > 0 {
        lines.append("… and \(rest.grouped) more" + (out == nil ? "; add --out FILE.csv to write them all" : ""))
      }
    }
    if let out { lines.append("wrote \(diff.changes.count.grouped) changes to \(out)") }
    Terminal.printText(lines.joined(separator: "\n") + "\n")
  }
}
