import PlaybookLanguage

/// One offer's way from triggers to sends, each stage counted from the run's decisions:
///
/// - triggers: the rules' candidates for the offer, before duplicates collapse (each
///   decision counts itself and the duplicates it absorbed, `Decision.merged`);
/// - candidates: its decisions, one per customer once duplicates collapse (an offer an
///   earlier run sent counts once per trigger);
/// - reachable: those neither sent before nor without a channel (`already_sent`,
///   `unreachable`);
/// - kept: those within every `limit` and with their message filled in (`send` and
///   `holdout`);
/// - sent: those sent, the control group left out (`send`).
public struct OfferFunnel: Hashable, Sendable {
  /// The offer's code (`THANKS10`).
  public var offer: String
  /// The offer's description (`10% off your next order`); nil when it has none or is not declared.
  public var description: String?
  /// Candidates before duplicates collapse.
  public var triggers: Int
  /// The offer's decisions per status.
  public var counts: StatusCounts

  /// A funnel of `triggers` candidates ending in `counts`.
  public init(offer: String, description: String?, triggers: Int, counts: StatusCounts) {
    self.offer = offer
    self.description = description
    self.triggers = triggers
    self.counts = counts
  }

  /// Decisions, one per customer and offer once duplicates collapse.
  public var candidates: Int { counts.total }
  /// Decisions not sent before and with a channel that reaches the customer.
  public var reachable: Int { candidates - counts[.alreadySent] - counts[.unreachable] }
  /// Reachable decisions within the limits and with their message filled in.
  public var kept: Int { counts[.send] + counts[.holdout] }
  /// Decisions sent.
  public var sent: Int { counts[.send] }

  /// One stage of the funnel: its name and how many reached it.
  public struct Stage: Hashable, Sendable {
    /// `triggers`, `candidates`, `reachable`, `kept` or `sent`.
    public var name: String
    /// How many reached the stage.
    public var count: Int
  }

  /// The stages in order, from triggers to sent.
  public var stages: [Stage] {
    [
      Stage(name: "triggers", count: triggers), Stage(name: "candidates", count: candidates),
      Stage(name: "reachable", count: reachable), Stage(name: "kept", count: kept), Stage(name: "sent", count: sent),
    ]
  }

  /// Each offer's funnel from `decisions`, whose counts per offer are `byOffer` (in the
  /// order given); descriptions are `model`'s.
  static func funnels(_ decisions: [Decision], byOffer: [NamedCounts], model: PlaybookModel) -> [OfferFunnel] {
    let index = indices(byOffer.map(\.name))
    var triggers = [Int](repeating: 0, count: byOffer.count)
    for i in decisions.indices {
      if let offer = index[decisions[i].offer] { triggers[offer] += 1 + decisions[i].merged }
    }
    return byOffer.enumerated().map { i, named in
      OfferFunnel(
        offer: named.name, description: model.offer(named.name)?.description?.value, triggers: triggers[i],
        counts: named.counts)
    }
  }

  /// Each name's position in `names` (the first, for a name given twice).
  static func indices(_ names: [String]) -> [String: Int] {
    Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
