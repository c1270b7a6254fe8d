import Foundation
import PlaybookEngine
import PlaybookLanguage

/// A `:command` that cannot be understood, with the usage to show.
struct CommandUsageError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, with the command's usage.
  var message: String
  /// An error saying `message`.
  init(_ message: String) { self.message = message }
  /// The message.
  var description: String { message }
}

/// Parses `:command` lines into `ShellCommand`s.
enum CommandParser {
  /// Parses one line starting with `:`. Arguments are separated by spaces; a file name
  /// with spaces can be written in double quotes.
  static func parse(_ line: String) throws(CommandUsageError) -> ShellCommand {
    var words = split(line.drop(while: \.isWhitespace))
    guard let first = words.first, first.hasPrefix(":"), first.count > 1 else {
      throw CommandUsageError("expected a command after ':'; type :help for the list")
    }
    words.removeFirst()
    let spec = try CommandCatalog.resolve(String(first.dropFirst()))
    // `:explain … with STATEMENTS`: the statements are playbook text, kept as typed.
    if spec.name == "explain", let with = line.range(of: " with ") {
      let statements = line[with.upperBound...].trimmingCharacters(in: .whitespaces)
      guard !statements.isEmpty else {
        throw CommandArguments(words: [], spec: spec).usage("expected statements after 'with'")
      }
      let head = try CommandArguments(
        words: Array(split(line[..<with.lowerBound].drop(while: \.isWhitespace)).dropFirst()), spec: spec
      )
      .words(1...2)
      return .explain(customer: head[0], rule: head.dropFirst().first, with: statements)
    }
    return try command(spec, CommandArguments(words: words, spec: spec))
  }

  /// The command `spec` describes, with its arguments read.
  private static func command(
    _ spec: CommandSpec, _ arguments: CommandArguments
  ) throws(CommandUsageError) -> ShellCommand {
    switch spec.name {
    case "help": return .help(try helpTopic(arguments))
    case "load": return .load(try arguments.one())
    case "save": return try save(arguments)
    case "rules": return try arguments.none(.rules)
    case "show": return .show(try arguments.one())
    case "drop": return .drop(try arguments.one())
    case "run": return try arguments.none(.run)
    case "explain":
      let words = try arguments.words(1...2)
      return .explain(customer: words[0], rule: words.dropFirst().first)
    case "customer": return .customer(try arguments.one())
    case "sample": return try sample(arguments)
    case "as-of": return .asOf(try arguments.one())
    case "export": return try export(arguments)
    case "test": return try arguments.none(.test)
    case "describe": return .describe(try arguments.words(0...1).first)
    case "edit": return .edit(try arguments.words(0...1).first)
    case "check": return try arguments.none(.check)
    case "quit": return try arguments.none(.quit)
    case "mode": return .mode(try mode(arguments))
    case "x": return .expanded(try expanded(arguments))
    case "pager": return .pager(try onOff(arguments))
    case "decisions": return try decisions(arguments)
    case "diff": return try diff(arguments)
    case "report": return .report(try arguments.words(0...1).first)
    case "undo": return try arguments.none(.undo)
    case "redo": return try arguments.none(.redo)
    default: preconditionFailure("catalog command ':\(spec.name)' has no parser")
    }
  }

  /// `:help [TOPIC]`: a command (with or without its colon) or a language topic (`as of`).
  private static func helpTopic(_ arguments: CommandArguments) throws(CommandUsageError) -> String? {
    let words = try arguments.words(0...2)
    guard !words.isEmpty else { return nil }
    let topic = words.joined(separator: " ")
    guard Help.knows(topic) else { throw CommandUsageError(Help.unknown(topic)) }
    return topic
  }

  /// `:save [--force] [FILE]`.
  private static func save(_ given: CommandArguments) throws(CommandUsageError) -> ShellCommand {
    let force = given.all.contains("--force")
    let arguments = CommandArguments(words: given.all.filter { $0 != "--force" }, spec: given.spec)
    return .save(try arguments.words(0...1).first, force: force)
  }

  /// `:sample N [RULE|SEGMENT|OFFER] [seed S]`, N a positive count.
  private static func sample(_ given: CommandArguments) throws(CommandUsageError) -> ShellCommand {
    let (arguments, seed) = try given.taking("seed", as: "a seed") { UInt64($0) }
    let words = try arguments.words(1...2)
    guard let count = Int(words[0]), count > 0 else {
      throw arguments.usage("expected a positive number of customers, got '\(words[0])'")
    }
    return .sample(count: count, of: words.dropFirst().first, seed: seed ?? SeededSample.defaultSeed)
  }

  /// `:export [--preview] [--new-holdout] [DIR] [FORMAT]`: a last word that is an export format is the format.
  private static func export(_ given: CommandArguments) throws(CommandUsageError) -> ShellCommand {
    let preview = given.all.contains("--preview")
    let newHoldout = given.all.contains("--new-holdout")
    let flags: Set = ["--preview", "--new-holdout"]
    let arguments = CommandArguments(words: given.all.filter { !flags.contains($0) }, spec: given.spec)
    let words = try arguments.words(0...2)
    var directory: String?
    var format: ExportFormat?
    for (index, word) in words.enumerated() {
      if let f = ExportFormat(rawValue: word), index == words.count - 1 {
        format = f
      } else if index == 0 {
        directory = word
      } else {
        throw arguments.usage(ExportFormat.unknown(word))
      }
    }
    return .export(directory: directory, format: format, preview: preview, newHoldout: newHoldout)
  }

  /// `:diff [saved|FILE|last-run] [--out FILE.csv]`.
  private static func diff(_ given: CommandArguments) throws(CommandUsageError) -> ShellCommand {
    var words = given.all
    var out: String?
    if let flag = words.firstIndex(of: "--out") {
      guard flag + 1 < words.count else { throw given.usage("--out needs a file name") }
      out = words[flag + 1]
      words.removeSubrange(flag...(flag + 1))
    }
    let against = try CommandArguments(words: words, spec: given.spec).words(0...1).first
    return .diff(against: against, out: out)
  }

  /// Splits on whitespace, keeping double-quoted words (without their quotes) whole.
  static func split(_ text: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var inQuotes = false
    var hasWord = false
    for character in text {
      if character == "\"" {
        inQuotes.toggle()
        hasWord = true
      } else if character.isWhitespace, !inQuotes {
        if hasWord { words.append(current) }
        current = ""
        hasWord = false
      } else {
        current.append(character)
        hasWord = true
      }
    }
    if hasWord { words.append(current) }
    return words
  }
}
