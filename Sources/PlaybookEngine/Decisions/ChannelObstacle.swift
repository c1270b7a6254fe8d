/// Why a channel cannot reach a customer: the texts of reasons are made from these once
/// per run (`ChannelReasons`), so deciding a customer builds no text.
enum ChannelObstacle: Sendable {
  case noConsent
  case noAddress

  /// `email has no consent`, `sms has no address`.
  func text(channel: String) -> String {
    switch self {
    case .noConsent: "\(channel) has no consent"
    case .noAddress: "\(channel) has no address"
    }
  }
}

extension ChannelPlan {
  /// Why the channel cannot reach the customer (consent is checked first), or nil when it can.
  func obstacleKind(customer: Int) -> ChannelObstacle? {
    let frame = Frame(customer: customer)
    if let requires, !requires.truth(frame).holds { return .noConsent }
    if addressIsNull(frame) { return .noAddress }
    return nil
  }
}
