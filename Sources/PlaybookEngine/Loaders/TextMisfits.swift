import PlaybookLanguage

/// Whether a column one chunk found text is text only because of some values: the
/// types the other values share, how many fit them and how many not, and the first
/// that did not. Tallied only once a column's votes run out (`ColumnTyper`), so a typed
/// column costs nothing; the chunks' tallies combine into the column's `TextReason`.
struct TextMisfits: Sendable {
  /// The types every fitting value fits; `.all` while none has been seen.
  var fitting: TypeVotes = .all
  /// Non-null values that fit `fitting`, and those that do not.
  var fits = 0
  var misfits = 0
  /// The chunk row of the first value that did not fit, and its text; -1 when none.
  var firstRow = -1
  var firstText = ""
  /// Too many misfits for a column of one type with a few stray values.
  var gaveUp = false

  /// A chunk whose `fits` non-null values all fit `votes` (nothing, when read untyped).
  init(fitting votes: TypeVotes = .all, fits: Int = 0) {
    fitting = votes
    self.fits = fits
  }

  /// Misfits past this many more than the fits mean a text column, whatever follows:
  /// a real text column stops being tallied after this many rows.
  private static let lead = 1_000

  /// The tally of a column whose votes `before` the value at `row` left empty, the
  /// `fitsBefore` non-null values before it all fitting them: the rest of the chunk is
  /// judged against what the fitting values share.
  static func tally<Spans: RandomAccessCollection<FieldSpan>>(
    _ spans: Spans, bytes: UnsafeBufferPointer<UInt8>, misfitAt row: Int, before: TypeVotes, fitsBefore: Int
  ) -> TextMisfits {
    var tally = TextMisfits(fitting: before, fits: fitsBefore)
    for (index, span) in spans.enumerated().dropFirst(row) where !span.isNull {
      let field = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<span.end])
      let votes = span.escaped ? [] : TypeVotes.judge(field, kind: span.kind, within: tally.fitting).votes
      let fitting = tally.fitting.intersection(votes)
      if index != row, !fitting.isEmpty {
        tally.fitting = fitting
        tally.fits += 1
        continue
      }
      if tally.firstRow < 0 {
        tally.firstRow = index
        tally.firstText = String(decoding: field, as: UTF8.self)
      }
      tally.misfits += 1
      if tally.misfits * 2 > spans.count || tally.misfits > tally.fits + lead {
        tally.gaveUp = true
        break
      }
    }
    return tally
  }

  /// Why a column whose chunks are `chunks` (in file order) is text: the first value
  /// that kept it from the type most of its values share; nil when most values share
  /// none, or it is text for another reason. `line` gives a chunk row's file line.
  static func reason(_ chunks: [TextMisfits], file: String, line: (_ chunk: Int, _ row: Int) -> Int) -> TextReason? {
    var fitting = TypeVotes.all
    var fits = 0
    var misfits = 0
    for chunk in chunks {
      if chunk.gaveUp { return nil }
      if chunk.fits > 0 { fitting.formIntersection(chunk.fitting) }
      fits += chunk.fits
      misfits += chunk.misfits
    }
    guard misfits > 0, fits > misfits, !fitting.isEmpty,
      let k = chunks.firstIndex(where: { $0.firstRow >= 0 })
    else { return nil }
    let first = DataValue(chunks[k].firstText, file: file, line: line(k, chunks[k].firstRow))
    return .misfit(wouldBe: fitting.inferredType, first: first, count: misfits)
  }
}
