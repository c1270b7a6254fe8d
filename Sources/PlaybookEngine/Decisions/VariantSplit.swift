import PlaybookLanguage

/// An A/B split (`send THANKS10 70% or THANKS15 30% via email`): a stable, documented hash
/// gives each customer a bucket, and the buckets are shared out between the offers in the
/// order written, so a customer gets the same variant on every run with the same seed
/// (docs/LANGUAGE.md, "Variants").
public struct VariantSplit: Sendable {
  /// How many buckets the customers are spread over: shares are in hundredths of a percent.
  public static let buckets = 10_000
  /// Each variant's end: variant `i` gets the buckets from `ends[i - 1]` (0 for the first)
  /// up to but not including `ends[i]`; the last ends at `buckets`.
  public let ends: [Int]
  /// The hash after `variant`, U+0000, the seed, U+0000, the rule's name and U+0000: the
  /// same for every customer. The salt `variant` keeps the buckets independent of the
  /// holdout's, which hash the seed and the customer id alone.
  private let prefix: FNV1a

  /// The split of a send line of `rule`, with `shares` in percent, one per variant (nil
  /// shares split evenly).
  public init(rule: String, seed: String, shares: [Double?]) {
    var prefix = FNV1a()
    prefix.combine("variant".utf8)
    prefix.combine(0)
    prefix.combine(seed.utf8)
    prefix.combine(0)
    prefix.combine(rule.utf8)
    prefix.combine(0)
    self.prefix = prefix
    let count = shares.count
    var ends: [Int] = []
    var total = 0.0
    for (i, share) in shares.enumerated() {
      if let share {
        total += share
        ends.append(min(Self.buckets, Int((total * 100).rounded())))
      } else {
        ends.append(Self.buckets * (i + 1) / count)
      }
    }
    ends[count - 1] = Self.buckets
    self.ends = ends
  }

  /// The split a checked send line declares, with the playbook's experiment seed (the
  /// holdout's: its `seed`, else the playbook's name).
  init(rule: String, send: Send, model: PlaybookModel) {
    self.init(rule: rule, seed: Holdout.seed(of: model), shares: send.variants.map { $0.weight?.value })
  }

  /// FNV-1a 64-bit over `variant`, U+0000, seed, U+0000, rule, U+0000, customer id, then
  /// mixed by MurmurHash3's 64-bit finalizer (so every bit of the hash counts); mod 10000.
  public func bucket(customerID: String) -> Int {
    var id = customerID
    return id.withUTF8 { bucket(customerID: $0) }
  }

  /// `bucket` of a customer id given as UTF-8.
  @inline(__always)
  func bucket(customerID: UnsafeBufferPointer<UInt8>) -> Int {
    var hash = prefix
    hash.combine(customerID)
    var x = hash.value
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return Int(x % UInt64(Self.buckets))
  }

  /// The variant (0 for the first offer written) whose buckets hold `bucket`.
  @inline(__always)
  public func variant(bucket: Int) -> Int {
    var i = 0
    while bucket >= ends[i] { i += 1 }
    return i
  }

  /// The first bucket of variant `i`.
  public func start(of i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }

  /// A variant's name in the decisions log and summaries: `A`, `B`, … `Z`, `AA`, `AB`, …
  /// for the offers in the order written.
  public static func name(_ i: Int) -> String {
    let letter = String(UnicodeScalar(UInt8(65 + i % 26)))
    return i < 26 ? letter : name(i / 26 - 1) + letter
  }
}
