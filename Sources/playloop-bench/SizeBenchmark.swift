import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// One measured figure: a phase's cost and, where it has one, its throughput.
struct Figure: Sendable {
  var phase: String
  var cost: PhaseCost
  var throughput: Double?
  /// `MB/s` or `customers/s`.
  var unit: String?
}

/// Everything measured at one data size.
struct SizeResult: Sendable {
  var customers: Int
  var dataBytes: Int
  var figures: [Figure]
  var candidates: Int
  var decisions: Int
}

/// Runs the example playbook over one data set, phase by phase, the way `playloop run`
/// does (load, evaluate, decide, export), then what the shell does with the data loaded:
/// check, evaluate again, re-run after editing one rule, explain one customer.
struct SizeBenchmark {
  let data: BenchData
  /// The playbook's text with its `load` paths relative to the data folder.
  let playbookText: String
  /// The rule to edit, and the edit (old text → new text).
  let edit: (rule: String, old: String, new: String)
  let out: String
  let repeats: Int
  /// Whether the load draws the progress line, every tick from the start (`--progress`).
  let progress: Bool

  func run() throws -> SizeResult {
    var figures: [Figure] = []
    let source = SourceFile(path: "\(data.directory)/bench.playbook", text: playbookText)

    // First, while nothing else is loaded: at 10M customers two datasets at once do not
    // fit the machine's 24 GB.
    let snapshots = try snapshotFigures(source)

    let display =
      progress ? ProgressDisplay(output: ProgressDisplay.Output(write: { _ in }, width: { 80 }), delay: 0) : nil
    let (opened, load) = try Probe.measure {
      defer { display?.finish() }
      return try open(source, reuse: nil, progress: display)
    }
    let workspace = try opened.get()
    let dataset = workspace.dataset
    for table in dataset.loads {
      let cost = PhaseCost(milliseconds: table.milliseconds, peakBytes: load.peakBytes)
      figures.append(
        Figure(
          phase: "load \(table.table)", cost: cost, throughput: mbps(table.bytes, table.milliseconds), unit: "MB/s"))
    }
    figures.append(
      Figure(phase: "load (all)", cost: load, throughput: mbps(data.totalBytes, load.milliseconds), unit: "MB/s"))

    figures += snapshots

    let clock = workspace.clock(override: nil, now: 0)
    let customers = dataset.customers.rowCount

    // As `playloop run` does it: compile and evaluate, decide, export.
    let (plan, compile) = Probe.measure { Plan(checked: workspace.checked, dataset: dataset, clock: clock) }
    let (candidates, evaluate) = Probe.measure { plan.candidates() }
    var evaluateAll = evaluate
    evaluateAll.milliseconds += compile.milliseconds
    figures.append(
      Figure(
        phase: "evaluate (compile + rules)", cost: evaluateAll,
        throughput: perSecond(customers, evaluateAll.milliseconds), unit: "customers/s"))
    let (decisions, decide) = Probe.measure { Decider(plan: plan).decide(candidates) }
    figures.append(
      Figure(phase: "decide", cost: decide, throughput: perSecond(customers, decide.milliseconds), unit: "customers/s"))
    let (exported, export) = Probe.measure { () -> Result<Void, any Error> in
      let model = workspace.model
      let run = RunSummary(
        playbook: model.name, clock: clock, window: model.window,
        tables: TableCount.counts(of: dataset, eventTableOrder: model.tables.filter { !$0.isCustomers }.map(\.name)),
        counts: DecisionCounts(
          decisions, rules: model.rules.map(\.rule.name.text), offers: model.offers.map(\.code.text)))
      do {
        let staged = try CampaignExporter.stage(decisions, summary: run, to: ExportTarget(directory: out, format: .csv))
        try staged.commit()
        return .success(())
      } catch { return .failure(error) }
    }
    try exported.get()
    figures.append(
      Figure(
        phase: "export", cost: export, throughput: perSecond(decisions.count, export.milliseconds), unit: "decisions/s")
    )

    // As the shell does it, with the data loaded.
    let (_, check) = try Probe.fastest(of: repeats) { try open(source, reuse: dataset).get() }
    figures.append(Figure(phase: "check (data loaded)", cost: check))
    let (_, startup) = try Probe.fastest(of: repeats) { () throws -> Plan in
      let w = try open(source, reuse: dataset).get()
      return Plan(checked: w.checked, dataset: dataset, clock: clock)
    }
    figures.append(Figure(phase: "shell start (check + compile)", cost: startup))
    let (_, again) = Probe.fastest(of: repeats) { () -> Int in
      let plan = Plan(checked: workspace.checked, dataset: dataset, clock: clock)
      return Decider(plan: plan).decide(plan.candidates()).count
    }
    figures.append(
      Figure(
        phase: "evaluate + decide (data loaded)", cost: again, throughput: perSecond(customers, again.milliseconds),
        unit: "customers/s"))

    let edited = SourceFile(path: source.path, text: playbookText.replacingOccurrences(of: edit.old, with: edit.new))
    guard edited.text != playbookText else {
      throw BenchError("the edit '\(edit.old)' matches nothing in the playbook")
    }
    let (_, rerun) = try Probe.fastest(of: repeats) { () throws -> Int in
      let w = try open(edited, reuse: dataset).get()
      let plan = Plan(checked: w.checked, dataset: dataset, clock: clock)
      return Decider(plan: plan).decide(plan.candidates()).count
    }
    figures.append(
      Figure(
        phase: "edit one rule, re-run all", cost: rerun, throughput: perSecond(customers, rerun.milliseconds),
        unit: "customers/s"))
    // The shell's `:run` after the edit: only the edited rule is evaluated again, and
    // only the customers it reaches are decided again.
    let before = IncrementalRun.evaluate(workspace, clock: clock, dataVersion: 1, previous: nil)
    let (_, incremental) = try Probe.fastest(of: repeats) { () throws -> Int in
      let w = try open(edited, reuse: dataset).get()
      return IncrementalRun.evaluate(w, clock: clock, dataVersion: 1, previous: before)?.decisions.count ?? 0
    }
    figures.append(Figure(phase: "edit one rule, shell's :run", cost: incremental))
    figures += try impactFigures(before: before, edited: edited, dataset: dataset, clock: clock)
    let editedWorkspace = try open(edited, reuse: dataset).get()
    let editedPlan = Plan(checked: editedWorkspace.checked, dataset: dataset, clock: clock)
    guard let ruleIndex = editedWorkspace.model.rules.firstIndex(where: { $0.rule.name.text == edit.rule }) else {
      throw BenchError("no rule \(edit.rule) in the playbook")
    }
    let (_, oneRule) = Probe.fastest(of: repeats) { editedPlan.candidates(ofRules: [ruleIndex]).count }
    figures.append(
      Figure(
        phase: "edited rule's candidates only", cost: oneRule, throughput: perSecond(customers, oneRule.milliseconds),
        unit: "customers/s"))

    let someone = dataset.customerIDs.string(customers / 2)
    let (_, explain) = try Probe.fastest(of: repeats) { () throws -> Int in
      try Explainer(plan: plan).explain(customerID: someone).rules.count
    }
    figures.append(Figure(phase: "explain one customer", cost: explain))

    return SizeResult(
      customers: customers, dataBytes: data.totalBytes, figures: figures, candidates: candidates.count,
      decisions: decisions.count)
  }

  /// The shell's impact after an edit (issue 14): check the edited playbook against the
  /// loaded data, evaluate incrementally from the run before, compare the two runs'
  /// decisions. Once for an edited rule (only the customers it reaches are decided
  /// again) and once for an edited `limit` (every customer is decided again); medians.
  private func impactFigures(before: IncrementalRun?, edited: SourceFile, dataset: Dataset, clock: Int64) throws
    -> [Figure]
  {
    guard let before else { return [] }
    var figures: [Figure] = []
    let limited = SourceFile(
      path: edited.path,
      text: playbookText.replacingOccurrences(of: "limit 1 per customer", with: "limit 2 per customer"))
    for (phase, source) in [("edit one rule, impact", edited), ("edit the limit, impact", limited)] {
      let (after, cost) = try Probe.median(of: repeats) { () throws -> IncrementalRun? in
        let w = try open(source, reuse: dataset).get()
        guard let after = IncrementalRun.evaluate(w, clock: clock, dataVersion: 1, previous: before) else { return nil }
        _ = DecisionDiff(before: before.decisionList, after: after.decisionList)
        return after
      }
      figures.append(Figure(phase: phase, cost: cost))
      guard let after else { continue }
      let (diff, compare) = Probe.median(of: repeats) {
        DecisionDiff(before: before.decisionList, after: after.decisionList)
      }
      figures.append(
        Figure(
          phase: "  of which compare (\(diff.changes.count) changed)", cost: compare,
          throughput: perSecond(after.decisions.count, compare.milliseconds), unit: "decisions/s"))
      for (part, ms) in [("evaluate", after.evaluateMilliseconds), ("decide", after.decideMilliseconds)] {
        figures.append(
          Figure(phase: "  of which \(part) (last run)", cost: PhaseCost(milliseconds: Double(ms), peakBytes: 0)))
      }
    }
    return figures
  }

  /// The snapshot cache (docs/SNAPSHOT.md): a load that writes every table's snapshot
  /// into a fresh folder, then a load that reads them (per table, and all).
  private func snapshotFigures(_ source: SourceFile) throws -> [Figure] {
    let cache = SnapshotCache(folder: "\(out)-snapshots", programVersion: "playloop-bench")
    try? FileManager.default.removeItem(atPath: cache.folder)
    defer { try? FileManager.default.removeItem(atPath: cache.folder) }
    let (written, writing) = Probe.measure { try? open(source, reuse: nil, cache: cache).get().dataset.loads }
    guard let written, written.allSatisfy({ $0.snapshot == .written(.missing) }) else {
      throw BenchError("the snapshots could not be written to \(cache.folder): \(written?.map(\.snapshot) ?? [])")
    }
    let (read, reading) = Probe.measure { try? open(source, reuse: nil, cache: cache).get().dataset.loads }
    guard let read, read.allSatisfy({ $0.snapshot == .read }) else {
      throw BenchError("the snapshots were not read back: \(read?.map(\.snapshot) ?? [])")
    }
    var figures = [
      Figure(
        phase: "load, writing snapshots", cost: writing, throughput: mbps(data.totalBytes, writing.milliseconds),
        unit: "MB/s")
    ]
    for table in read {
      figures.append(
        Figure(
          phase: "load \(table.table) from its snapshot",
          cost: PhaseCost(milliseconds: table.milliseconds, peakBytes: reading.peakBytes),
          throughput: mbps(table.bytes, table.milliseconds), unit: "MB/s"))
    }
    figures.append(
      Figure(
        phase: "load from snapshots (all)", cost: reading, throughput: mbps(data.totalBytes, reading.milliseconds),
        unit: "MB/s"))
    return figures
  }

  private func open(
    _ source: SourceFile, reuse: Dataset?, progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil
  ) throws -> Result<Workspace, BenchError> {
    do {
      if let reuse {
        let (playbook, syntax) = PlaybookParser.parse(source)
        return .success(
          try Workspace.open(
            playbook: playbook, source: source, baseDirectory: data.directory, warnings: syntax, reuse: reuse))
      }
      return .success(
        try Workspace.open(source: source, baseDirectory: data.directory, progress: progress, cache: cache))
    } catch {
      let text = DiagnosticRenderer(sources: [source.path: source.text]).render(error.diagnostics)
      return .failure(BenchError(text))
    }
  }

  private func mbps(_ bytes: Int, _ ms: Double) -> Double { Double(bytes) / 1e6 / max(ms / 1000, 1e-9) }
  private func perSecond(_ count: Int, _ ms: Double) -> Double { Double(count) / max(ms / 1000, 1e-9) }
}

extension Figure {
  init(phase: String, cost: PhaseCost) { self.init(phase: phase, cost: cost, throughput: nil, unit: nil) }
}
