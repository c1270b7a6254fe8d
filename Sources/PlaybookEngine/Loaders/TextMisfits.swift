import PlaybookLanguage

/// Whether a column one chunk found text is text only because of some values: per
/// candidate type, how many values fit it, how many not, and the first that did not.
/// Tallied only for a chunk whose votes ran out (`ColumnTyper`), so a typed column costs
/// nothing; the chunks' tallies combine into the column's `TextReason`.
struct TextMisfits: Sendable {
  /// One candidate type's count in a chunk.
  struct Tally: Sendable {
    var fits = 0
    var misfits = 0
    /// The chunk row of the first value that did not fit, and its text; -1 when none.
    var firstRow = -1
    var firstText = ""
  }

  /// The candidate types, most specific first: the order a tie is broken in.
  static let candidates: [(votes: TypeVotes, type: ColumnType)] = [
    (.integer, .integer), (.decimal, .decimal), (.date, .date), (.timestamp, .timestamp), (.boolean, .boolean),
  ]

  /// Per candidate, its tally; nil where a value of a chunk typed without a tally did
  /// not fit it (it cannot be the column's type).
  var tallies: [Tally?]
  /// No candidate came near most of the chunk's values: the column is plain text.
  var gaveUp = false

  /// A chunk whose `fits` non-null values all fit `votes` (nothing, when read untyped).
  init(fitting votes: TypeVotes = .all, fits: Int = 0) {
    tallies = Self.candidates.map { votes.contains($0.votes) ? Tally(fits: fits) : nil }
  }

  /// Misfits past this many more than the fits mean a text column, whatever follows:
  /// a real text column stops being tallied after this many rows.
  private static let lead = 1_000

  /// The tally of a chunk's column whose votes ran out: every non-null value judged
  /// against every candidate, until none can be most of the chunk.
  static func tally<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>
  ) -> TextMisfits {
    tally(spans, bytes: bytes, rows: spans.count)
  }

  /// The tally of a chunk whose first rows are `spans`, when it gives up within them
  /// however many rows the chunk has (nil otherwise): no more of the chunk need be read
  /// for it (`ColumnTyper` writes such a column's text as it is read). A tally that
  /// gives up on the lead alone gives up at that row at the latest once the chunk's row
  /// count is known too, and a tally that gave up says nothing more (`reason`).
  static func givingUp(within spans: UnsafeBufferPointer<FieldSpan>, bytes: UnsafeBufferPointer<UInt8>)
    -> TextMisfits?
  {
    let result = tally(spans, bytes: bytes, rows: nil)
    return result.gaveUp ? result : nil
  }

  /// `tally` over a chunk of `rows` rows, nil when not known: only the lead ends it then.
  private static func tally<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, rows: Int?
  ) -> TextMisfits {
    // More misfits than half the rows end the tally; with the rows unknown, none do.
    let half = rows.map { $0 / 2 } ?? Int.max
    var result = TextMisfits(fitting: .all, fits: 0)
    var tallies = [Tally](repeating: Tally(), count: candidates.count)
    for (row, span) in spans.enumerated() where !span.isNull {
      let field = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
      // Escapes only occur in text.
      let votes = span.escaped ? [] : TypeVotes.judge(field, kind: span.kind, within: .all).votes
      for c in candidates.indices {
        if votes.contains(candidates[c].votes) {
          tallies[c].fits += 1
          continue
        }
        tallies[c].misfits += 1
        if tallies[c].firstRow < 0 {
          tallies[c].firstRow = row
          tallies[c].firstText = String(decoding: field, as: UTF8.self)
        }
      }
      if tallies.allSatisfy({ $0.misfits > half || $0.misfits > $0.fits + lead }) {
        result.gaveUp = true
        break
      }
    }
    result.tallies = tallies
    return result
  }

  /// Why a column whose chunks are `chunks` (in file order) is text: the first value
  /// that kept it from the type most of its values fit (the one most fit, the most
  /// specific on a tie); nil when no type has most values, or none is tallied. `line`
  /// gives a chunk row's file line.
  static func reason(_ chunks: [TextMisfits], file: String, line: (_ chunk: Int, _ row: Int) -> Int) -> TextReason? {
    if chunks.contains(where: \.gaveUp) { return nil }
    var best: (candidate: Int, fits: Int, misfits: Int)?
    for c in candidates.indices {
      var fits = 0
      var misfits = 0
      for chunk in chunks {
        guard let tally = chunk.tallies[c] else {
          misfits = -1  // a typed chunk holds a value that does not fit: never this type
          break
        }
        fits += tally.fits
        misfits += tally.misfits
      }
      guard misfits > 0, fits > misfits, fits > best?.fits ?? 0 else { continue }
      best = (c, fits, misfits)
    }
    guard let best, let k = chunks.firstIndex(where: { ($0.tallies[best.candidate]?.firstRow ?? -1) >= 0 }),
      let first = chunks[k].tallies[best.candidate]
    else { return nil }
    return .misfit(
      wouldBe: candidates[best.candidate].type,
      first: DataValue(first.firstText, file: file, line: line(k, first.firstRow)), count: best.misfits)
  }
}
