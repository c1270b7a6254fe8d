import PlaybookLanguage

/// What a `sent(…)` condition asks the send history, whatever its period: the sends of
/// one offer (or any) on one channel (or any). `in last D` is applied to the latest one.
public struct SentQuery: Hashable, Sendable {
  /// The offer's code; nil for `sent(any …)`.
  public var offer: String?
  /// The channel's name; nil when the condition has no `via`.
  public var channel: String?

  /// The query of `sent(offer [via channel] …)`.
  public init(offer: String?, channel: String?) {
    self.offer = offer
    self.channel = channel
  }

  /// The query of a parsed condition.
  public init(_ sent: SentCondition) {
    self.init(offer: sent.offerCode, channel: sent.channel?.text)
  }

  /// Whether a send of `offer` on `channel` answers it.
  @inlinable public func matches(offer: String, channel: String) -> Bool {
    (self.offer == nil || self.offer == offer) && (self.channel == nil || self.channel == channel)
  }
}

extension CheckedPlaybook {
  /// The distinct queries of the playbook's `sent(…)` conditions, in the order met: what
  /// a ledger loads for the run.
  public var sentQueries: [SentQuery] {
    var seen: Set<SentQuery> = []
    return sentConditions.map(SentQuery.init).filter { seen.insert($0).inserted }
  }
}
