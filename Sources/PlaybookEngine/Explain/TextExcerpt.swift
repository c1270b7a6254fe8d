import Foundation
import PlaybookLanguage

/// The sentence of a long text (a call transcript, a ticket body) around the word a
/// `contains` condition found, with that word marked: `…"I'm thinking of «switching» to
/// another shop."…` — what a support agent needs instead of the whole text.
enum TextExcerpt {
  /// Longest excerpt, in characters, before it is cut around the word.
  static let width = 100

  /// The sentence around the earliest of `needles` in `text` (letter case ignored),
  /// with the word it falls in marked «…»; nil when none occurs.
  static func around(_ needles: [String], in text: String) -> String? {
    let found = needles.compactMap { $0.isEmpty ? nil : text.range(of: $0, options: .caseInsensitive) }
    guard let first = found.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
    var word = first
    while word.lowerBound > text.startIndex, isWordCharacter(text[text.index(before: word.lowerBound)]) {
      word = text.index(before: word.lowerBound)..<word.upperBound
    }
    while word.upperBound < text.endIndex, isWordCharacter(text[word.upperBound]) {
      word = word.lowerBound..<text.index(after: word.upperBound)
    }
    var start = word.lowerBound
    while start > text.startIndex, !endsSentence(text, before: start) { start = text.index(before: start) }
    var end = word.upperBound
    while end < text.endIndex, !".!?\n".contains(text[end]) { end = text.index(after: end) }
    if end < text.endIndex, text[end] != "\n" { end = text.index(after: end) }
    // A quoted sentence keeps its closing quote.
    while end < text.endIndex, "\"'”’)".contains(text[end]) { end = text.index(after: end) }
    var before = String(text[start..<word.lowerBound])
    var after = String(text[word.upperBound..<end])
    // A sentence too long to read at a glance is cut around the word.
    let room = max(20, (width - text[word].count) / 2)
    if before.count > room { before = "…" + before.suffix(room) }
    if after.count > room { after = after.prefix(room) + "…" }
    if start > text.startIndex, !before.hasPrefix("…") { before = "…" + before }
    if end < text.endIndex, !after.hasSuffix("…") { after += "…" }
    let excerpt = before + "«" + text[word] + "»" + after
    return excerpt.split(whereSeparator: \.isNewline).joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
  }

  private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" }

  /// Whether a sentence starts at `index`: after `. `, `! `, `? ` or a line break.
  private static func endsSentence(_ text: String, before index: String.Index) -> Bool {
    let previous = text[text.index(before: index)]
    if previous == "\n" { return true }
    guard previous == " ", index > text.index(after: text.startIndex) else { return false }
    return ".!?".contains(text[text.index(index, offsetBy: -2)])
  }
}

extension Explainer {
  /// For a `contains` condition on a text: the sentence around what it found; nil for
  /// other conditions and when nothing was found.
  func excerpt(_ c: CompiledExpr, _ frame: Frame) -> String? {
    let needles: [Expr]
    switch c.expr.kind {
    case .contains(_, let needle): needles = [needle]
    case .containsAny(_, let list): needles = list
    default: return nil
    }
    let words = needles.compactMap { needle -> String? in
      if case .string(let literal) = needle.kind { return literal.value }
      return nil
    }
    guard let haystack = c.children.first, let text = ValueText.text(of: haystack, frame: frame) else { return nil }
    return TextExcerpt.around(words, in: text)
  }
}
