import PlaybookLanguage

/// Whether a rule's trigger row can become a candidate, told from the row alone before
/// any condition is evaluated: it is linked to a customer, exists at the clock, is of
/// the trigger's kind (a `define`), and has a possible trigger time in the window.
///
/// A row's trigger time is one of a few times (docs/LANGUAGE.md, "Trigger time"): the
/// resolution for a resolved-phrase, opened + D for `open for D`, else the opening (the
/// clock when the row has none). A row none of whose possible times lies in the window
/// can never become a candidate, whatever its conditions say, so it is not evaluated:
/// in four months of tickets and a 30-day window, about three rows in four.
///
/// Plain values and pointers (valid while the trigger source holds its columns): a copy
/// in a local stays in registers through the candidate loop.
struct TriggerTest: @unchecked Sendable {
  let customerOf: ColumnArray<Int32>.Pointer
  /// Whether each row is of the trigger's kind; nil when every row is.
  let members: ColumnArray<Bool>.Pointer?
  let opened: Lifecycle.TimeColumn?
  let resolved: Lifecycle.TimeColumn?
  let clock: Int64
  /// clock − window, the earliest trigger time that fires; nil for `window all`.
  let earliest: Int64?
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

  /// Whether `row` can become a candidate. Every value is read before any is tested,
  /// so the test compiles without branches: which rows pass follows the data (a third of
  /// the tickets are complaints, in no order), and mispredicted branches had cost more
  /// than all the reads.
  @inline(__always) func keeps(_ row: Int) -> Bool {
    let linked = customerOf[row] >= 0
    let member = members.map { $0[row] } ?? true
    // Without an opening column every row exists, and may trigger at any time.
    guard let opened else { return linked && member }
    let unknown = opened.isNull(row)
    let time = opened[row]
    // A row opened after the clock does not exist yet; one with no opening may trigger at the clock.
    let exists = unknown || time <= clock
    guard let earliest else { return linked && member && exists }
    var inWindow = unknown || time >= earliest
    if atResolution, let resolved {
      let known = !resolved.isNull(row)
      let end = resolved[row]
      inWindow = inWindow || (known && end >= earliest && end <= clock)
    }
    for d in openFor {
      let end = time + d
      inWindow = inWindow || (end >= earliest && end <= clock)
    }
    return linked && member && exists && inWindow
  }
}
