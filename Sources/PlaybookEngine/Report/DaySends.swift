import PlaybookLanguage

/// The sends due on one day (UTC), by offer: what a sending tool will be asked to send.
public struct DaySends: Hashable, Sendable {
  /// The day's first second (midnight UTC), seconds since 1970-01-01.
  public var day: Int64
  /// Sends per offer, in the report's offer order (`CampaignReport.funnels`).
  public var byOffer: [Int]

  /// `byOffer` sends due on `day`.
  public init(day: Int64, byOffer: [Int]) {
    self.day = day
    self.byOffer = byOffer
  }

  /// All sends due that day.
  public var total: Int { byOffer.reduce(0, +) }

  /// `2026-11-02`.
  public var date: String { Timestamp.formatDate(day) }

  /// The longest span filled in day by day; a longer one lists only days with sends.
  public static let longestSpan = 62

  /// The sends of `decisions` by day of `send_at`, per offer in the order of `offers`.
  /// Every day from the first to the last is listed (days without sends too) unless they
  /// span more than `longestSpan` days.
  static func tally(_ decisions: [Decision], offers order: [String]) -> [DaySends] {
    let offerCount = order.count
    let offers = OfferFunnel.indices(order)
    var days: [Int64: [Int]] = [:]
    for i in decisions.indices where decisions[i].status == .send {
      let sendAt = decisions[i].sendAt
      let day = (sendAt >= 0 ? sendAt / 86_400 : (sendAt - 86_399) / 86_400) * 86_400
      guard let offer = offers[decisions[i].offer] else { continue }
      days[day, default: [Int](repeating: 0, count: offerCount)][offer] += 1
    }
    guard let first = days.keys.min(), let last = days.keys.max() else { return [] }
    let listed =
      (last - first) / 86_400 < longestSpan ? Array(stride(from: first, through: last, by: 86_400)) : days.keys.sorted()
    return listed.map { DaySends(day: $0, byOffer: days[$0] ?? [Int](repeating: 0, count: offerCount)) }
  }
}
