/// A send moved into its channel's window (`quiet`, `days`): from when, and why.
public struct SendMove: Hashable, Sendable {
  /// The send time before the move, in seconds since 1970-01-01 UTC.
  public var from: Int64
  /// The customer's offset from UTC at `from`, in seconds.
  public var fromOffset: Int64
  /// The customer's offset from UTC at the new send time, in seconds.
  public var toOffset: Int64
  /// Why, in words: `quiet hours 21:00-08:00`, `days mon-fri`, or both.
  public var reason: String
}

/// Where a decision's send time falls on the customer's clock. Boxed, like its texts:
/// only a playbook with a `timezone` statement, or a send its channel's window moved,
/// has one, and a pointer keeps every other decision as small as before.
final class LocalSendTime: Hashable, Sendable {
  /// The customer's offset from UTC at the send time, in seconds; nil without a
  /// `timezone` statement (the exports then have no `local_send_at`).
  let offset: Int64?
  let move: SendMove?

  init(offset: Int64?, move: SendMove?) {
    self.offset = offset
    self.move = move
  }

  static func == (a: LocalSendTime, b: LocalSendTime) -> Bool { a.offset == b.offset && a.move == b.move }

  func hash(into hasher: inout Hasher) {
    hasher.combine(offset)
    hasher.combine(move)
  }
}

extension Decision {
  /// The customer's offset from UTC at `sendAt`, in seconds, when the playbook has a
  /// `timezone` statement; nil otherwise.
  public var localOffset: Int64? { localTime?.offset }

  /// When the channel's window moved the send: from when, and why; nil when it did not.
  public var move: SendMove? { localTime?.move }
}

extension Decider {
  /// The local time of a send at `sendAt`: its offset on the customer's clock (with a
  /// `timezone` statement), and whether its channel's window moved it from `unmoved`;
  /// nil with neither.
  @inline(never)
  func localTime(sendAt: Int64, customer: Int, channel: Int?, unmoved: Int64) -> LocalSendTime? {
    let zone = plan.zones.zone(ofCustomer: customer)
    var move: SendMove?
    if sendAt != unmoved, let channel, let window = plan.channels[channel].window {
      move = SendMove(
        from: unmoved, fromOffset: zone.offset(atInstant: unmoved), toOffset: zone.offset(atInstant: sendAt),
        reason: window.reason(movedFrom: unmoved, to: sendAt, in: zone))
    }
    let offset = hasTimezone ? zone.offset(atInstant: sendAt) : nil
    guard offset != nil || move != nil else { return nil }
    return LocalSendTime(offset: offset, move: move)
  }
}
