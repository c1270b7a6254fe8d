import PlaybookLanguage

/// A typed line whose first word starts no statement, read for the habits people bring
/// from psql, sqlite3 and duckdb before the parser reports it: `exit` and `quit` leave,
/// as in psql; `\q`, `.mode csv`, `help` and the like are errors that name the shell's
/// own command.
enum StrayLine: Equatable {
  /// `exit` or `quit` alone on the line.
  case leave
  /// Another shell's way of saying something: the error to show, whose hint gives ours.
  case habit(DiagnosticMessage)

  /// Other shells' commands with no same-named command here, and what to type instead.
  private static let habits: [String: String] = [
    "\\q": ":quit", "\\quit": ":quit", ".quit": ":quit", ".exit": ":quit", "q": ":quit",
    "help": ":help", "\\?": ":help", "\\h": ":help", "?": ":help",
    ".mode": ":mode", "\\pset": ":mode", "\\x": ":x",
    ".open": ":load", ".read": ":load", "\\i": ":load", "\\ir": ":load",
    ".tables": ":describe", ".schema": ":describe", "\\d": ":describe", "\\dt": ":describe",
  ]

  /// Settings other shells have that this one does without, and why.
  private static let needless: [String: String] = [
    ".timer": "timings are always shown", "\\timing": "timings are always shown",
    ".headers": "tables always show their headers",
  ]

  /// What `text` (one typed line) means, or nil when it is not another shell's habit
  /// (the parser then reports it, with a statement word to suggest).
  static func read(_ text: String) -> StrayLine? {
    let words = text.split(whereSeparator: \.isWhitespace)
    // A comment typed at the prompt is kept with the statement it comes before.
    guard let first = words.first.map(String.init), !first.hasPrefix("#") else { return nil }
    let rest = words.dropFirst().joined(separator: " ")
    if words.count == 1, ["exit", "quit"].contains(first.lowercased()) { return .leave }
    if let reason = needless[first] { return .habit(.unknownStatement(first, hint: reason)) }
    let command =
      habits[first]
      ?? (first.hasPrefix(".") || first.hasPrefix("\\") ? knownCommand(String(first.dropFirst())) : nil)
      ?? (CommandCatalog.spec(named: first) != nil ? ":" + first : nil)
    if let command {
      let typed = rest.isEmpty ? command : command + " " + rest
      return .habit(.unknownStatement(first, hint: "shell commands start with ':': " + didYouMean(typed)))
    }
    if first.hasPrefix(".") || first.hasPrefix("\\") {
      return .habit(.unknownStatement(first, hint: "shell commands start with ':'; type :help for the list"))
    }
    return misspeltCommand(first)
  }

  /// `exti` → `:quit`, `rnu` → `:run`: a word near no statement word (the parser names
  /// those) but near `exit`, `quit`, `help` or a command's name.
  private static func misspeltCommand(_ word: String) -> StrayLine? {
    let grammarWords = PlaybookGrammar.statementWords + PlaybookGrammar.continuationWords
    // A grammar word out of place (`quiet` with no channel above) is the parser's to report.
    guard !grammarWords.contains(word), NearNames.closest(to: word, in: grammarWords) == nil else { return nil }
    let names = ["exit": "quit", "quit": "quit", "help": "help"].merging(
      CommandCatalog.commands.map { ($0.name, $0.name) }
    ) { first, _ in first }
    // `exit now` is not a misspelling of anything: the parser reports it.
    guard names[word] == nil, let near = NearNames.closest(to: word, in: names.keys.sorted()), let command = names[near]
    else {
      return nil
    }
    return .habit(.unknownStatement(word, hint: didYouMean(":" + command)))
  }

  private static func didYouMean(_ typed: String) -> String { NearNames.didYouMean([typed]) ?? typed }

  /// `:NAME` when `name` is a command or the unique start of one (`.mode` → `:mode`).
  private static func knownCommand(_ name: String) -> String? {
    (try? CommandCatalog.resolve(name)).map { ":" + $0.name }
  }
}
