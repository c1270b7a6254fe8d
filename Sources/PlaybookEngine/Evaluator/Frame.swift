/// Which rows an expression reads: the customer, the trigger (or define-tested) row,
/// and the row an aggregate is visiting. Each is an index into its table; -1 when unset.
public struct Frame: Sendable {
  public var customer: Int
  public var row: Int
  public var inner: Int

  @inlinable public init(customer: Int, row: Int = -1, inner: Int = -1) {
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
