/// Encodes `send` decisions as rows of a sending tool's audience file (`ImportTool`):
/// CSV as `CSVWriter` writes it, times in the tool's style, values read in place from
/// the decision.
struct ImportRowEncoder: ~Copyable {
  private let columns: [ImportColumn]
  private let style: ImportTimeStyle
  private var csv = CSVWriter()
  private var times = TimestampWriter()

  init(columns: [ImportColumn], style: ImportTimeStyle) {
    self.columns = columns
    self.style = style
  }

  /// How many encoded bytes wait to be written out.
  var byteCount: Int { csv.byteCount }

  /// Calls `body` with the encoded rows not yet written out.
  func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    try csv.withBytes(body)
  }

  mutating func removeAllBytes() { csv.removeAllBytes() }

  /// Appends the header row, named for `tool`.
  mutating func writeHeader(_ tool: ImportTool) {
    csv.writeRow(columns.map(tool.header))
  }

  /// Appends the row of the decision `decision` points to.
  mutating func write(_ decision: UnsafePointer<Decision>) {
    for column in columns {
      switch column {
      case .customerID: csv.writeField(decision.pointee.customerID)
      case .email: csv.writeField(ImportAddress.email(of: decision.pointee))
      case .channel: csv.writeField(decision.pointee.channel)
      case .address: csv.writeField(decision.pointee.address)
      case .offer: csv.writeField(decision.pointee.offer)
      case .sendAt: time(decision.pointee.sendAt)
      case .expiresAt: time(decision.pointee.expiresAt)
      case .variant: csv.writeField(decision.pointee.variant)
      case .subject: csv.writeField(decision.pointee.subject)
      case .message: csv.writeField(decision.pointee.message)
      }
    }
    csv.endRow()
  }

  private mutating func time(_ seconds: Int64) {
    switch style {
    case .iso8601:
      times.withText(seconds) { csv.writePlainField($0) }
    case .date:
      times.withText(seconds) { csv.writePlainField(UnsafeBufferPointer(rebasing: $0[0..<10])) }
    case .spaced:
      times.withText(seconds) { text in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count + 6) { out in
          // `2026-11-02T07:00:00Z` → `2026-11-02 07:00:00 +00:00`
          for i in 0..<text.count - 1 { out[i] = text[i] }
          out[10] = 32
          var at = text.count - 1
          for byte in " +00:00".utf8 {
            out[at] = byte
            at += 1
          }
          csv.writePlainField(UnsafeBufferPointer(rebasing: out[0..<at]))
        }
      }
    case .unixSeconds:
      DecimalDigits.withText(seconds) { csv.writePlainField($0) }
    }
  }
}

/// The email address a sending tool gets for a decision.
enum ImportAddress {
  /// The channel whose addresses are email addresses (as `sms` is the texting channel).
  static let emailChannel = "email"

  /// The decision's address when it goes by the `email` channel and looks like an email
  /// address; nil otherwise.
  static func email(of decision: Decision) -> String? {
    guard decision.channel == emailChannel, let address = decision.address, isEmail(address) else { return nil }
    return address
  }

  /// Whether `address` has the shape the tools check: one `@` between a local part and
  /// a dotted domain, no spaces (Mailchimp refuses spaces anywhere in an address).
  static func isEmail(_ address: String) -> Bool {
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, let dot = parts[1].firstIndex(of: "."),
      dot != parts[1].startIndex, parts[1].last != "."
    else { return false }
    return !address.contains { $0.isWhitespace }
  }
}
