/// Decisions counted by rule, by offer and by status.
public struct DecisionCounts: Hashable, Sendable {
  /// In the order of the rules given, then any other rule met, by name.
  public var byRule: [NamedCounts]
  /// In the order of the offers given, then any other offer met, by code.
  public var byOffer: [NamedCounts]
  /// Totals per status over all decisions.
  public var byStatus: StatusCounts
  /// The A/B splits' variants, in the order given (`VariantCounts.declared`); empty when
  /// no rule splits.
  public var byVariant: [VariantCounts] = []

  /// Counts already tallied, in the orders described on each property.
  public init(byRule: [NamedCounts], byOffer: [NamedCounts], byStatus: StatusCounts) {
    self.byRule = byRule
    self.byOffer = byOffer
    self.byStatus = byStatus
  }

  /// `decisions` counted anew, listing the rules, offers and variants these counts list
  /// (in their order), even those no decision has now.
  public func recounted(_ decisions: [Decision]) -> DecisionCounts {
    DecisionCounts(decisions, rules: byRule.map(\.name), offers: byOffer.map(\.name), variants: uncountedVariants)
  }

  /// The variants these counts list, each with no decisions yet: what counting anew starts from.
  var uncountedVariants: [VariantCounts] {
    byVariant.map { VariantCounts(rule: $0.rule, variant: $0.variant, offer: $0.offer, share: $0.share) }
  }

  /// Counts `decisions`. Every rule, offer and variant named is listed, even with no
  /// decisions; a decision of a variant not named is not counted by variant.
  public init(_ decisions: [Decision], rules: [String], offers: [String], variants: [VariantCounts] = []) {
    var counter = Counter(rules: rules, offers: offers, variants: variants)
    // By index: `for decision in decisions` would copy each decision, retaining all its strings.
    for i in decisions.indices {
      counter.add(
        rule: decisions[i].rule, offer: decisions[i].offer, variant: decisions[i].variant, decisions[i].status)
    }
    self = counter.counts
  }

  /// Counts decisions given by their names, one or many alike at a time (`DecisionRows`
  /// tallies by rule and send first), as `init(_:rules:offers:variants:)` describes.
  struct Counter {
    private var byRule: NameTally
    private var byOffer: NameTally
    private var byStatus = StatusCounts()
    private var byVariant: [VariantCounts]

    init(rules: [String], offers: [String], variants: [VariantCounts]) {
      byRule = NameTally(declared: rules)
      byOffer = NameTally(declared: offers)
      byVariant = variants
    }

    /// Counts `times` decisions of `rule`'s `offer` (and `variant`) ending in `status`.
    mutating func add(rule: String, offer: String, variant: String?, _ status: DecisionStatus, times: Int = 1) {
      byRule.count(rule, status, times: times)
      byOffer.count(offer, status, times: times)
      byStatus[status] += times
      if let variant,
        let v = byVariant.firstIndex(where: { $0.variant == variant && $0.offer == offer && $0.rule == rule })
      {
        byVariant[v].counts[status] += times
      }
    }

    var counts: DecisionCounts {
      var counts = DecisionCounts(byRule: byRule.counts, byOffer: byOffer.counts, byStatus: byStatus)
      counts.byVariant = byVariant
      return counts
    }
  }
}

/// Status counts by name: the declared names without repeats, then any other name met,
/// sorted by UTF-8 bytes (a decision naming an undeclared rule or offer is still counted).
struct NameTally {
  private var tallies: [NamedCounts]
  private var index: [String: Int] = [:]
  private let declared: Int

  init(declared names: [String]) {
    tallies = []
    for name in names where index[name] == nil {
      index[name] = tallies.count
      tallies.append(NamedCounts(name: name))
    }
    declared = tallies.count
  }

  /// Names looked for by a scan before hashing: a run has a handful of rules and offers,
  /// and decisions share their strings, so comparing is quicker than hashing.
  private static let scanned = 8

  mutating func count(_ name: String, _ status: DecisionStatus, times: Int = 1) {
    let i = tallies.indices.prefix(Self.scanned).first { tallies[$0].name == name } ?? index[name] ?? add(name)
    tallies[i].counts[status] += times
  }

  private mutating func add(_ name: String) -> Int {
    index[name] = tallies.count
    tallies.append(NamedCounts(name: name))
    return tallies.count - 1
  }

  var counts: [NamedCounts] {
    tallies[..<declared] + tallies[declared...].sorted { ByteOrder.precedes($0.name, $1.name) }
  }
}
