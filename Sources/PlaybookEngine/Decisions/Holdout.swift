public import PlaybookLanguage

/// The control group: a stable, documented hash decides who is held out, so the same
/// customer is in or out on every run with the same seed.
public struct Holdout: Sendable {
  /// Part of the hash: `holdout N% seed "…"`, else the playbook's name (so without a
  /// seed each playbook holds out its own group, and renaming it reshuffles the group).
  public let seed: String
  /// The share held out, in percent (0 holds out no one, 100 everyone).
  public let percent: Double
  /// The hash after the seed and U+0000, the same for every customer.
  private let prefix: FNV1a

  /// The control group of `percent` percent drawn with `seed`.
  public init(seed: String, percent: Double) {
    self.seed = seed
    self.percent = percent
    var prefix = FNV1a()
    prefix.combine(seed.utf8)
    prefix.combine(0)
    self.prefix = prefix
  }

  /// FNV-1a 64-bit over the UTF-8 of seed, U+0000, customer id; mod 10000.
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

  /// The control group a playbook declares: its `holdout` percent and seed (by default
  /// the playbook's name).
  public init(_ model: PlaybookModel) {
    self.init(seed: Self.seed(of: model), percent: model.holdoutPercent)
  }

  /// The playbook's experiment seed, which the holdout and every A/B split hash: the
  /// `holdout` line's `seed`, else the playbook's name.
  public static func seed(of model: PlaybookModel) -> String {
    model.holdoutSeed?.value ?? model.name
  }

  /// How many buckets are held out: buckets 0..<heldBuckets.
  var heldBuckets: Int {
    guard percent > 0 else { return 0 }
    return min(10_000, Int((percent * 100).rounded(.up)))
  }
}
