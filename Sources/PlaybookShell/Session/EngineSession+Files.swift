import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

extension EngineSession {
  /// `:load FILE`: replaces the session with a playbook file and its data. A file that
  /// was read but does not check replaces it too, as text to fix with `:edit` (its errors
  /// still stop a script); a file that cannot be read leaves the session as it was.
  func load(_ path: String) -> ShellOutput {
    let opened: Workspace
    do {
      opened = try Workspace.open(path: path, maxSetAside: maxSetAside, progress: progress, cache: cache)
    } catch {
      // Ctrl-C while loading leaves the session as it was, not a broken playbook.
      let stopped = error.diagnostics.contains { $0.code == .loadInterrupted }
      guard let source = error.source, !stopped else {
        return Self.blocks(error.diagnostics, DiagnosticRenderer(sources: [:], color: color))
      }
      return keepBroken(source, diagnostics: error.diagnostics, path: path)
    }
    broken = nil
    document = SessionDocument(
      file: path, text: opened.source.text, playbook: opened.model.playbook)
    loadedPath = path
    baseDirectory = opened.baseDirectory
    clockOverride = nil
    lastRun = nil
    hasUnsavedChanges = false
    accept(Checked(model: opened.model, workspace: opened, reloaded: true, diagnostics: []))
    var output = ShellOutput([.prose(banner(opened))])
    output.blocks += setAsideWarnings(opened.dataset)
    let file = DiagnosticRenderer(sources: [opened.source.path: opened.source.text], color: color)
    output.blocks += Self.blocks(Self.workspaceWarnings(opened), file).blocks
    return output
  }

  /// `Loaded "Service recovery loop": 4 tables (200 customers, 916 tickets, …), 4 rules,
  /// 4 offers. Clock 2026-11-01T00:00:00Z.`
  func banner(_ workspace: Workspace) -> String {
    let model = workspace.model
    let tables = TableCount.counts(
      of: workspace.dataset, eventTableOrder: model.tables.filter { !$0.isCustomers }.map(\.name))
    let rows = tables.map { "\($0.rows.grouped) \($0.name)" }.joined(separator: ", ")
    let name = model.name.isEmpty ? "" : " \"\(model.name)\""
    return "Loaded\(name): \(plural(tables.count, "table")) (\(rows)), "
      + "\(plural(model.rules.count, "rule")), \(plural(model.offers.count, "offer")). "
      + "Clock \(clockDescription)."
  }

  var clockDescription: String {
    let text = Timestamp.format(clock)
    return clockOverride == nil && model.clock == nil ? "now (\(text))" : text
  }

  /// Rows that could not be read, so bad data is never silent.
  func setAsideWarnings(_ dataset: Dataset) -> [ShellOutput.Block] {
    Self.blocks(dataset.setAsideWarnings(first: 3), DiagnosticRenderer(sources: [:], color: color)).blocks
  }

  /// `:save [FILE]`: the playbook in the formatter's layout, written atomically, to FILE
  /// or the playbook's own file; FILE becomes the playbook's file. Another existing file
  /// is replaced only with `force` (the shell asks at a terminal). A playbook loaded with
  /// errors is saved as its text.
  func save(_ given: String?, force: Bool) -> ShellOutput {
    guard let path = given ?? loadedPath else { return failure(.noSaveFile) }
    if !force, savingReplacesAnotherFile(path) { return failure(.fileExists(path)) }
    let text = broken?.source.text ?? formatted(inFolder: Self.folder(of: path))
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      return failure(.writeFailed(path, reason: error.localizedDescription))
    }
    loadedPath = path
    hasUnsavedChanges = false
    editHistory.saved = Structure(document.playbook)
    if broken != nil { return .message("saved \(path) with its errors") }
    return .message("saved \(plural(document.playbook.statements.count, "statement")) to \(path)")
  }

  /// Whether `:save path` would replace an existing file other than the playbook's own.
  public func savingReplacesAnotherFile(_ path: String) -> Bool {
    guard FileManager.default.fileExists(atPath: path) else { return false }
    return loadedPath.map { !RelativePath.same($0, path) } ?? true
  }

  /// The folder a file is in (`.` for a bare name).
  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// The playbook as `:save` writes it into folder `target`: formatted, its relative
  /// paths naming the same files from there.
  func formatted(inFolder target: String) -> String {
    var playbook = document.playbook
    if !RelativePath.same(baseDirectory, target) {
      let base = baseDirectory
      playbook.statements = playbook.statements.map {
        $0.mappingPaths { RelativePath.rebase($0, from: base, to: target) }
      }
    }
    return PlaybookFormatter.format(playbook, source: SourceFile(path: SessionDocument.name, text: document.text))
  }

  /// `:export [--preview] [--new-holdout] [DIR] [FORMAT]`: the audience files, decisions log and
  /// summary, through the export `playloop run` uses (`CampaignExport`): with a `ledger`
  /// the sends are recorded as a run records them, with the same run ids. A preview goes
  /// to `DIR` or beside the export folder (`NAME-preview`), never into it, is marked
  /// `"preview": true` and records nothing. A holdout that differs from the one the
  /// ledger recorded is refused, as by `playloop run`, unless `newHoldout`.
  func export(to directory: String?, format: ExportFormat?, preview: Bool = false, newHoldout: Bool = false)
    -> ShellOutput
  {
    guard let workspace else { return failure(.noData) }
    let declared = model.export.map { Workspace.resolve($0.path.value, against: baseDirectory) }
    let ledgerPath = model.ledger.map { Workspace.resolve($0.value, against: baseDirectory) }
    guard let folder = directory ?? (preview ? declared.map(Self.previewFolder) : declared) else {
      return failure(.noExportFolder)
    }
    if preview, let declared, RelativePath.same(folder, declared) {
      return failure(.previewIntoExport(folder))
    }
    let exportFormat = format ?? model.export?.format.flatMap { ExportFormat(rawValue: $0.text) } ?? .csv
    let target = ExportTarget(directory: folder, format: exportFormat)
    let exported: CampaignExport.Outcome
    // Nothing changed since `:run`: its decisions are the export's (without a ledger).
    let decided = lastRun.flatMap {
      $0.isCurrent(for: workspace, clock: clock, dataVersion: dataVersion)
        ? CampaignRun(workspace: workspace, reusing: $0) : nil
    }
    do {
      exported = try CampaignExport.export(
        workspace: workspace, clock: clock, target: target, ledgerPath: ledgerPath, preview: preview,
        options: LedgeredExport.Options(newHoldout: newHoldout), decided: decided,
        interrupted: { Interrupt.requested }, progress: progress)
    } catch {
      return rendered([error], pending: nil)
    }
    let reused = decided != nil && ledgerPath == nil ? "; the decisions evaluated last (nothing changed since)" : ""
    let counts = exported.summary.counts
    let sent = counts.byStatus[.send]
    let decisions = plural(counts.byStatus.total, "decision")
    // What a sending tool's import cannot take is said, never dropped in silence.
    let setAside = rendered(exported.run.importWarnings, pending: nil).blocks
    if preview {
      var output = ShellOutput.message(
        "previewed \(decisions) (\(sent.grouped) would be sent) in \(folder) as \(exportFormat.rawValue)\(reused); "
          + "nothing was sent or recorded")
      output.blocks.append(contentsOf: setAside)
      return output
    }
    var output = ShellOutput.message(
      "exported \(decisions) (\(sent.grouped) to send) to \(folder) as \(exportFormat.rawValue)\(reused)")
    output.blocks.append(contentsOf: setAside)
    if let ledgered = exported.ledgered, let ledgerPath, let runID = ledgered.summary.runID {
      output.blocks.insert(
        contentsOf: rendered(
          ledgered.recovered.map {
            Diagnostic(.ledgerRecovered(runID: $0.runID, committed: $0.committed), file: ledgerPath)
          }, pending: nil
        ).blocks, at: 0)
      output.blocks.append(
        .message(
          ledgered.isReplay
            ? "run \(runID) replayed: the same sends as when it first ran; \(ledgerPath) unchanged"
            : "run \(runID): recorded \(plural(ledgered.recorded, "send")) in \(ledgerPath)"))
    }
    return output
  }

  /// Where a preview goes by default: beside the export folder, `out` → `out-preview`.
  static func previewFolder(_ export: String) -> String {
    var path = export
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path + "-preview"
  }
}

/// `1 rule`, `4 rules`, `1,013 tickets`.
func plural(_ count: Int, _ noun: String) -> String {
  "\(count.grouped) \(noun)\(count == 1 ? "" : "s")"
}
