import PlaybookLanguage

/// A `:command` that cannot be understood, with the usage to show.
public struct CommandUsageError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Parses `:command` lines into `ShellCommand`s.
public enum CommandParser {
  /// Parses one line starting with `:`. Arguments are separated by spaces; a file name
  /// with spaces can be written in double quotes.
  public static func parse(_ line: String) throws(CommandUsageError) -> ShellCommand {
    var words = split(line.drop(while: \.isWhitespace))
    guard let first = words.first, first.hasPrefix(":"), first.count > 1 else {
      throw CommandUsageError("expected a command after ':'; type :help for the list")
    }
    let name = String(first.dropFirst())
    words.removeFirst()
    guard let spec = CommandCatalog.spec(named: name) else {
      let names = CommandCatalog.commands.map(\.name)
      let hint = NearNames.didYouMean(":" + name, in: names.map { ":" + $0 })
      throw CommandUsageError("unknown command ':\(name)'; " + (hint ?? "type :help for the list"))
    }
    func usage(_ problem: String) -> CommandUsageError {
      CommandUsageError("\(problem)\nusage: \(spec.usage)")
    }
    func arity(_ range: ClosedRange<Int>) throws(CommandUsageError) {
      if words.count < range.lowerBound { throw usage("missing argument") }
      if words.count > range.upperBound {
        throw usage("unexpected argument '\(words[range.upperBound])'")
      }
    }
    switch name {
    case "help":
      try arity(0...1)
      let topic = words.first.map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }
      if let topic, CommandCatalog.spec(named: topic) == nil {
        let hint = NearNames.didYouMean(topic, in: CommandCatalog.commands.map(\.name))
        throw CommandUsageError("no command named '\(topic)'" + (hint.map { "; " + $0 } ?? ""))
      }
      return .help(topic)
    case "load":
      try arity(1...1)
      return .load(words[0])
    case "save":
      try arity(1...1)
      return .save(words[0])
    case "rules":
      try arity(0...0)
      return .rules
    case "show":
      try arity(1...1)
      return .show(words[0])
    case "drop":
      try arity(1...1)
      return .drop(words[0])
    case "run":
      try arity(0...0)
      return .run
    case "explain":
      try arity(1...2)
      return .explain(customer: words[0], rule: words.count > 1 ? words[1] : nil)
    case "customer":
      try arity(1...1)
      return .customer(words[0])
    case "sample":
      try arity(1...2)
      guard let count = Int(words[0]), count > 0 else {
        throw usage("expected a positive number of customers, got '\(words[0])'")
      }
      return .sample(count: count, of: words.count > 1 ? words[1] : nil)
    case "as-of":
      try arity(1...1)
      return .asOf(words[0])
    case "export":
      try arity(0...2)
      var directory: String?
      var format: ShellCommand.ExportFormat?
      for (index, word) in words.enumerated() {
        if let f = ShellCommand.ExportFormat(rawValue: word), index == words.count - 1 {
          format = f
        } else if index == 0 {
          directory = word
        } else {
          throw usage("expected csv or jsonl, got '\(word)'")
        }
      }
      return .export(directory: directory, format: format)
    case "test":
      try arity(0...0)
      return .test
    case "quit":
      try arity(0...0)
      return .quit
    default:
      preconditionFailure("catalog command ':\(name)' has no parser")
    }
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
