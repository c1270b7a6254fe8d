import PlaybookReporting

/// The result of completing the word before the cursor: what could replace it, and so
/// what Tab should insert or list.
public struct Completion: Equatable, Sendable {
  /// The partial word before the cursor that the candidates extend.
  public var word: String
  /// Whole replacements for `word`, each starting with it, sorted and unique.
  public var candidates: [String]
  /// Appended after a single complete candidate: a space after a word, a closing quote
  /// after a quoted file name, nothing after a directory or `row.`.
  public var terminator: String
  /// True for file paths, whose listing shows only the last path component.
  public var isPath: Bool

  /// A completion of `word`: `candidates` not starting with `word` are dropped, the rest
  /// sorted and made unique.
  public init(word: String, candidates: [String], terminator: String = " ", isPath: Bool = false) {
    self.word = word
    self.candidates = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    self.terminator = terminator
    self.isPath = isPath
  }

  /// Nothing to complete.
  public static func none(_ word: String = "") -> Completion {
    Completion(word: word, candidates: [])
  }

  /// The text Tab inserts at the cursor: the rest of a single candidate (plus its
  /// terminator), or the candidates' longest common extension; empty when ambiguous.
  public var insertion: String {
    guard let first = candidates.first else { return "" }
    if candidates.count == 1 {
      let rest = String(first.dropFirst(word.count))
      return first.hasSuffix("/") || first.hasSuffix(".") ? rest : rest + terminator
    }
    var common = Substring(first)
    for candidate in candidates.dropFirst() {
      common = common.commonPrefix(with: candidate)
    }
    return String(common.dropFirst(word.count))
  }

  /// What to show when Tab cannot decide: the candidates, paths by their last component.
  public var listing: [String] {
    guard isPath else { return candidates }
    return candidates.map { candidate in
      let trimmed = candidate.hasSuffix("/") ? candidate.dropLast() : Substring(candidate)
      let name = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
      return String(name) + (candidate.hasSuffix("/") ? "/" : "")
    }
  }
}

extension Substring {
  fileprivate func commonPrefix(with other: String) -> Substring {
    var end = startIndex
    var otherIndex = other.startIndex
    while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
      end = index(after: end)
      otherIndex = other.index(after: otherIndex)
    }
    return self[startIndex..<end]
  }
}

extension Completion {
  /// At most this many candidates are listed; a longer list says how many more.
  static let listingLimit = 100

  /// The listing laid out in columns, row by row, within `width`.
  public func formatListing(width: Int) -> String {
    let names = Array(listing.prefix(Self.listingLimit))
    let columnWidth = (names.map(\.displayWidth).max() ?? 0) + 2
    let perRow = max(1, width / max(columnWidth, 1))
    return stride(from: 0, to: names.count, by: perRow).map { start in
      names[start..<min(start + perRow, names.count)].map { name in
        name + String(repeating: " ", count: columnWidth - name.displayWidth)
      }.joined().trimmingTrailingWhitespace()
    }.joined(separator: "\n")
      + (candidates.count > names.count ? "\n(and \(candidates.count - names.count) more)" : "")
  }
}
