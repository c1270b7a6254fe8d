/// A sending tool whose user import takes Playloop's audience files as they are:
/// `export to DIR as braze|customerio|hubspot|mailchimp|iterable`. Each offer's file has
/// the identifier and column names the tool's CSV import requires, its time format, and
/// the offer, send time, expiry, variant and filled-in subject and message as attributes;
/// files are split at the tool's documented limit (docs/EXPORTS.md cites each page).
public enum ImportTool: String, Sendable, CaseIterable {
  case braze
  case customerio
  case hubspot
  case mailchimp
  case iterable

  /// The tool's name as its makers write it, for messages.
  public var name: String {
    switch self {
    case .braze: "Braze"
    case .customerio: "Customer.io"
    case .hubspot: "HubSpot"
    case .mailchimp: "Mailchimp"
    case .iterable: "Iterable"
    }
  }

  /// Whether a row needs an email address: HubSpot and Mailchimp identify a contact by
  /// it. The others identify a customer by Playloop's customer id.
  public var needsEmail: Bool { self == .hubspot || self == .mailchimp }

  /// The most bytes a text field holds before the tool clips it: Mailchimp's 255.
  public var textLimit: Int? { self == .mailchimp ? 255 : nil }

  /// The most one file may hold, as the tool documents it (docs/EXPORTS.md).
  public var documentedLimit: ImportFileLimit {
    switch self {
    // Attribute imports up to 500 MB.
    case .braze: ImportFileLimit(bytes: 500_000_000)
    // Up to 100 MB (and 100 columns, which no export comes near).
    case .customerio: ImportFileLimit(bytes: 100_000_000)
    // 20 MB on the free tools (512 MB on paid plans), 1,048,576 rows a file: the limits
    // every account accepts.
    case .hubspot: ImportFileLimit(rows: 1_048_576, bytes: 20_000_000)
    // No file size or row limit in the pages consulted.
    case .mailchimp, .iterable: ImportFileLimit()
    }
  }

  /// How times are written.
  var timeStyle: ImportTimeStyle {
    switch self {
    case .braze: .iso8601
    case .customerio: .unixSeconds
    case .hubspot, .mailchimp: .date
    case .iterable: .spaced
    }
  }

  /// The columns of an offer's file: the identifiers, then the offer's attributes;
  /// `variant` when the playbook splits, `subject` and `message` when the offer has them.
  func columns(variants: Bool, texts: OfferTexts?) -> [ImportColumn] {
    let identifiers: [ImportColumn] =
      switch self {
      case .braze, .customerio: [.customerID, .email, .channel, .address]
      case .iterable: [.email, .customerID, .channel, .address]
      case .hubspot, .mailchimp: [.email, .customerID]
      }
    return identifiers + [.offer, .sendAt, .expiresAt] + (variants ? [.variant] : [])
      + (texts?.hasSubject == true ? [.subject] : []) + (texts?.hasMessage == true ? [.message] : [])
  }

  /// The header `column` has in this tool's files.
  func header(_ column: ImportColumn) -> String {
    switch self {
    case .braze, .customerio: column.snakeCase(id: self == .braze ? "external_id" : "id")
    case .iterable: column.camelCase
    case .hubspot: column.label(email: "Email", sendAt: "Send At")
    case .mailchimp: column.label(email: "Email Address", sendAt: "Send Date")
    }
  }
}
