/// Why a channel cannot reach a customer: the texts of reasons are made from these once
/// per run (`ChannelReasons`), so deciding a customer builds no text.
public enum ChannelObstacle: Sendable {
  /// The channel's `requires` does not hold for the customer.
  case noConsent
  /// The customer's address on the channel is empty.
  case noAddress

  /// `email has no consent`, `sms has no address`.
  func text(channel: String) -> String {
    switch self {
    case .noConsent: "\(channel) has no consent"
    case .noAddress: "\(channel) has no address"
    }
  }

  /// The same for a person: `they have not agreed to email`, `no sms address on file`.
  public func plainText(channel: String) -> String {
    switch self {
    case .noConsent: "they have not agreed to \(channel)"
    case .noAddress: "no \(channel) address on file"
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
