import PlaybookLanguage

extension Workspace {
  /// The playbook at `path` with `statements` (playbook text, one or more statements)
  /// joined as the shell joins typed ones: each replaces the statement defining the same
  /// thing, or is added. The file is not changed. Diagnostics point into the file's text
  /// followed by the statements, under the file's name, so a mistake in the statements
  /// is shown on its own line. Also returns what changed (`replaced rule x`).
  /// `progress` is told of each table loaded.
  public static func open(
    path: String, whatIf statements: String, strict: Bool = false, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil
  ) throws(Failure) -> (Workspace, changes: [String]) {
    let (file, base) = try read(path)
    let separator = file.text.isEmpty || file.text.hasSuffix("\n") ? "" : "\n"
    let firstAdded =
      file.text.split(separator: "\n", omittingEmptySubsequences: false).count
      + (separator.isEmpty ? 0 : 1)
    let source = SourceFile(path: path, text: file.text + separator + statements + "\n")
    let (parsed, syntax) = PlaybookParser.parse(source)
    if syntax.contains(where: { $0.severity == .error }) {
      throw Failure(diagnostics: syntax, source: source)
    }
    var playbook = parsed
    let added = playbook.statements.filter { $0.range.start.line >= firstAdded }
    playbook.statements.removeAll { $0.range.start.line >= firstAdded }
    let changes = playbook.merge(added)
    let workspace = try open(
      playbook: playbook, source: source, baseDirectory: base, strict: strict, maxSetAside: maxSetAside,
      warnings: syntax, progress: progress)
    return (workspace, changes)
  }
}
