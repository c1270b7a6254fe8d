/// The shares of an A/B split (`send THANKS10 70% or THANKS15 30%`): every offer given a
/// share or none, each share above 0%, together exactly 100%, and no offer twice.
extension StatementChecker {
  static func checkSplit(_ send: Send, in checker: inout ExpressionChecker) {
    var seen: Set<String> = []
    for variant in send.variants where !seen.insert(variant.offer.text).inserted {
      checker.report(.offerTwiceInSplit(variant.offer.text), at: variant.offer.range)
    }
    let weights = send.variants.compactMap(\.weight)
    guard !weights.isEmpty else { return }
    let total = weights.reduce(0) { $0 + $1.value }
    if let unweighted = send.variants.first(where: { $0.weight == nil }) {
      // The share that would make 100% when only one is missing, else an even one.
      let missing = send.variants.count - weights.count
      let share = missing == 1 && total < 100 ? 100 - total : 100 / Double(send.variants.count)
      checker.report(
        .splitShareMissing(unweighted.offer.text, example: Self.percentText(share)), at: unweighted.offer.range)
      return
    }
    if let zero = weights.first(where: { $0.value <= 0 }) {
      checker.report(.splitShareNotPositive(zero.spelling), at: zero.range)
      return
    }
    // Shares are counted in hundredths of a percent (buckets of 10,000).
    guard (total * 100).rounded() != 10_000 else { return }
    let range = weights[0].range.union(weights[weights.count - 1].range)
    checker.report(.splitSharesTotal(Self.percentText(total)), at: range)
  }

  /// `30%`, `33.33%`: a percent to hundredths, as a split's shares are counted.
  private static func percentText(_ percent: Double) -> String {
    let hundredths = Int((percent * 100).rounded())
    return hundredths % 100 == 0 ? "\(hundredths / 100)%" : "\(Double(hundredths) / 100)%"
  }
}
