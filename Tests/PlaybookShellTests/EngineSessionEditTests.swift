import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookShell

/// `:edit`'s loop on the real session with a scripted editor: what each round of editing
/// does to the buffer, and the answers to "edit again?".
@Suite struct EngineSessionEditTests {
  /// An editor that applies one change per round, in order, and answers from a list.
  final class ScriptedEditor: EditorLauncher {
    var rounds: [(String) -> String]
    var answers: [Bool]
    /// What the editor was opened on, each round.
    var opened: [String] = []
    var shown: [ShellOutput] = []

    init(_ rounds: [(String) -> String], answers: [Bool] = []) {
      self.rounds = rounds
      self.answers = answers
    }

    func edit(file path: String) -> String? {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8), !rounds.isEmpty else {
        return "no round left"
      }
      opened.append(text)
      try? rounds.removeFirst()(text).write(toFile: path, atomically: true, encoding: .utf8)
      return nil
    }

    func show(_ output: ShellOutput) { shown.append(output) }

    func confirm(_ question: String) -> Bool { answers.isEmpty ? false : answers.removeFirst() }
  }

  func session() -> EngineSession {
    let session = EngineSession(now: { Fixtures.clock })
    #expect(!session.run(.load(Repository.serviceRecovery)).failed)
    return session
  }

  func replacing(_ old: String, _ new: String) -> (String) -> String {
    { $0.replacingOccurrences(of: old, with: new) }
  }

  @Test func theBufferReopensOnTheTextThatFailedUntilItChecks() {
    let session = session()
    let editor = ScriptedEditor(
      [replacing("within 4h", "withn 8h"), replacing("withn", "within")], answers: [true])
    let output = session.edit("quick_fix_thanks", using: editor)
    // The edit is one edit like a typed one: its impact on the decisions follows.
    #expect(output.blocks.first == .message("replaced rule quick_fix_thanks"))
    #expect(output.blocks.contains(.message("THANKS10  send 7 → 8 (+1)\n1 customer gains an offer, 0 lose one")))
    #expect(editor.opened.count == 2)
    #expect(editor.opened[0].hasPrefix("rule quick_fix_thanks priority 5\n  when complaint resolved within 4h"))
    #expect(editor.opened[1].contains("withn 8h"), "the second round opens on the person's text")
    #expect(editor.shown.count == 1 && editor.shown[0].failed)
    #expect(session.hasUnsavedChanges)
  }

  @Test func sayingNoOrLeavingTheBufferAsItWasChangesNothing() {
    let session = session()
    let no = ScriptedEditor([replacing("within 4h", "withn 8h")], answers: [false])
    #expect(session.edit("quick_fix_thanks", using: no) == .message("edit dropped; the playbook is as it was"))
    let unchanged = ScriptedEditor([replacing("within 4h", "withn 8h"), { $0 }], answers: [true])
    #expect(
      session.edit("quick_fix_thanks", using: unchanged) == .message("edit dropped; the playbook is as it was"))
    #expect(session.edit(nil, using: ScriptedEditor([{ _ in "" }])) == .message("no change"))
    #expect(!session.hasUnsavedChanges)
  }

  @Test func renamingInTheEditorAddsTheStatementAndSaysTheOldOneIsStillThere() {
    let session = session()
    let output = session.edit("vip", using: ScriptedEditor([replacing("segment vip", "segment gold")]))
    #expect(
      output
        == ShellOutput([
          .message("added segment gold"), .message("no change in decisions"),
          .message("segment vip is still there, unchanged; :drop vip removes it"),
        ]))
  }

  @Test func aTestIsFoundByItsNameAndAScriptCannotEdit() {
    let session = session()
    let editor = ScriptedEditor([{ $0 }])
    #expect(session.edit("audiences", using: editor) == .message("no change"))
    #expect(editor.opened.first?.hasPrefix("test \"audiences\"\n") == true)
    #expect(session.edit("audiences", using: nil).failed)
    #expect(session.edit("nope", using: editor).failed)
  }
}
