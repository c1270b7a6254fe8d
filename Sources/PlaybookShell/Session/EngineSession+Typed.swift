import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// Typed statements with their paths made relative to the playbook's folder: paths
  /// typed at the prompt are relative to the current folder.
  func rebased(_ statements: [Statement]) -> [Statement] {
    let base = baseDirectory
    return statements.map { statement in
      RelativePath.same(".", base)
        ? statement : statement.mappingPaths { RelativePath.rebase($0, from: ".", to: base) }
    }
  }

  /// The session's playbook with `typed` added, each replacing the statement in its slot
  /// (and that statement's comments), and what changed: `replaced rule x`, `added offer Y`.
  func merging(_ typed: [Statement]) -> (Playbook, changes: [String]) {
    var playbook = document.playbook
    let changes = playbook.merge(typed)
    return (playbook, changes)
  }

  /// What checking finds wrong with typed text that also has syntax errors, so that one
  /// round reports it all (a misspelt phrase, and the unknown offer and channel beside
  /// it). The playbook with what parsed, and the rules and tests rebuilt from their
  /// sound lines, is checked; its errors on typed lines without a syntax error are kept.
  /// A rebuilt statement's first line is left out: what it lacks (`has no send`) is the
  /// broken line's.
  func alsoWrong(_ parsed: SessionDocument.Parsed) -> [Diagnostic] {
    let typed = rebased(parsed.statements + parsed.recovered)
    guard !typed.isEmpty else { return [] }
    let checked = check(merging(typed).0, text: document.text(appending: parsed.chunk))
    let broken = Set(parsed.diagnostics.compactMap { $0.range?.start.line })
      .union(parsed.recovered.map(\.range.start.line))
    return checked.diagnostics.filter { diagnostic in
      guard diagnostic.severity == .error, diagnostic.file == SessionDocument.name,
        let line = diagnostic.range?.start.line
      else { return false }
      return parsed.chunk.contains(documentLine: line) && !broken.contains(line)
    }
  }
}
