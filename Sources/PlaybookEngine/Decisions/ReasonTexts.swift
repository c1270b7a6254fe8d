import Synchronization

/// A decision's reason, as the number of its text among the run's (`ReasonTexts`). An
/// outcome carries this, not the text: outcomes are copied and sorted while deciding and
/// read again for the export, and with a `String` each copy counted a reference on a
/// text both cores share (at 1M customers, some 9 counts per decision, a fifth of the
/// export's samples).
struct Reason: Hashable, Sendable {
  let number: Int32
}

/// Every reason text of one run, each known by its `Reason`: those made before deciding
/// (`DecisionReasons`) first, then those made while deciding (an earlier run's send with
/// its date, a message that cannot be filled in, a channel list too long to tabulate),
/// added as they come, by any core. Numbers depend on the order cores add texts in, never
/// the texts decisions get.
final class ReasonTexts: Sendable {
  /// The texts made before deciding.
  let fixed: [String]
  private let added = Mutex<[String]>([])

  init(fixed: [String]) { self.fixed = fixed }

  /// `text` among the run's, numbered after every text before it.
  func add(_ text: String) -> Reason {
    added.withLock { added in
      added.append(text)
      return Reason(number: Int32(fixed.count + added.count - 1))
    }
  }

  /// The text of `reason`.
  func text(_ reason: Reason) -> String {
    let n = Int(reason.number)
    return n < fixed.count ? fixed[n] : added.withLock { $0[n - fixed.count] }
  }

  /// Whether `reason` is one of the texts made before deciding.
  func isFixed(_ reason: Reason) -> Bool { Int(reason.number) < fixed.count }
}
