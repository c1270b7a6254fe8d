import Foundation
import PlaybookLanguage

extension EngineSession {
  /// `:edit [NAME]`: the statement named (or the whole playbook) in the editor, in a
  /// temporary file. What comes back is checked as a typed statement is (`add`, so it is
  /// one edit like any other); while it has errors they are shown and, unless the person
  /// says no, the editor opens again on their text. An unchanged or empty buffer changes
  /// nothing. `editor` is nil in a script, which cannot edit.
  public func edit(_ name: String?, using editor: (any EditorLauncher)?) -> ShellOutput {
    guard let editor else {
      return failure(.usage(":edit needs a terminal", hint: "in a script, type the statement again to replace it"))
    }
    let draft: String
    var original: Statement?
    if let name {
      if let broken { return failure(.playbookHasErrors(broken.errorCount)) }
      guard let statement = statement(named: name) else { return unknownName(name) }
      original = statement
      draft = PlaybookFormatter.format(
        Playbook(statements: [statement], comments: document.comments(within: statement.range)))
    } else {
      draft = broken?.source.text ?? formatted(inFolder: baseDirectory)
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "playloop-edit-\(getpid())-\(name.map(Self.fileSafe) ?? "playbook").playbook"
    ).path
    defer { try? FileManager.default.removeItem(atPath: file) }
    var text = draft
    while true {
      do {
        try text.write(toFile: file, atomically: true, encoding: .utf8)
      } catch {
        return failure(.writeFailed(file, reason: error.localizedDescription))
      }
      if let problem = editor.edit(file: file) {
        return failure(.usage("the editor did not finish: \(problem)", hint: "set $VISUAL or $EDITOR"))
      }
      let edited = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
      if edited == text || edited.allSatisfy(\.isWhitespace) {
        return .message(text == draft ? "no change" : "edit dropped; the playbook is as it was")
      }
      // A whole-playbook edit is one step for `:undo`; fixing a broken playbook starts
      // the history (what it replaced never checked).
      let output =
        name == nil
        ? editing(startsHistory: broken != nil) { replacePlaybook(with: edited) }
        : add(TypedStatement(text: edited.trimmingTrailingLineBreaks, firstLine: 1), sourceName: "<edit>")
      if !output.failed { return output + renameNote(original) }
      editor.show(output)
      guard editor.confirm("edit again? [Y/n] ") else {
        return .message("edit dropped; the playbook is as it was")
      }
      text = edited
    }
  }

  /// When the edit named the statement otherwise, the original is still there: say so.
  func renameNote(_ original: Statement?) -> ShellOutput {
    guard let original, let name = original.name ?? original.testName,
      let now = statement(named: name), Structure(now) == Structure(original)
    else { return .empty }
    // `:drop` takes the names of statements other than tests.
    let drop = original.name.map { "; :drop \($0) removes it" } ?? ""
    return .message("\(original.slot) is still there, unchanged\(drop)")
  }

  /// The statement `:edit NAME` opens: a rule, segment, offer, channel or definition by
  /// name, or a test by its name.
  func statement(named name: String) -> Statement? {
    document.playbook.statements.first { ($0.name ?? $0.testName) == name }
  }

  /// Replaces the whole playbook with `text` (`:edit` without a name) when it checks;
  /// the data is read again only when its `load` statements changed.
  func replacePlaybook(with text: String) -> ShellOutput {
    let (playbook, syntax) = PlaybookParser.parse(SourceFile(path: SessionDocument.name, text: text))
    let edited = SessionDocument(file: "<edit>", text: text, playbook: playbook)
    let render = { edited.render($0, color: self.color, fallbackName: "<edit>") }
    if syntax.contains(where: { $0.severity == .error }) { return Self.blocks(syntax, rendering: render) }
    let checked = check(playbook, text: edited.text)
    let diagnostics = syntax + checked.diagnostics
    var output = Self.blocks(diagnostics, rendering: render)
    if output.failed { return output }
    document = edited
    broken = nil
    accept(checked)
    hasUnsavedChanges = true
    output.blocks.append(.message("replaced the playbook: \(plural(playbook.statements.count, "statement"))"))
    return output
  }

  /// A name as part of a file name.
  private static func fileSafe(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }.prefix(40))
  }
}

extension Statement {
  /// A test's name; nil for other statements.
  fileprivate var testName: String? {
    if case .test(let test) = kind { test.name.value } else { nil }
  }
}

extension ShellOutput {
  /// The blocks of both, in order.
  fileprivate static func + (a: ShellOutput, b: ShellOutput) -> ShellOutput { ShellOutput(a.blocks + b.blocks) }
}

extension String {
  /// The text without the line breaks at its end.
  fileprivate var trimmingTrailingLineBreaks: String {
    var text = self
    while text.last?.isNewline == true { text.removeLast() }
    return text
  }
}
