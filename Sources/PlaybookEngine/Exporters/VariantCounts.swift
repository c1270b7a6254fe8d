public import PlaybookLanguage

/// Status counts for one variant of an A/B split (`send THANKS10 70% or THANKS15 30%`):
/// how the test's arms fared, held-out and capped customers included.
public struct VariantCounts: Hashable, Sendable {
  /// The rule whose send line splits.
  public var rule: String
  /// The variant's name: `A` for the first offer written, `B`, ….
  public var variant: String
  /// The variant's offer.
  public var offer: String
  /// The variant's share of the split's customers, in hundredths of a percent (7000 is 70%).
  public var share: Int
  /// How many of its decisions ended in each status.
  public var counts: StatusCounts

  /// A variant's counts, zero in every status by default.
  public init(rule: String, variant: String, offer: String, share: Int, counts: StatusCounts = StatusCounts()) {
    self.rule = rule
    self.variant = variant
    self.offer = offer
    self.share = share
    self.counts = counts
  }

  /// The share as a percent: `70%`, `33.33%`.
  public var shareText: String {
    share % 100 == 0 ? "\(share / 100)%" : "\(share / 100).\(String(share % 100 + 100).dropFirst())%"
  }

  /// How summaries name the variant: `quick_fix_thanks A: THANKS10 70%`.
  public var named: NamedCounts {
    NamedCounts(name: "\(rule) \(variant): \(offer) \(shareText)", counts: counts)
  }

  /// Every variant `model`'s rules declare, in rule order then as written, counting nothing yet.
  public static func declared(by model: PlaybookModel) -> [VariantCounts] {
    model.rules.flatMap { binding in
      let rule = binding.rule.name.text
      return binding.rule.sends.filter(\.isSplit).flatMap { send in
        let split = VariantSplit(rule: rule, send: send, model: model)
        return send.variants.indices.map { i in
          VariantCounts(
            rule: rule, variant: VariantSplit.name(i), offer: send.variants[i].offer.text,
            share: split.ends[i] - split.start(of: i))
        }
      }
    }
  }
}
