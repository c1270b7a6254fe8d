/// A column of a sending tool's audience file (`ImportTool`), named by the tool.
enum ImportColumn: Sendable {
  /// Playloop's customer id: the tool's user id where it has one.
  case customerID
  /// The address when the send goes by the channel named `email`; empty otherwise.
  case email
  case channel
  case address
  case offer
  case sendAt
  case expiresAt
  case variant
  case subject
  case message

  /// Braze's and Customer.io's names, the customer id being `id`.
  func snakeCase(id: String) -> String {
    switch self {
    case .customerID: id
    case .email: "email"
    case .channel: "channel"
    case .address: "address"
    case .offer: "offer"
    case .sendAt: "send_at"
    case .expiresAt: "offer_expires_at"
    case .variant: "variant"
    case .subject: "subject"
    case .message: "message"
    }
  }

  /// Iterable's names (its own fields are `email` and `userId`).
  var camelCase: String {
    switch self {
    case .customerID: "userId"
    case .email: "email"
    case .channel: "channel"
    case .address: "address"
    case .offer: "offer"
    case .sendAt: "sendAt"
    case .expiresAt: "offerExpiresAt"
    case .variant: "variant"
    case .subject: "subject"
    case .message: "message"
    }
  }

  /// HubSpot's and Mailchimp's field labels, which their imports match headers against.
  func label(email: String, sendAt: String) -> String {
    switch self {
    case .customerID: "Customer ID"
    case .email: email
    case .channel: "Channel"
    case .address: "Address"
    case .offer: "Offer"
    case .sendAt: sendAt
    case .expiresAt: "Offer Expires"
    case .variant: "Variant"
    case .subject: "Subject"
    case .message: "Message"
    }
  }
}

/// How a sending tool's import reads times.
enum ImportTimeStyle: Sendable {
  /// `2026-11-02T07:00:00Z`
  case iso8601
  /// `1793602800`: seconds since 1970-01-01 UTC.
  case unixSeconds
  /// `2026-11-02`: the UTC day (date fields hold no time of day).
  case date
  /// `2026-11-02 07:00:00 +00:00`
  case spaced
}

/// The most one audience file may hold; nil parts are unlimited. A run splits an offer's
/// rows into numbered files that each stay within it.
public struct ImportFileLimit: Hashable, Sendable {
  /// Data rows a file may hold (the header row not counted).
  public var rows: Int?
  /// Bytes a file may hold, header included.
  public var bytes: Int?

  /// A limit of `rows` data rows and `bytes` bytes; nil is no limit.
  public init(rows: Int? = nil, bytes: Int? = nil) {
    self.rows = rows
    self.bytes = bytes
  }
}
