/// "Did you mean …?": the candidate closest to a mistyped word.
public enum NearNames {
  /// `did you mean 'within'?` for the candidate closest to `word`, if one is close: the
  /// one way every layer words the suggestion.
  public static func didYouMean<S: Sequence<String>>(_ word: String, in candidates: S) -> String? {
    closest(to: word, in: candidates).flatMap { didYouMean([$0]) }
  }

  /// `did you mean 'C-1', 'C-2'?` for names already chosen; nil when there are none.
  public static func didYouMean(_ names: [String]) -> String? {
    names.isEmpty ? nil : "did you mean \(names.map { "'\($0)'" }.joined(separator: ", "))?"
  }

  /// The candidate with the smallest edit distance to `word` (case-insensitive), if it
  /// is close enough to be a likely typo: at most a third of the word's length, and at
  /// least 1. Ties go to the earliest candidate, so results are deterministic.
  public static func closest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
    let target = Array(word.lowercased())
    let limit = max(1, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let d = distance(target, Array(candidate.lowercased()))
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// The edit distance between two words, case-insensitively (see `distance` below).
  public static func distance(_ a: String, _ b: String) -> Int {
    distance(Array(a.lowercased()), Array(b.lowercased()))
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and
  /// swaps of two adjacent characters each cost 1 (`withn` → `within` is 1).
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
