import PlaybookLanguage
import PlaybookReporting
import PlaybookShell

/// A session for testing the shell loop: records what it is given and answers from a
/// script of replies.
final class RecordingSession: ShellSession {
  var statements: [TypedStatement] = []
  var commands: [ShellCommand] = []
  var hasUnsavedChanges = false
  var vocabulary = ShellVocabulary(rules: ["quick_fix_thanks"])
  /// Statements whose text contains this are rejected with an error.
  var rejecting = "withn"

  func add(_ statement: TypedStatement, sourceName: String) -> ShellOutput {
    if statement.text.contains(rejecting) {
      return .error("\(sourceName):\(statement.firstLine): error: unknown phrase '\(rejecting)'", kind: .playbook)
    }
    statements.append(statement)
    hasUnsavedChanges = true
    return .message("added \(statement.text.prefix { $0 != "\n" })")
  }

  func run(_ command: ShellCommand) -> ShellOutput {
    commands.append(command)
    switch command {
    case .save:
      hasUnsavedChanges = false
      return .message("saved")
    case .rules:
      return ShellOutput([
        .table(TextTable(headers: ["rule", "priority"], rows: [["quick_fix_thanks", "5"]]))
      ])
    case .load(let file) where file.hasPrefix("missing"): return .error("cannot read \(file)", kind: .input)
    case .load:
      hasUnsavedChanges = false
      return .empty
    default: return .empty
    }
  }
}

/// Lines from an array, as if typed; `nil` stands for Ctrl-C.
final class ScriptedLines: LineSource {
  private var lines: [String?]
  private(set) var prompts: [String] = []
  private(set) var remembered: [String] = []

  init(_ lines: [String?]) { self.lines = lines }

  func read(prompt: String) -> LineRead {
    prompts.append(prompt)
    guard !lines.isEmpty else { return .end }
    return lines.removeFirst().map(LineRead.line) ?? .interrupted
  }

  func remember(_ entry: String) { remembered.append(entry) }
}

/// Collects what the shell prints.
final class CapturedOutput: @unchecked Sendable {
  var out = ""
  var err = ""
  var printer: ShellPrinter {
    ShellPrinter(out: { self.out += $0 }, err: { self.err += $0 })
  }
}
