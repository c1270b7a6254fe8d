import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// The warnings found with the data rather than by the checker alone: `missing_message`
  /// (a rule sends an offer with message lines by a channel the offer has no `message`
  /// line for) and `unknown_zone_values` (customers whose zone this machine does not
  /// know). `:load` and `:check` show them all; a statement typed shows those on its own
  /// lines (`in`), so the rule just typed is told at once and other statements typed later
  /// are not told again.
  static func workspaceWarnings(_ checked: Checked, in chunk: SessionDocument.Chunk? = nil) -> [Diagnostic] {
    workspaceWarnings(checked.workspace).filter { warning in
      chunk.map { $0.contains(documentLine: warning.range?.start.line ?? 0) } ?? true
    }
  }

  static func workspaceWarnings(_ workspace: Workspace?) -> [Diagnostic] {
    (workspace?.warnings ?? []).filter { [.missingMessage, .unknownZoneValues].contains($0.code) }
  }
}
