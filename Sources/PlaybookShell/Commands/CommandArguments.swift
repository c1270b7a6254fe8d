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
