/// The control group: a stable, documented hash decides who is held out, so the same
/// customer is in or out on every run of the same playbook.
public struct Holdout: Sendable {
  /// The playbook's name: part of the hash, so each playbook holds out its own group.
  public let playbookName: String
  /// The share held out, in percent (0 holds out no one, 100 everyone).
  public let percent: Double
  /// The hash after the playbook name and U+0000, the same for every customer.
  private let prefix: FNV1a

  /// The control group of `percent` percent for the playbook `playbookName`.
  public init(playbookName: String, percent: Double) {
    self.playbookName = playbookName
    self.percent = percent
    var prefix = FNV1a()
    prefix.combine(playbookName.utf8)
    prefix.combine(0)
    self.prefix = prefix
  }

  /// FNV-1a 64-bit over the UTF-8 of playbook name, U+0000, customer id; mod 10000.
  public func bucket(customerID: String) -> Int {
    var id = customerID
    return id.withUTF8 { bucket(customerID: $0) }
  }

  /// `bucket` of a customer id given as UTF-8.
  func bucket(customerID: UnsafeBufferPointer<UInt8>) -> Int {
    var hash = prefix
    hash.combine(customerID)
    return Int(hash.value % 10_000)
  }

  /// Whether the customer is in the control group: bucket < percent × 100.
  public func holds(customerID: String) -> Bool {
    heldBucket(customerID: customerID) != nil
  }

  /// The customer's bucket when the customer is in the control group, else nil.
  public func heldBucket(customerID: String) -> Int? {
    var id = customerID
    return id.withUTF8 { heldBucket(customerID: $0) }
  }

  /// `heldBucket` of a customer id given as UTF-8.
  func heldBucket(customerID: UnsafeBufferPointer<UInt8>) -> Int? {
    guard percent > 0 else { return nil }
    let bucket = bucket(customerID: customerID)
    return Double(bucket) < percent * 100 ? bucket : nil
  }

  /// How many buckets are held out: buckets 0..<heldBuckets.
  var heldBuckets: Int {
    guard percent > 0 else { return 0 }
    return min(10_000, Int((percent * 100).rounded(.up)))
  }
}
