import PlaybookLanguage

extension CommandCatalog {
  /// Short names that stay theirs whatever commands are added: psql's `\q`, `\h`.
  static let abbreviations = ["q": "quit", "exit": "quit", "h": "help", "?": "help"]

  /// The command `name` (without the colon) means: its own name, an abbreviation, or
  /// the start of exactly one command's name (`:expl` is `:explain`). An unknown name is
  /// an error naming the nearest command; a start shared by several lists them.
  static func resolve(_ name: String) throws(CommandUsageError) -> CommandSpec {
    if let spec = spec(named: abbreviations[name] ?? name) { return spec }
    let candidates = name.isEmpty ? [] : commands.filter { $0.name.hasPrefix(name) }
    if candidates.count == 1 { return candidates[0] }
    if candidates.count > 1 {
      let listed = candidates.map { ":" + $0.name }.joined(separator: ", ")
      throw CommandUsageError("ambiguous command ':\(name)': it starts \(listed)")
    }
    let hint = NearNames.didYouMean(":" + name, in: commands.map { ":" + $0.name })
    throw CommandUsageError("unknown command ':\(name)'; " + (hint ?? "type :help for the list"))
  }
}
