import PlayloopTestSupport

/// Deterministic mutations of seed inputs: bytes flipped, inserted, deleted and
/// repeated, and values swapped for the ones that break readers and arithmetic
/// (huge numbers, the ends of time, quotes, line breaks, invalid UTF-8).
struct Mutator {
  var rng: SeededGenerator

  init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  /// Bytes that mean something to a CSV, JSON or playbook reader.
  static let specialBytes: [UInt8] = Array(",\"\n\r\t;|{}[]:\\# .-+*/%".utf8) + [0, 0x80, 0xC3, 0xEF, 0xFF]

  /// Values that have crashed or stressed readers and arithmetic.
  static let hostileValues: [String] = [
    "99999999999999999999", "9223372036854775807", "-9223372036854775808", "9007199254740993", "1e309",
    "-0", "0.0000000000000000001", "NaN", "inf", "", "\"\"", "null", "0000-01-01", "9999-12-31T23:59:59Z",
    "2026-02-30", "2026-11-01T25:00:00Z", "2026-11-01T00:00:00+14:00", "\u{FEFF}", "\u{1B}[31m", "é", "🚀",
    "522857w", "522858w", "15250000000000w", "0s", "1d12h", "100%", "101%", "true", "yes", "\"a\"\"b\"",
  ]

  /// Literals a playbook may hold where a number, duration, percent or time stands.
  static let hostileLiterals: [String] = [
    "9007199254740992", "9007199254740993", "99999999999999999999", "0", "1", "0.5", "522857w", "522858w",
    "15250000000000w", "0s", "1s", "1d12h", "100%", "0%", "101%", "0000-01-01", "9999-12-31T23:59:59Z",
    "2026-11-01T00:00:00+14:00",
  ]

  mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

  /// `bytes` with 1 to 8 random edits.
  mutating func mutateBytes(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    for _ in 0..<int(1..<9) {
      let at = out.isEmpty ? 0 : int(0..<out.count + 1)
      switch int(0..<7) {
      case 0 where !out.isEmpty: out[min(at, out.count - 1)] ^= UInt8(1 << int(0..<8))
      case 1: out.insert(pick(Self.specialBytes), at: at)
      case 2 where !out.isEmpty:
        let end = min(out.count, at + int(1..<64))
        out.removeSubrange(min(at, end)..<end)
      case 3 where !out.isEmpty:
        let start = min(at, out.count - 1)
        let end = min(out.count, start + int(1..<200))
        out.insert(contentsOf: out[start..<end], at: int(0..<out.count + 1))
      case 4: out.insert(contentsOf: Array(pick(Self.hostileValues).utf8), at: at)
      case 5: out = Array(out.prefix(at))
      default: out.insert(contentsOf: Array(repeating: pick(Self.specialBytes), count: int(1..<40)), at: at)
      }
    }
    return out
  }

  /// `text` with 1 to 4 word-level edits: a number, duration or word replaced by a
  /// hostile value or another word of the text, a line dropped or repeated.
  mutating func mutateWords(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0..<int(1..<3) where !lines.isEmpty {
      let l = int(0..<lines.count)
      var words = lines[l].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      switch int(0..<8) {
      case 0, 1, 2, 3:
        // Literals swapped for others mostly keep the playbook valid, so the engine runs.
        let targets = lines.indices.flatMap { line in
          lines[line].split(separator: " ", omittingEmptySubsequences: false).indices.map { (line, $0) }
        }.filter { line, word in
          lines[line].split(separator: " ", omittingEmptySubsequences: false)[word].first?.isNumber == true
        }
        guard let (line, word) = targets.isEmpty ? nil : pick(targets) else { continue }
        var changed = lines[line].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        changed[word] = chance(90) ? pick(Self.hostileLiterals) : pick(Self.hostileValues)
        lines[line] = changed.joined(separator: " ")
      case 4:
        let others = lines.flatMap { $0.split(separator: " ").map(String.init) }
        if !others.isEmpty { words[int(0..<words.count)] = pick(others) }
        lines[l] = words.joined(separator: " ")
      case 5: lines.remove(at: l)
      case 6: lines.insert(lines[l], at: int(0..<lines.count + 1))
      default:
        words.insert(
          pick(["*", "+", "-", "/", "(", ")", "and", "or", "not", "in", "1d", "now"]), at: int(0..<words.count + 1))
        lines[l] = words.joined(separator: " ")
      }
    }
    return lines.joined(separator: "\n")
  }
}
