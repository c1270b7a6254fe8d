import PlaybookLanguage

extension Workspace {
  /// The playbook at `path` with `statements` (playbook text, one or more statements)
  /// joined as the shell joins typed ones: each replaces the statement defining the same
  /// thing, or is added; a rule may be typed on one line (`OneLineRule`). The file is not
  /// changed. Diagnostics point into the file's text followed by the statements, under
  /// the file's name, so a mistake in the statements is shown on its own line. Also
  /// returns what changed (`replaced rule x`). `progress` is told of each table loaded;
  /// `cache` keeps the tables' snapshots.
  public static func open(
    path: String, whatIf statements: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil
  ) throws(Failure) -> (Workspace, changes: [String]) {
    let joined = try WhatIf(path: path, statements: statements)
    let workspace = try open(
      playbook: joined.playbook, source: joined.source, baseDirectory: joined.baseDirectory, strict: strict,
      maxSetAside: maxSetAside, warnings: joined.warnings, progress: progress, cache: cache)
    return (workspace, joined.changes)
  }

  /// The playbook at `path` as it is (`before`) and with `statements` joined as
  /// `open(path:whatIf:)` joins them (`after`), for comparing their decisions. `after`
  /// reads `before`'s data when their `load` statements are the same (`sameData`).
  /// `progress` is told of each table loaded; `cache` keeps the tables' snapshots.
  public static func openComparing(
    path: String, whatIf statements: String, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil
  ) throws(Failure) -> (before: Workspace, after: Workspace, changes: [String], sameData: Bool) {
    let joined = try WhatIf(path: path, statements: statements)
    let before = try open(
      playbook: joined.original, source: joined.source, baseDirectory: joined.baseDirectory,
      maxSetAside: maxSetAside, warnings: joined.warnings, progress: progress, cache: cache)
    func loads(_ playbook: Playbook) -> [Structure<Statement>] {
      playbook.statements.compactMap { if case .load = $0.kind { Structure($0) } else { nil } }
    }
    let sameData = loads(joined.original) == loads(joined.playbook)
    let after = try open(
      playbook: joined.playbook, source: joined.source, baseDirectory: joined.baseDirectory,
      maxSetAside: maxSetAside, warnings: joined.warnings, reuse: sameData ? before.dataset : nil, progress: progress,
      cache: cache)
    return (before, after, joined.changes, sameData)
  }

  /// A playbook file with statements joined: the text both are read from, the playbook
  /// before and after, and what changed.
  private struct WhatIf {
    var source: SourceFile
    var baseDirectory: String
    var original: Playbook
    var playbook: Playbook
    var changes: [String]
    var warnings: [Diagnostic]

    init(path: String, statements: String) throws(Failure) {
      let (file, base) = try read(path)
      let separator = file.text.isEmpty || file.text.hasSuffix("\n") ? "" : "\n"
      let firstAdded =
        file.text.split(separator: "\n", omittingEmptySubsequences: false).count
        + (separator.isEmpty ? 0 : 1)
      source = SourceFile(path: path, text: file.text + separator + OneLineRule.laidOut(statements) + "\n")
      let (parsed, syntax) = PlaybookParser.parse(source)
      if syntax.contains(where: { $0.severity == .error }) {
        throw Failure(diagnostics: syntax, source: source)
      }
      var playbook = parsed
      let added = playbook.statements.filter { $0.range.start.line >= firstAdded }
      playbook.statements.removeAll { $0.range.start.line >= firstAdded }
      original = playbook
      changes = playbook.merge(added)
      self.playbook = playbook
      baseDirectory = base
      warnings = syntax
    }
  }
}
