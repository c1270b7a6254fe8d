import PlaybookLanguage

/// Whether an event row takes part, told from the row alone before any condition is
/// evaluated: it is linked to a customer, exists at the clock, is of its row name's kind
/// (a `define`), and has a time in a window — for a rule's trigger row, a possible
/// trigger time in the rule's window; for an aggregate's `in last D`, an opening.
///
/// A trigger row's time is one of a few (docs/LANGUAGE.md, "Trigger time"): the
/// resolution for a resolved-phrase, opened + D for `open for D`, else the opening (the
/// clock when the row has none). A row none of whose possible times lies in the window
/// can never become a candidate, whatever its conditions say, so it is not evaluated:
/// in four months of tickets and a 30-day window, about three rows in four.
///
/// Plain values and pointers (valid while the trigger source or aggregate holds its
/// columns): a copy in a local stays in registers through a loop over millions of rows.
struct RowTest: @unchecked Sendable {
  let customerOf: ColumnArray<Int32>.Pointer
  /// Whether each row is of its row name's kind; nil when every row is.
  let members: ColumnArray<Bool>.Pointer?
  let opened: Lifecycle.TimeColumn?
  let resolved: Lifecycle.TimeColumn?
  let clock: Int64
  /// The window's start; nil for no window (`window all`, an aggregate without `in last`).
  let earliest: Int64?
  /// Whether a row without an opening is outside the window (an aggregate's `in last D`
  /// counts only rows opened in it) rather than in it (a trigger at the clock).
  let openingRequired: Bool
  /// Whether one of the rule's phrases triggers at the resolution.
  let atResolution: Bool
  /// Each `open for D` phrase's D, in seconds.
  let openFor: [Int64]

  /// The test for a rule with these lifecycle phrases on its trigger row, over `link`'s
  /// rows; `window` nil is `window all`.
  init(
    link: LinkIndex, members: ColumnArray<Bool>?, lifecycle: Lifecycle, phrases: [Phrase], window: Int64?
  ) {
    customerOf = link.customerOfRow.pointer
    self.members = members?.pointer
    opened = lifecycle.opened
    resolved = lifecycle.resolved
    clock = lifecycle.clock
    earliest = window.map { lifecycle.clock - $0 }
    openingRequired = false
    var atResolution = false
    var openFor: [Int64] = []
    for phrase in phrases {
      switch phrase {
      case .resolved, .resolvedWithin, .resolvedAfter: atResolution = true
      case .openFor(let d): openFor.append(d.seconds)
      // These trigger at the opening, which is tried in any case.
      case .respondedWithin, .respondedAfter, .inLast: break
      }
    }
    self.atResolution = atResolution
    self.openFor = openFor
  }

  /// The test of an aggregate's rows: with `in last D`, `since` is clock − D.
  init(link: LinkIndex, members: ColumnArray<Bool>?, lifecycle: Lifecycle, since: Int64?) {
    customerOf = link.customerOfRow.pointer
    self.members = members?.pointer
    opened = lifecycle.opened
    resolved = nil
    clock = lifecycle.clock
    earliest = since
    openingRequired = true
    atResolution = false
    openFor = []
  }

  /// Whether `row` takes part. Every value is read before any is tested, and the
  /// answers are combined as bits, so the test compiles without branches: which rows
  /// pass follows the data (a third of the tickets are complaints, in no order), and
  /// mispredicted branches had cost more than all the reads.
  @inline(__always) func keeps(_ row: Int) -> Bool {
    var keep = (customerOf[row] >= 0).bit & (members.map { $0[row] } ?? true).bit
    // Without an opening column every row exists, and has no opening in a window.
    guard let opened else { return keep & (earliest == nil || !openingRequired).bit != 0 }
    let unknown = opened.isNull(row).bit
    let known = 1 &- unknown
    let time = opened[row]
    // A row opened after the clock does not exist yet.
    keep &= unknown | (time <= clock).bit
    guard let earliest else { return keep != 0 }
    var inWindow = unknown & (!openingRequired).bit | known & (time >= earliest).bit
    if atResolution, let resolved {
      let end = resolved[row]
      inWindow |= (!resolved.isNull(row)).bit & (end >= earliest).bit & (end <= clock).bit
    }
    for d in openFor {
      let end = time &+ d
      inWindow |= known & (end >= earliest).bit & (end <= clock).bit
    }
    return keep & inWindow != 0
  }
}

extension Bool {
  /// 1 for true, 0 for false: answers combined with `&` and `|`, or added up, compile
  /// without the branches `&&` and `?:` may become.
  @inline(__always) var bit: UInt8 { unsafeBitCast(self, to: UInt8.self) }
}
