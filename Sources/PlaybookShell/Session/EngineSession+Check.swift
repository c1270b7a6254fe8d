import Foundation
import PlaybookEngine
import PlaybookLanguage

extension EngineSession {
  /// Makes a playbook that does not check the session's, as its text: its errors are
  /// shown, commands that need a checked playbook refuse, and `:edit` opens the text.
  func keepBroken(_ source: SourceFile, diagnostics: [Diagnostic], path: String) -> ShellOutput {
    document = SessionDocument()
    accept(Checked(model: Self.emptyModel, workspace: nil, reloaded: true, diagnostics: []))
    broken = BrokenPlaybook(source: source, diagnostics: diagnostics)
    loadedPath = path
    baseDirectory = Self.folder(of: path)
    clockOverride = nil
    lastRun = nil
    hasUnsavedChanges = false
    var output = brokenDiagnostics()
    output.blocks.append(.message("\(path) has errors: :edit fixes them, :check shows them again"))
    return output
  }

  /// The declarations of an empty playbook.
  static var emptyModel: PlaybookModel {
    PlaybookChecker.declarations(of: Playbook(), file: SessionDocument.name).0
  }

  /// A broken playbook's diagnostics, rendered against its text.
  func brokenDiagnostics() -> ShellOutput {
    guard let broken else { return .empty }
    return Self.blocks(
      broken.diagnostics, DiagnosticRenderer(sources: [broken.source.path: broken.source.text], color: color))
  }

  /// `:check`: a broken playbook's errors again; otherwise the playbook checked again as
  /// it is now, its warnings, and what it holds.
  func checkAgain() -> ShellOutput {
    if broken != nil { return brokenDiagnostics() }
    let checked = check(document.playbook, text: document.text)
    var output = rendered(checked.diagnostics + Self.workspaceWarnings(checked), pending: nil)
    if !output.failed {
      output.blocks.append(
        .message(
          "the playbook checks: \(plural(checked.model.rules.count, "rule")), "
            + "\(plural(checked.model.offers.count, "offer")), \(plural(checked.model.tests.count, "test"))"))
    }
    return output
  }
}

extension EngineSession {
  /// Comments typed on lines of their own join the document (`:save` keeps them, before
  /// whatever statement is typed after them); nothing needs checking.
  func keepComments(_ parsed: SessionDocument.Parsed) -> ShellOutput {
    guard !parsed.comments.isEmpty else { return .empty }
    document.playbook.comments += parsed.comments
    document.append(parsed.chunk)
    hasUnsavedChanges = true
    return .empty
  }
}
