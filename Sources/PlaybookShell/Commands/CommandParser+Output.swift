import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension CommandParser {
  /// `:mode [MODE]`: one of the table modes, with a did-you-mean for a typo.
  static func mode(_ arguments: CommandArguments) throws(CommandUsageError) -> TableMode? {
    guard let word = try arguments.words(0...1).first else { return nil }
    guard let mode = TableMode(rawValue: word.lowercased()) else {
      let names = TableMode.allCases.map(\.rawValue)
      let hint = NearNames.didYouMean(word, in: names) ?? "expected " + names.joined(separator: ", ")
      throw arguments.usage("unknown mode '\(word)'; \(hint)")
    }
    return mode
  }

  /// `on` or `off` (nil when absent), as `:x` and `:pager` take.
  static func onOff(_ arguments: CommandArguments) throws(CommandUsageError) -> Bool? {
    switch try arguments.words(0...1).first?.lowercased() {
    case nil: return nil
    case "on": return true
    case "off": return false
    case let word?: throw arguments.usage("expected on or off, got '\(word)'")
    }
  }

  /// `:x [on|off|auto]`.
  static func expanded(_ arguments: CommandArguments) throws(CommandUsageError) -> ExpandedDisplay? {
    guard let word = try arguments.words(0...1).first else { return nil }
    guard let display = ExpandedDisplay(rawValue: word.lowercased()) else {
      throw arguments.usage("expected on, off or auto, got '\(word)'")
    }
    return display
  }

  /// `:decisions [OFFER] [STATUS] [limit N]`: a word naming a status is the status, any
  /// other the offer (the session checks it is one).
  static func decisions(_ given: CommandArguments) throws(CommandUsageError) -> ShellCommand {
    let (arguments, limit) = try given.taking("limit", as: "a positive number") {
      Int($0).flatMap { $0 > 0 ? $0 : nil }
    }
    var offer: String?
    var status: DecisionStatus?
    for word in try arguments.words(0...2) {
      if let named = DecisionStatus(rawValue: word), status == nil {
        status = named
      } else if offer == nil {
        offer = word
      } else {
        let statuses = DecisionStatus.allCases.map(\.rawValue)
        for typo in [word, offer ?? ""] {
          if let hint = NearNames.didYouMean(typo, in: statuses) {
            throw arguments.usage("unknown status '\(typo)'; \(hint)")
          }
        }
        throw arguments.usage("expected one offer and one status, got '\(offer ?? "")' and '\(word)'")
      }
    }
    return .decisions(offer: offer, status: status, limit: limit)
  }
}
