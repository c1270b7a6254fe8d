/// Which rows an expression reads: the customer, the trigger (or define-tested) row,
/// and the row an aggregate is visiting. Each is an index into its table; -1 when unset.
struct Frame: Sendable {
  /// The customer number being evaluated.
  var customer: Int
  /// The trigger row (or the row a `define` tests) in its table; -1 when there is none.
  var row: Int
  /// The row an aggregate (`count`, `any`, …) is visiting in its table; -1 outside one.
  var inner: Int

  /// A frame for `customer`; the row slots default to -1 (unset).
  @inlinable init(customer: Int, row: Int = -1, inner: Int = -1) {
    self.customer = customer
    self.row = row
    self.inner = inner
  }
}

/// The frame slot a row name reads in a given place of the plan.
enum Slot: Sendable {
  case customer, row, inner

  @inlinable func index(_ frame: Frame) -> Int {
    switch self {
    case .customer: return frame.customer
    case .row: return frame.row
    case .inner: return frame.inner
    }
  }
}
