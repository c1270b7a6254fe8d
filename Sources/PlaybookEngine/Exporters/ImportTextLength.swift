import PlaybookLanguage

/// Subjects and messages longer than a sending tool's text field (`ImportTool.textLimit`),
/// which its import clips without a word: said once per offer and part.
enum ImportTextLength {
  /// One warning per offer and part (subject, message) that some `send` has longer than
  /// `tool`'s limit, naming how many; none for a tool without one.
  static func warnings(_ decisions: [Decision], tool: ImportTool) -> [Diagnostic] {
    guard let limit = tool.textLimit else { return [] }
    var found: [String: Int] = [:]
    var order: [String] = []
    // Most decisions have no message: that test comes first.
    for i in decisions.indices where decisions[i].texts != nil && decisions[i].status == .send {
      for (part, text) in [("subject", decisions[i].subject), ("message", decisions[i].message)] {
        guard let text, text.utf8.count > limit else { continue }
        let key = "\(decisions[i].offer)'s \(part)"
        if found[key] == nil { order.append(key) }
        found[key, default: 0] += 1
      }
    }
    return order.map { key in
      Diagnostic(.importTextClipped(key, customers: found[key] ?? 0, tool: tool.name, bytes: limit), file: nil)
    }
  }
}
