/// A channel's obstacle for a customer, as `ChannelPlan.obstacleKind` finds it, read
/// through plain pointers for the usual channel — its consent a true/false column of the
/// customer, its address a text column of the customer — where the compiled closures
/// retained their contexts at every customer, on both cores at once. Any other channel
/// asks its closures.
///
/// Holds no reference it counts: the pointers are the plan's columns', and the channel
/// is `unowned(unsafe)`, alive as long as the plan the decider holds.
struct ChannelTest: @unchecked Sendable {
  private unowned(unsafe) let channel: ChannelPlan
  /// Whether the pointers below answer for the channel (else its closures do).
  private let direct: Bool
  /// The consent column's values and null words; nil when the channel requires nothing.
  private let consent: (values: UnsafePointer<Bool>?, nulls: UnsafePointer<UInt64>?)?
  private let address: TextColumn.Pointers?
  private let addressNulls: UnsafePointer<UInt64>?

  init(_ channel: ChannelPlan) {
    self.channel = channel
    var direct = true
    if let requires = channel.requires {
      if case .column(let column, .customer, _)? = requires.columnar, case .boolean(let values) = column.values {
        consent = (values.buffer.baseAddress, column.nulls.words.buffer.baseAddress)
      } else {
        consent = nil
        direct = false
      }
    } else {
      consent = nil
    }
    if case .text(.column(let column, let nulls, .customer)) = channel.address.evaluation {
      address = TextColumn.Pointers(column)
      addressNulls = nulls.words.buffer.baseAddress
    } else {
      address = nil
      addressNulls = nil
      direct = false
    }
    self.direct = direct
  }

  /// Why the channel cannot reach `customer` (consent first), or nil when it can.
  @inline(__always) func obstacle(customer: Int) -> ChannelObstacle? {
    guard direct, let address, let addressNulls else { return channel.obstacleKind(customer: customer) }
    if let consent,
      NullMask.isNull(customer, in: consent.nulls.unsafelyUnwrapped) || !consent.values.unsafelyUnwrapped[customer]
    {
      return .noConsent
    }
    if NullMask.isNull(customer, in: addressNulls) || address.utf8(customer).isEmpty { return .noAddress }
    return nil
  }
}
