import Foundation
import PlaybookEngine
import PlaybookLanguage

/// Context-aware Tab completion: given the line and the cursor, what the word before the
/// cursor could become. A pure function of the line, the vocabulary and the directory
/// listing, so it is tested without a terminal.
struct Completer: Sendable {
  /// The names the session knows.
  var vocabulary: ShellVocabulary
  /// The entries of a directory by name, directories marked with a trailing `/`.
  var listDirectory: @Sendable (String) -> [String]

  /// A completer over `vocabulary`, listing directories with `listDirectory` (the real file
  /// system by default; tests pass a fixed listing).
  init(
    vocabulary: ShellVocabulary,
    listDirectory: @escaping @Sendable (String) -> [String] = Completer.fileSystemEntries
  ) {
    self.vocabulary = vocabulary
    self.listDirectory = listDirectory
  }

  /// Completes the word that ends at `cursor` (a UTF-8 offset into `line`).
  /// - Parameter continuing: the line continues an open statement, so continuation
  ///   words (`when`, `and`, `send`, …) may start it.
  func complete(_ line: String, cursor: Int, continuing: Bool = false) -> Completion {
    let utf8 = line.utf8
    let end = utf8.index(utf8.startIndex, offsetBy: min(max(cursor, 0), utf8.count))
    let before = line[..<end]
    let text = before.drop(while: \.isWhitespace)
    if text.hasPrefix(":") { return completeCommand(text) }
    if text.count(where: { $0 == "\"" }) % 2 == 1 { return completeInString(text) }
    return completeStatement(text, continuing: continuing)
  }

  // MARK: Commands

  private func completeCommand(_ text: Substring) -> Completion {
    guard let space = text.firstIndex(where: \.isWhitespace) else {
      return Completion(
        word: String(text), candidates: CommandCatalog.commands.map { ":" + $0.name })
    }
    guard
      let spec = CommandCatalog.spec(
        named: String(text[text.index(after: text.startIndex)..<space]))
    else { return .none() }
    let arguments = text[space...]
    let words = CommandParser.split(arguments)
    let endsWord = arguments.last?.isWhitespace == false
    let index = endsWord ? words.count - 1 : words.count
    let word = endsWord ? String(arguments.split(whereSeparator: \.isWhitespace).last ?? "") : ""
    guard index < spec.arguments.count else { return .none(word) }
    switch spec.arguments[index] {
    case .commandName:
      return Completion(word: word, candidates: Help.topicWords)
    case .file:
      return completePath(word)
    case .directoryOrFormat:
      var completion = completePath(word)
      if !word.contains("/") {
        completion = Completion(
          word: completion.word,
          candidates: completion.candidates + ExportFormat.allCases.map(\.rawValue),
          terminator: " ", isPath: true)
      }
      return completion
    case .customer:
      return Completion(word: word, candidates: vocabulary.customerIDs)
    case .name(let kinds):
      return Completion(word: word, candidates: vocabulary.names(kinds))
    case .format:
      return Completion(word: word, candidates: ExportFormat.allCases.map(\.rawValue))
    case .time:
      return Completion(word: word, candidates: ["now"])
    case .count:
      return .none(word)
    case .words(let choices):
      return Completion(word: word, candidates: choices)
    }
  }

  /// A word typed in double quotes: `:load "my file`, after a `load … from "` a file
  /// name (closed with the quote), otherwise a string literal, which is not completed.
  private func completePath(_ word: String) -> Completion {
    if word.hasPrefix("\"") {
      let inner = completePath(String(word.dropFirst()), terminator: "\"")
      return Completion(
        word: word, candidates: inner.candidates.map { "\"" + $0 }, terminator: "\"", isPath: true)
    }
    return completePath(word, terminator: " ")
  }

  private func completePath(_ partial: String, terminator: String) -> Completion {
    let slash = partial.lastIndex(of: "/")
    let directoryPart = slash.map { String(partial[...$0]) } ?? ""
    let namePrefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    var directory = directoryPart.isEmpty ? "." : directoryPart
    if directory.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      directory = home + directory.dropFirst()
    }
    let names = listDirectory(directory).filter { namePrefix.hasPrefix(".") || !$0.hasPrefix(".") }
    return Completion(
      word: partial, candidates: names.map { directoryPart + $0 }, terminator: terminator,
      isPath: true)
  }

  // MARK: Statements

  private func completeInString(_ text: Substring) -> Completion {
    guard let quote = text.lastIndex(of: "\"") else { return .none() }
    let words = text[..<quote].split(whereSeparator: \.isWhitespace)
    guard words.first == "load", words.last == "from" else { return .none() }
    return completePath(String(text[text.index(after: quote)...]), terminator: "\"")
  }

  private func completeStatement(_ text: Substring, continuing: Bool) -> Completion {
    let word = String(text.reversed().prefix(while: Self.isWordCharacter).reversed())
    let previous = text.dropLast(word.count).split(whereSeparator: { $0.isWhitespace })
      .map(String.init)
    if let dot = word.firstIndex(of: ".") {
      let row = String(word[..<dot])
      let fields = vocabulary.rowFields[row] ?? []
      return Completion(word: word, candidates: fields.map { row + "." + $0 })
    }
    guard let last = previous.last else {
      let starters = PlaybookGrammar.statementWords + (continuing ? PlaybookGrammar.continuationWords : [])
      return Completion(word: word, candidates: starters)
    }
    if previous.count == 1, let statement = StatementKeyword(rawValue: last), let kind = Self.definedKind[statement] {
      return Completion(word: word, candidates: vocabulary.names(kind))
    }
    switch last {
    case "send", "gets", "no", "audience":
      return Completion(
        word: word, candidates: vocabulary.offers + (last == "gets" ? ["nothing", "no"] : []))
    case "via":
      return Completion(word: word, candidates: vocabulary.channels)
    case "or" where previous.first == "send":  // the next offer of an A/B split
      return Completion(word: word, candidates: vocabulary.offers)
    case "in":
      return Completion(word: word, candidates: vocabulary.segments + ["last", "["])
    case "customer" where previous.dropLast().last == "expect":
      return Completion(word: word, candidates: vocabulary.customerIDs)
    default:
      if last.hasSuffix(","), previous.contains("via") {
        return Completion(word: word, candidates: vocabulary.channels)
      }
      let names =
        vocabulary.segments + vocabulary.definitions + vocabulary.offers
        + vocabulary.channels + Array(vocabulary.rowFields.keys)
      return Completion(word: word, candidates: PlaybookGrammar.keywords + names)
    }
  }

  /// After `rule`, `segment`, … the name being (re)defined.
  private static let definedKind: [StatementKeyword: CommandSpec.NameKinds] = [
    .rule: .rules, .segment: .segments, .offer: .offers, .channel: .channels, .define: .definitions,
  ]

  private static func isWordCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_" || c == "-" || c == "."
  }

  /// Lists a directory of the file system; unreadable directories have no entries.
  static let fileSystemEntries: @Sendable (String) -> [String] = { directory in
    let files = FileManager.default
    guard let names = try? files.contentsOfDirectory(atPath: directory) else { return [] }
    return names.map { name in
      var isDirectory: ObjCBool = false
      let path = (directory as NSString).appendingPathComponent(name)
      return files.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        ? name + "/" : name
    }
  }
}
