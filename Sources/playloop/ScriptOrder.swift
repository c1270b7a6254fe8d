import PlaybookShell

/// `-c` and `-f` run in the order they are given, as psql runs them. The argument parser
/// keeps each option's values in order but not how the two interleave, so the order of
/// the options is read from the arguments themselves.
enum ScriptOrder {
  /// The scripts of `commands` (`-c`) and `files` (`-f`), in the order of `arguments`.
  /// When the arguments cannot be matched to the values (an unusual spelling), the
  /// files come first.
  static func scripts(commands: [String], files: [String], arguments: [String]) -> [ShellStartup.Script] {
    var kinds: [Bool] = []  // true for -c
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      let argument = arguments[index]
      if ["-c", "--command", "-f", "--file"].contains(argument) {
        kinds.append(argument == "-c" || argument == "--command")
        index += 1  // the value, whatever it looks like
      } else if argument.hasPrefix("--command=") || argument.hasPrefix("--file=") {
        kinds.append(argument.hasPrefix("--command="))
      }
      index += 1
    }
    guard kinds.count(where: { $0 }) == commands.count, kinds.count(where: { !$0 }) == files.count else {
      return files.map(ShellStartup.Script.file) + commands.map(ShellStartup.Script.command)
    }
    var nextCommand = commands.makeIterator()
    var nextFile = files.makeIterator()
    return kinds.compactMap { isCommand in
      isCommand ? nextCommand.next().map(ShellStartup.Script.command) : nextFile.next().map(ShellStartup.Script.file)
    }
  }
}
