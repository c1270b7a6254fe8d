/// Why a decision is what it is, in the terms a support agent needs: the channel and why
/// not the ones before it, the offer that won a `limit`, the control group, the earlier
/// send. `Explainer` works it out from the same plan the decision came from.
public enum DecisionCause: Sendable {
  /// Sent on `channel`; `passedOver` are the channels before it that cannot reach the customer.
  case sent(channel: String, passedOver: [ChannelReach])
  /// In the control group, which holds out `percent` of customers (`5%`).
  case heldOut(percent: String)
  /// Another offer took the last place under `limit`: `winner` (the decision kept, when
  /// it is this customer's) of rule `winnerRule` with its priority, against this decision's.
  case outranked(winnerRule: String, winnerOffer: String?, winnerPriority: Int, priority: Int, limit: String)
  /// Earlier runs' sends (`sends`, those in the limit's period) used the limit up.
  case limitUsedUp(limit: String, sends: [PastSend])
  /// No channel of the send reaches the customer.
  case unreachable([ChannelReach])
  /// An earlier run sent it; `send` is that send when the ledger's rows were read.
  case alreadySent(PastSend?)
  /// A rule with `every D` sent the customer `last`; they are eligible again at `again`.
  case notYetEligible(last: LastSend, again: Int64, every: String)
  /// Its message could not be filled in, for `reason`.
  case unrendered(reason: String)
  /// A reason explain has no plainer words for: the decision's own.
  case other(reason: String)

  /// The cause as a support agent reads it: `another offer won: cancel_risk (priority 20)
  /// beat quick_fix_thanks (priority 5) under \`limit 1 per customer\``.
  public func words(rule: String, times: TimeWords) -> String {
    switch self {
    case .sent(let channel, let passedOver):
      let why = passedOver.compactMap { reach in
        reach.obstacle.map { "not \(reach.channel): \($0.plainText(channel: reach.channel))" }
      }
      return "sent by \(channel)" + (why.isEmpty ? "" : " (\(why.joined(separator: "; ")))")
    case .heldOut(let percent):
      return "in the control group (\(percent) of customers are held out to measure this playbook; "
        + "this one always is)"
    case .outranked(let winnerRule, let winnerOffer, let winnerPriority, let priority, let limit):
      let winner = winnerOffer.map { "\($0) from \(winnerRule)" } ?? winnerRule
      return "another offer won: \(winner) (priority \(winnerPriority)) beat \(rule) (priority \(priority)) "
        + "under `\(limit)`"
    case .limitUsedUp(let limit, let sends):
      let named = sends.map { "\($0.offer) on \(times.day($0.sendAt)) (run \($0.run))" }
      return "`\(limit)` is already used up by earlier sends"
        + (named.isEmpty ? "" : ": " + named.joined(separator: ", "))
    case .unreachable(let reaches):
      let why = reaches.compactMap { reach in reach.obstacle.map { $0.plainText(channel: reach.channel) } }
      return "we cannot reach them: " + why.joined(separator: "; ")
    case .alreadySent(let send):
      guard let send else { return "already sent by an earlier run (ledger)" }
      return "already sent on \(times.day(send.sendAt)) by run \(send.run) (ledger)"
    case .notYetEligible(let last, let again, let every):
      return "sent \(last.offer) on \(times.day(last.sendAt)) by run \(last.run); this rule sends again only "
        + "every \(every), so not before \(times.moment(again))"
    case .unrendered(let reason):
      return "the message could not be filled in: \(reason)"
    case .other(let reason):
      return reason
    }
  }
}
