/// A command's argument words, read against how many the command takes; a wrong count
/// is an error that shows the command's usage.
struct CommandArguments {
  let all: [String]
  let spec: CommandSpec

  init(words: [String], spec: CommandSpec) {
    self.all = words
    self.spec = spec
  }

  /// `problem`, with the command's usage below it.
  func usage(_ problem: String) -> CommandUsageError {
    CommandUsageError("\(problem)\nusage: \(spec.usage)")
  }

  /// The words, when there are `range` of them.
  func words(_ range: ClosedRange<Int>) throws(CommandUsageError) -> [String] {
    if all.count < range.lowerBound { throw usage("missing argument") }
    if all.count > range.upperBound { throw usage("unexpected argument '\(all[range.upperBound])'") }
    return all
  }

  /// The one word a command takes.
  func one() throws(CommandUsageError) -> String { try words(1...1)[0] }

  /// `command`, when no word follows it.
  func none(_ command: ShellCommand) throws(CommandUsageError) -> ShellCommand {
    _ = try words(0...0)
    return command
  }
}

extension CommandArguments {
  /// The words without `keyword VALUE` (`seed 7`, `limit 50`), and the value read by
  /// `parse`, nil when the keyword is absent; `what` names the value in the error.
  func taking<Value>(
    _ keyword: String, as what: String, _ parse: (String) -> Value?
  ) throws(CommandUsageError) -> (CommandArguments, Value?) {
    guard let index = all.firstIndex(of: keyword) else { return (self, nil) }
    guard index + 1 < all.count else { throw usage("expected \(what) after '\(keyword)'") }
    guard let value = parse(all[index + 1]) else {
      throw usage("expected \(what) after '\(keyword)', got '\(all[index + 1])'")
    }
    var words = all
    words.removeSubrange(index...index + 1)
    return (CommandArguments(words: words, spec: spec), value)
  }
}
