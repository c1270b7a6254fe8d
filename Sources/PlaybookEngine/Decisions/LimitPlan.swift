import PlaybookLanguage

/// A `limit N per customer [per D] [via CHANNEL]` line as deciding uses it.
struct LimitPlan: Sendable {
  /// N: the most offers sent to one customer.
  let count: Int
  /// `per D` in seconds; nil counts this run's sends only.
  let period: Int64?
  /// `via CHANNEL`: the channel's index in the plan's channels, and its name (which the
  /// history knows sends by); nil for a limit on every channel.
  let channel: Int?
  let channelName: String?

  /// The plan of `limit`, its channel looked up among the plan's `channels` by name.
  init(_ limit: Limit, channels: [String]) {
    count = Int(limit.count.value)
    period = limit.period?.seconds
    channelName = limit.channel?.text
    channel = channelName.map { name in
      guard let index = channels.firstIndex(of: name) else {
        preconditionFailure("limit via an undeclared channel '\(name)'; the checker resolves every limit")
      }
      return index
    }
  }

  /// Whether an offer sent on the channel numbered `channel` takes a slot of this limit.
  @inline(__always) func counts(channel sent: Int) -> Bool {
    channel == nil || channel == sent
  }
}
