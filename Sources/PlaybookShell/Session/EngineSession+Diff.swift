import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

extension EngineSession {
  /// How many changed customers `:diff` lists; `--out` writes them all.
  static let diffShown = 10

  /// What `:diff` compares the session with, evaluated: its decisions and how to name it.
  struct DiffBase {
    var decisions: DecisionList
    var name: String
  }

  /// A command that failed with this output.
  struct CommandFailed: Error {
    var output: ShellOutput
  }

  /// `:diff [saved|FILE|last-run] [--out FILE.csv]`: who gains and who loses each offer
  /// now, against the loaded file as saved, another playbook (evaluated on the
  /// session's data and clock), or the sends of the ledger's last run.
  func diff(against target: String?, out: String?) -> ShellOutput {
    guard workspace != nil else { return failure(.noData) }
    Interrupt.clear()  // a Ctrl-C at the prompt is not meant for this
    let base: DiffBase
    do {
      switch target ?? "saved" {
      case "saved":
        guard let loadedPath else { return failure(.noSavedFile) }
        base = try evaluated(file: loadedPath, name: "\(loadedPath) as saved")
      case "last-run": base = try lastLedgerRun()
      case let path: base = try evaluated(file: path, name: path)
      }
    } catch {
      return error.output
    }
    guard let run = upToDateRun() else { return .message("stopped; nothing compared") }
    let now = run.decisionList
    let diff = DecisionDiff(before: base.decisions, after: now, comparing: target == "last-run" ? .sends : .statuses)
    var output = ShellOutput.message("now compared with \(base.name), clock \(Timestamp.format(clock)):")
    output.blocks.append(.message(diff.impactText))
    if !diff.changes.isEmpty {
      output.blocks.append(.table(diff.offersTable))
      output.blocks.append(.table(diff.changesTable(before: base.decisions, after: now, limit: Self.diffShown)))
      let rest = diff.changes.count - Self.diffShown
      if rest > 0, out == nil {
        output.blocks.append(.message("… and \(rest.grouped) more; add --out FILE.csv to write them all"))
      }
    }
    if let out {
      do {
        try Data(diff.csv(before: base.decisions, after: now)).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        return ShellOutput(output.blocks + failure(.writeFailed(out, reason: error.localizedDescription)).blocks)
      }
      output.blocks.append(.message("wrote \(plural(diff.changes.count, "change")) to \(out)"))
    }
    return output
  }

  /// The playbook file at `path` evaluated at the session's clock, on the session's data
  /// when it loads the same files (reusing the candidates of the rules it shares with the
  /// session), else on its own data matched by customer id.
  private func evaluated(file path: String, name: String) throws(CommandFailed) -> DiffBase {
    guard let workspace else { throw CommandFailed(output: failure(.noData)) }
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw CommandFailed(output: failure(.unreadableFile(path)))
    }
    let source = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    let folder = (path as NSString).deletingLastPathComponent
    let base = folder.isEmpty ? "." : folder
    let (playbook, syntax) = PlaybookParser.parse(source)
    let renderer = DiagnosticRenderer(sources: [path: source.text], color: color)
    if syntax.contains(where: { $0.severity == .error }) { throw CommandFailed(output: Self.blocks(syntax, renderer)) }
    let sameData = Self.loads(playbook, base) == Self.loads(document.playbook, baseDirectory)
    let opened: Workspace
    do {
      opened = try Workspace.open(
        playbook: playbook, source: source, baseDirectory: base, maxSetAside: maxSetAside, warnings: syntax,
        reuse: sameData ? workspace.dataset : nil, cache: cache)
    } catch {
      throw CommandFailed(output: Self.blocks(error.diagnostics, renderer))
    }
    guard
      let run = IncrementalRun.evaluate(
        opened, clock: clock, dataVersion: sameData ? dataVersion : -1, previous: sameData ? lastRun : nil,
        interrupted: { Interrupt.requested })
    else { throw CommandFailed(output: .message("stopped; nothing compared")) }
    let list =
      sameData
      ? run.decisionList
      : DecisionList(numbering: run.decisions, in: workspace.dataset, offers: opened.model.offers.map(\.code.text))
    return DiffBase(decisions: list, name: name)
  }

  /// The `load` statements with their paths resolved against `base`: two playbooks with
  /// equal ones read the same data.
  private static func loads(_ playbook: Playbook, _ base: String) -> [Structure<Statement>] {
    playbook.statements.compactMap { statement in
      guard case .load = statement.kind else { return nil }
      return Structure(statement.mappingPaths { Workspace.resolve($0, against: base) })
    }
  }

  /// The sends the ledger's last committed run recorded, as decisions.
  private func lastLedgerRun() throws(CommandFailed) -> DiffBase {
    guard let workspace else { throw CommandFailed(output: failure(.noData)) }
    guard let declared = model.ledger else { throw CommandFailed(output: failure(.noLedger)) }
    let path = Workspace.resolve(declared.value, against: baseDirectory)
    let run: LedgerRun
    let sends: [LedgerSend]
    do {
      guard let ledger = try SendLedger.openForReading(path: path) else {
        throw CommandFailed(output: failure(.ledgerMissing(path)))
      }
      guard let last = try ledger.runs().last(where: { $0.state == .committed }) else {
        throw CommandFailed(output: failure(.noLedgerRun(path)))
      }
      run = last
      sends = try ledger.sends(ofRun: last.seq)
    } catch let failed as CommandFailed {
      throw failed
    } catch let diagnostic as Diagnostic {
      throw CommandFailed(output: rendered([diagnostic], pending: nil))
    } catch {
      throw CommandFailed(output: failure(.ledgerMissing(path)))
    }
    let reason = "sent in run \(run.runID)"
    let decisions = sends.map {
      Decision(
        customerID: $0.customerID, rule: $0.rule, offer: $0.offer, triggerID: $0.triggerID, triggerTime: $0.sendAt,
        sendAt: $0.sendAt, expiresAt: $0.expiresAt, channel: $0.channel, address: nil, status: .send,
        reason: reason, merged: 0, priority: 0)
    }
    return DiffBase(
      decisions: DecisionList(numbering: decisions, in: workspace.dataset, offers: model.offers.map(\.code.text)),
      name: "the ledger's last run \(run.runID)")
  }
}
