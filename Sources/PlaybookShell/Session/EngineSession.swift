import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// The shell's session on the real engine: the playbook being edited, its data, the
/// clock, and the last run (so `:run` after an edit re-evaluates only what changed).
///
/// The playbook is kept as statements (from a loaded file and from what was typed) in a
/// `SessionDocument`. Every change is checked as a whole before it is kept: a statement
/// that does not parse or check is reported against the text that was typed and leaves
/// the session as it was.
public final class EngineSession: ShellSession {
  var document = SessionDocument()
  /// The playbook's declarations (always known, even before any data is loaded).
  var model: PlaybookModel
  /// The checked playbook with its data; nil until the playbook loads customers.
  var workspace: Workspace?
  /// Bumped whenever the data is (re)loaded, so runs never mix candidates across data.
  var dataVersion = 0
  /// `:as-of`, over the playbook's `as of`.
  var clockOverride: Int64?
  var lastRun: IncrementalRun?
  /// The loaded file, for messages; nil when the session started empty.
  var loadedPath: String?
  /// Relative paths in the playbook resolve against this folder.
  var baseDirectory = "."
  /// The share of a table's rows that may be set aside before a warning (`--max-set-aside`).
  public var maxSetAside = SetAsideLimit.standard
  /// Where loads keep the tables' snapshots (`--cache`); nil reads every file.
  public var cache: SnapshotCache?
  /// A loaded playbook that does not check, kept as its text for `:edit`; nil otherwise.
  var broken: BrokenPlaybook?
  /// True when statements changed since the playbook was last loaded or saved.
  public internal(set) var hasUnsavedChanges = false
  /// Bumped whenever a checked playbook is kept, so an edit can tell it changed something.
  var revision = 0
  /// The edits `:undo` and `:redo` step through.
  var editHistory = EditHistory()

  let now: () -> Int64
  let color: Bool
  /// The progress line while a command loads or evaluates; its stop is Ctrl-C.
  let progress: ProgressDisplay
  private var vocabularyCache: ShellVocabulary?
  private var customerIDCache: (version: Int, ids: [String])?

  /// - Parameters:
  ///   - now: the current time, for a playbook without `as of` and for `:as-of now`.
  ///   - color: ANSI colours in diagnostics (decide with `DiagnosticRenderer.usesColor`).
  ///   - progress: where to draw the progress line of long work (nil: nowhere), once it
  ///     has run `progressDelay` nanoseconds.
  public init(
    now: @escaping () -> Int64, color: Bool = false, progress: ProgressDisplay.Output? = nil,
    progressDelay: UInt64 = 500_000_000
  ) {
    self.now = now
    self.color = color
    self.progress = ProgressDisplay(output: progress, delay: progressDelay, stop: { Interrupt.requested })
    model = Self.emptyModel
  }

  /// The evaluation clock: `:as-of`, else the playbook's `as of`, else now.
  var clock: Int64 { clockOverride ?? model.clock ?? now() }

  /// How diagnostics without a place name the session.
  var displayName: String { loadedPath ?? "<shell>" }

  // MARK: Statements

  /// Parses, checks and adds (or replaces by name) one typed statement; `sourceName` names
  /// the input in diagnostics. On an error the session keeps its playbook as it was;
  /// otherwise the change in decisions is shown, and `:undo` takes it back.
  public func add(_ statement: TypedStatement, sourceName: String) -> ShellOutput {
    if let broken { return failure(.playbookHasErrors(broken.errorCount)) }
    defer { progress.finish() }
    return editing { adding(statement, sourceName: sourceName) }
  }

  /// `add(_:sourceName:)` without the history and the impact.
  func adding(_ statement: TypedStatement, sourceName: String) -> ShellOutput {
    let parsed = document.parse(statement, sourceName: sourceName)
    if parsed.diagnostics.contains(where: { $0.severity == .error }) {
      return rendered(PlaybookChecker.sorted(parsed.diagnostics + alsoWrong(parsed)), pending: parsed.chunk)
    }
    if parsed.statements.isEmpty { return keepComments(parsed) }
    let typed = rebased(parsed.statements)
    var (playbook, changes) = merging(typed)
    playbook.comments += parsed.comments
    let checked = check(playbook, text: document.text(appending: parsed.chunk))
    let diagnostics = parsed.diagnostics + checked.diagnostics + Self.workspaceWarnings(checked, in: parsed.chunk)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      var output = rendered(diagnostics, pending: parsed.chunk)
      // Errors only elsewhere in the playbook: the statement is fine, but what uses its
      // name is not. An error in a data file is the statement's own (its `load`).
      if errors.allSatisfy({
        $0.file == SessionDocument.name && !parsed.chunk.contains(documentLine: $0.range?.start.line ?? 0)
      }) {
        let what = typed.map(\.slot).joined(separator: ", ")
        output.blocks.insert(contentsOf: failure(.notChanged(what)).blocks, at: 0)
      }
      return output
    }
    document.playbook = playbook
    document.append(parsed.chunk)
    accept(checked)
    hasUnsavedChanges = true
    var output = rendered(diagnostics, pending: nil)
    output.blocks += changes.map { .message($0) }
    output.blocks += audiences(of: typed)
    return output
  }

  /// With data loaded, each rule typed is evaluated at once (only it, as `:run` would)
  /// and its audience shown: `quick_fix_thanks: 39 candidates (16 send, …)`.
  func audiences(of statements: [Statement]) -> [ShellOutput.Block] {
    let rules = statements.compactMap {
      if case .rule(let rule) = $0.kind { rule.name.text } else { nil }
    }
    guard workspace != nil, !rules.isEmpty else { return [] }
    Interrupt.clear()  // a Ctrl-C at the prompt is not meant for this
    guard let run = currentRun() else { return [] }
    return run.counts.byRule.filter { rules.contains($0.name) }.map { named in
      let parts = Self.shownStatuses.map { "\(named.counts[$0].grouped) \($0.rawValue)" }
      return .message(
        "\(named.name): \(plural(named.counts.total, "candidate")) (\(parts.joined(separator: ", ")))"
      )
    }
  }

  /// The outcome of checking a playbook: its model, and its workspace when it loads data.
  struct Checked {
    var model: PlaybookModel
    var workspace: Workspace?
    var reloaded: Bool
    var diagnostics: [Diagnostic]
  }

  /// Checks `playbook` (whose ranges point into `text`) as a whole, against its data
  /// when it loads customers. Data is read again only when the `load` statements changed.
  func check(_ playbook: Playbook, text: String) -> Checked {
    let (model, declared) = PlaybookChecker.declarations(of: playbook, file: SessionDocument.name)
    if declared.contains(where: { $0.severity == .error }) || model.customerTable == nil {
      return Checked(
        model: model, workspace: nil, reloaded: workspace != nil, diagnostics: declared)
    }
    let reuse = workspace.flatMap { current in
      Self.loadStatements(current.model.playbook) == Self.loadStatements(playbook)
        ? current.dataset : nil
    }
    do {
      let workspace = try Workspace.open(
        playbook: playbook, source: SourceFile(path: SessionDocument.name, text: text),
        baseDirectory: baseDirectory, maxSetAside: maxSetAside, reuse: reuse, progress: progress,
        cache: cache)
      return Checked(
        model: workspace.model, workspace: workspace, reloaded: reuse == nil,
        diagnostics: declared.filter { $0.severity != .error })
    } catch {
      return Checked(model: model, workspace: nil, reloaded: false, diagnostics: error.diagnostics)
    }
  }

  /// Keeps a checked playbook as the session's.
  func accept(_ checked: Checked) {
    model = checked.model
    workspace = checked.workspace
    if checked.reloaded { dataVersion += 1 }
    revision += 1
    vocabularyCache = nil
  }

  /// The `load` statements' structure: the data is read again only when it changes.
  static func loadStatements(_ playbook: Playbook) -> [Structure<Statement>] {
    playbook.statements.compactMap { statement in
      guard case .load = statement.kind else { return nil }
      return Structure(statement)
    }
  }

  /// Diagnostics as output blocks (`blocks(_:rendering:)`), rendered against the inputs
  /// they came from.
  func rendered(_ diagnostics: [Diagnostic], pending: SessionDocument.Chunk?) -> ShellOutput {
    Self.blocks(diagnostics) { document.render($0, pending: pending, color: color, fallbackName: displayName) }
  }

  /// Diagnostics rendered against files on disk, as output blocks.
  static func blocks(_ diagnostics: [Diagnostic], _ renderer: DiagnosticRenderer) -> ShellOutput {
    blocks(diagnostics) { $0.map { renderer.render($0) } }
  }

  /// Errors as errors, the rest as warnings: the first `DiagnosticRenderer.shownLimit`,
  /// then one block counting the rest (an error when an error is among them, so a script
  /// still stops).
  static func blocks(_ diagnostics: [Diagnostic], rendering: ([Diagnostic]) -> [String]) -> ShellOutput {
    let shown = Array(diagnostics.prefix(DiagnosticRenderer.shownLimit))
    var output = ShellOutput(zip(shown, rendering(shown)).map(Self.block))
    let rest = diagnostics.dropFirst(shown.count)
    if !rest.isEmpty {
      let line = DiagnosticRenderer.more(rest)
      let kind = rest.first { $0.severity == .error }?.code.kind
      output.blocks.append(kind.map { .error(line, kind: $0) } ?? .warning(line))
    }
    return output
  }

  /// An error as an error block (a script stops), anything else as a warning.
  private static func block(_ diagnostic: Diagnostic, _ text: String) -> ShellOutput.Block {
    diagnostic.severity == .error ? .error(text, kind: diagnostic.code.kind) : .warning(text)
  }

  // MARK: Commands

  /// Runs one `:command` against the session; `:help` and `:quit` belong to the shell
  /// and produce nothing here.
  public func run(_ command: ShellCommand) -> ShellOutput {
    defer { progress.finish() }
    if let broken, !command.worksWithErrors { return failure(.playbookHasErrors(broken.errorCount)) }
    switch command {
    case .help, .quit: return .empty  // the shell's own
    case .edit(let name): return edit(name, using: nil)  // the shell passes its editor
    case .check: return checkAgain()
    case .load(let path): return editing(startsHistory: true) { load(path) }
    case .save(let path, let force): return save(path, force: force)
    case .rules: return rules()
    case .show(let name): return show(name)
    case .drop(let name): return editing { drop(name) }
    case .run: return runCommand()
    case .explain(let customer, let rule, let statements):
      return statements.map { explain(customer, rule: rule, with: $0) } ?? explain(customer, rule: rule)
    case .customer(let id): return customer(id)
    case .sample(let count, let name, let seed): return sample(count, of: name, seed: seed)
    case .asOf(let time): return editing { asOf(time) }
    case .export(let directory, let format, let preview, let newHoldout):
      return export(to: directory, format: format, preview: preview, newHoldout: newHoldout)
    case .test: return test()
    case .describe(let table): return describe(table)
    case .mode, .expanded, .pager: return .empty  // the shell's own
    case .decisions(let offer, let status, let limit): return decisions(offer: offer, status: status, limit: limit)
    case .diff(let against, let out): return diff(against: against, out: out)
    case .report(let file): return report(to: file)
    case .undo: return undo()
    case .redo: return redo()
    }
  }

  /// A command's failure, rendered as every diagnostic is (`error: no data loaded …`).
  func failure(_ message: DiagnosticMessage) -> ShellOutput {
    rendered([Diagnostic(message, file: nil)], pending: nil)
  }

  // MARK: Completion

  /// The names completion offers now: the playbook's declarations and the loaded customer
  /// keys. Cached until the playbook or the data changes.
  public var vocabulary: ShellVocabulary {
    if let vocabularyCache { return vocabularyCache }
    let statements = model.playbook.statements
    var rowFields: [String: [String]] = [:]
    if let workspace {
      for (row, _) in model.rows {
        guard let binding = model.table(ofRow: row) else { continue }
        let table =
          binding.isCustomers ? workspace.dataset.customers : workspace.dataset.events[binding.name]
        guard let table else { continue }
        let mapped = binding.fieldColumns.keys.filter {
          table.columnIndex(binding.fieldColumns[$0] ?? $0) != nil
        }
        rowFields[row] = Array(Set(table.columns.map(\.name) + mapped)).sorted()
      }
    }
    let vocabulary = ShellVocabulary(
      rules: model.rules.map(\.rule.name.text),
      segments: statements.compactMap {
        if case .segment(let s) = $0.kind { s.name.text } else { nil }
      },
      offers: model.offers.map(\.code.text),
      channels: model.channels.map(\.name.text),
      definitions: statements.compactMap {
        if case .define(let d) = $0.kind { d.name.text } else { nil }
      },
      rowFields: rowFields, customerIDs: customerIDs(), tables: model.tables.map(\.name))
    vocabularyCache = vocabulary
    return vocabulary
  }

  /// Every customer id, read once per load of the data.
  private func customerIDs() -> [String] {
    guard let workspace else { return [] }
    if let cache = customerIDCache, cache.version == dataVersion { return cache.ids }
    let column = workspace.dataset.customerIDs
    let ids = (0..<column.count).map(column.string)
    customerIDCache = (dataVersion, ids)
    return ids
  }
}
