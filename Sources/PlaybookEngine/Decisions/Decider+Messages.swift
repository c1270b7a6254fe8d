import PlaybookLanguage

/// Messages, rendered only for decisions that send: once when deciding (a message that
/// cannot be filled in makes the decision `unrendered`), and again when the decision is
/// spelled out (its text), so outcomes carry no text. A plan without messages never
/// comes here (`Decider.hasMessages`).
extension Decider {
  /// Why the candidate's message cannot be sent on `channel`; nil when it can (or
  /// the offer has no message).
  @inline(__always)
  func unrendered(_ c: Candidate, channel: Int) -> String? {
    guard !plan.rules[Int(c.rule)].sends[Int(c.send)].messages.isEmpty else { return nil }
    do {
      _ = try render(c, channel: channel)
      return nil
    } catch {
      return error.reason
    }
  }

  /// `decision` with its subject and message filled in, when it is sent or held out and
  /// its offer has message lines.
  func withTexts(_ decision: Decision, _ o: Outcome) -> Decision {
    let c = o.candidate
    guard !plan.rules[Int(c.rule)].sends[Int(c.send)].messages.isEmpty, o.status == .send || o.status == .holdout,
      let channel = o.channel, let texts = try? render(c, channel: channel)
    else { return decision }
    var decision = decision
    decision.texts = texts
    return decision
  }

  /// The candidate's subject and message for `channel` (an index into the plan's).
  func render(_ c: Candidate, channel: Int) throws(MessageRenderer.Unrendered) -> MessageTexts {
    let send = plan.rules[Int(c.rule)].sends[Int(c.send)]
    let offer = plan.model.offers[send.offerIndex]
    return try MessageRenderer.render(
      send.messages,
      MessageRenderer.Context(
        frame: Frame(customer: Int(c.customer), row: Int(c.triggerRow)), sendAt: c.sendAt,
        expiresAt: c.sendAt + send.valid, channel: plan.channels[channel].name,
        offer: (offer.code.text, offer.description?.value, send.valid)))
  }
}
