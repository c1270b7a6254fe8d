import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// The `missing_message` warnings of a checked playbook: a rule sends an offer with
  /// message lines by a channel the offer has no `message` line for. `:check` shows them
  /// all; a statement typed shows those on its own lines (`in`), so the rule just typed is
  /// told at once and other statements typed later are not told again.
  static func messageWarnings(_ checked: Checked, in chunk: SessionDocument.Chunk? = nil) -> [Diagnostic] {
    (checked.workspace?.warnings ?? []).filter { warning in
      warning.code == .missingMessage
        && (chunk.map { $0.contains(documentLine: warning.range?.start.line ?? 0) } ?? true)
    }
  }
}
