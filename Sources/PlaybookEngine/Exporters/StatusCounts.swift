/// How many decisions ended in each status.
public struct StatusCounts: Hashable, Sendable {
  private var counts = [Int](repeating: 0, count: DecisionStatus.allCases.count)

  public init() {}

  public subscript(status: DecisionStatus) -> Int {
    get { counts[Self.index(status)] }
    set { counts[Self.index(status)] = newValue }
  }

  /// All decisions, whatever their status: the candidates.
  public var total: Int { counts.reduce(0, +) }

  private static func index(_ status: DecisionStatus) -> Int {
    switch status {
    case .send: 0
    case .holdout: 1
    case .capped: 2
    case .unreachable: 3
    case .alreadySent: 4
    }
  }
}

/// Status counts for one rule or one offer.
public struct NamedCounts: Hashable, Sendable {
  public var name: String
  public var counts: StatusCounts

  public init(name: String, counts: StatusCounts = StatusCounts()) {
    self.name = name
    self.counts = counts
  }
}

/// Decisions counted by rule, by offer and by status.
public struct DecisionCounts: Hashable, Sendable {
  /// In the order of the rules given, then any other rule met, by name.
  public var byRule: [NamedCounts]
  /// In the order of the offers given, then any other offer met, by code.
  public var byOffer: [NamedCounts]
  public var byStatus: StatusCounts

  public init(byRule: [NamedCounts], byOffer: [NamedCounts], byStatus: StatusCounts) {
    self.byRule = byRule
    self.byOffer = byOffer
    self.byStatus = byStatus
  }

  /// Counts `decisions`. Every rule and offer named is listed, even with no decisions.
  public init(_ decisions: [Decision], rules: [String], offers: [String]) {
    let ruleNames = ExportNames.complete(rules, with: decisions.lazy.map(\.rule))
    let offerCodes = ExportNames.complete(offers, with: decisions.lazy.map(\.offer))
    let ruleIndex = Dictionary(uniqueKeysWithValues: ruleNames.enumerated().map { ($1, $0) })
    let offerIndex = Dictionary(uniqueKeysWithValues: offerCodes.enumerated().map { ($1, $0) })
    var byRule = ruleNames.map { NamedCounts(name: $0) }
    var byOffer = offerCodes.map { NamedCounts(name: $0) }
    var byStatus = StatusCounts()
    for decision in decisions {
      byRule[ruleIndex[decision.rule]!].counts[decision.status] += 1
      byOffer[offerIndex[decision.offer]!].counts[decision.status] += 1
      byStatus[decision.status] += 1
    }
    self.init(byRule: byRule, byOffer: byOffer, byStatus: byStatus)
  }
}

enum ExportNames {
  /// `declared` without repeats, then any name in `met` not declared, sorted by UTF-8
  /// bytes: a decision naming an undeclared rule or offer is still counted and exported.
  static func complete(_ declared: [String], with met: some Sequence<String>) -> [String] {
    var seen = Set<String>()
    let names = declared.filter { seen.insert($0).inserted }
    let extra = Set(met).subtracting(seen).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return names + extra
  }
}
