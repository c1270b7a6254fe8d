import PlaybookLanguage
import PlaybookReporting

/// What `:help` prints: the commands, a command's usage, or a language topic.
enum Help {
  /// `:help` alone: the commands, then the language topics and where the docs are;
  /// `:help TOPIC`: a command's help (`:load`, `load`), then the language's section of
  /// the same name (`load`, `rule`, `when`). A leading colon asks for the command only.
  static func text(_ topic: String?, width: Int?) -> String {
    guard let topic else {
      let shortened = TextWrap.lines(
        "A command may be shortened to a start no other command shares: :q, :h, :expl.", width: width ?? Int.max)
      return CommandCatalog.overview(width: width) + "\n" + shortened.joined(separator: "\n") + "\n\n"
        + LanguageHelp.overview(width: width)
    }
    let command = try? CommandCatalog.resolve(topic.hasPrefix(":") ? String(topic.dropFirst()) : topic)
    let language = topic.hasPrefix(":") ? nil : LanguageHelp.topic(topic)
    let commandHelp = command.map { CommandCatalog.help(for: $0, width: width) }
    let languageHelp = language.map { LanguageHelp.text($0, width: width) }
    return [commandHelp, languageHelp].compactMap { $0 }.joined(separator: "\n\n")
  }

  /// The words `:help` takes, for completion: the commands, then the language topics.
  static let topicWords: [String] = {
    let commands = CommandCatalog.commands.map(\.name)
    return commands + LanguageHelp.topics.map(\.name).filter { !$0.contains(" ") && !commands.contains($0) }
  }()

  /// Whether `:help TOPIC` has something to say.
  static func knows(_ topic: String) -> Bool {
    (try? CommandCatalog.resolve(topic.hasPrefix(":") ? String(topic.dropFirst()) : topic)) != nil
      || (!topic.hasPrefix(":") && LanguageHelp.topic(topic) != nil)
  }

  /// The error for a topic `:help` does not know, with the nearest name.
  static func unknown(_ topic: String) -> String {
    let names = CommandCatalog.commands.map(\.name) + LanguageHelp.topics.map(\.name)
    let hint = NearNames.didYouMean(topic, in: names)
    return "no command or language topic '\(topic)'" + (hint.map { "; " + $0 } ?? "; type :help for the list")
  }
}
