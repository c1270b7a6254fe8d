import PlaybookLanguage

/// How one undeclared column's values voted (`TypeVotes`): per candidate type, how many
/// non-null values do not fit it, and which rows those are. A column takes a type most
/// of its values fit (type by majority, see `inferredType`); the rows that misfit it
/// are set aside, so one bad value never turns a column of numbers into text.
///
/// Counts stop at `limit + 1`: past `limit` misfits a type is out whatever the other
/// chunks hold, and its values are no longer tested (`live`). So chunks can be tallied
/// apart and `combined` in any split with the same result.
struct TypeTally: Sendable {
  /// Most misfits a column's type may have (and at most 1% of its non-null values).
  static let limit = 1000
  /// The candidate types, in the order a tie between them is broken (most specific first).
  static let candidates: [TypeVotes] = [.integer, .decimal, .date, .timestamp, .boolean]

  /// A row of the chunk whose value misfits at least one type still live when judged,
  /// with the types it fits (of those live) and its span, to quote it.
  struct Misfit: Sendable {
    var row: Int32
    var votes: TypeVotes
    var span: FieldSpan
  }

  /// The non-null values tallied.
  var values = 0
  /// Misfits per candidate, in `candidates` order; at most `limit + 1`.
  private var counts: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
  /// The candidates with at most `limit` misfits: only these are still tested.
  private(set) var live = TypeVotes.types
  /// The votes every value tallied cast (with the day/month orders of year-last dates,
  /// which say why a column of them is text).
  var every = TypeVotes.all
  /// The rows that misfit a live type, in row order (at most `limit + 1` per type).
  private(set) var misfits: [Misfit] = []

  /// Counts a value at `row` that fits `votes` (of the live types) and not `missed`
  /// (the live types it lacks, not empty).
  @inline(never)
  mutating func miss(_ missed: TypeVotes, fitting votes: TypeVotes, row: Int, span: FieldSpan) {
    misfits.append(Misfit(row: Int32(truncatingIfNeeded: row), votes: votes, span: span))
    for (i, type) in Self.candidates.enumerated() where missed.contains(type) {
      let count = self[i] + 1
      self[i] = count
      if count > Self.limit { live.remove(type) }
    }
  }

  private subscript(i: Int) -> Int {
    get {
      switch i {
      case 0: counts.0
      case 1: counts.1
      case 2: counts.2
      case 3: counts.3
      default: counts.4
      }
    }
    set {
      switch i {
      case 0: counts.0 = newValue
      case 1: counts.1 = newValue
      case 2: counts.2 = newValue
      case 3: counts.3 = newValue
      default: counts.4 = newValue
      }
    }
  }

  /// The tallies of a column's chunks as one (without their rows).
  static func combined(_ tallies: some Sequence<TypeTally>) -> TypeTally {
    var total = TypeTally()
    for tally in tallies {
      total.values += tally.values
      for i in candidates.indices { total[i] = min(total[i] + tally[i], limit + 1) }
      total.live.formIntersection(tally.live)
      total.every.formIntersection(tally.every)
    }
    return total
  }

  /// The type of a column with this tally: of the candidates that at most `limit` and
  /// at most 1% of its non-null values misfit, the one fewest misfit, the most specific
  /// on a tie (so a column whose values all fit gets the type it always did). Text when
  /// none qualifies, or every value is null.
  var inferredType: ColumnType {
    guard values > 0 else { return .text }
    var best: (type: TypeVotes, misfits: Int)?
    for (i, type) in Self.candidates.enumerated() where live.contains(type) {
      let misfits = self[i]
      guard misfits <= Self.limit, misfits * 100 <= values else { continue }
      if best == nil || misfits < best!.misfits { best = (type, misfits) }
    }
    switch best?.type {
    case .integer?: return .integer
    case .decimal?: return .decimal
    case .date?: return .date
    case .timestamp?: return .timestamp
    case .boolean?: return .boolean
    default: return .text
    }
  }
}
