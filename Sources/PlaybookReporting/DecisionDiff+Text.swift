import PlaybookEngine

extension DecisionDiff {
  /// The change per offer, one line for each offer whose decisions moved, then who
  /// gained and who lost an offer; `no change in decisions` when nothing moved:
  ///
  /// ```
  /// THANKS10  send 44,900 → 52,111 (+7,211)  capped +1,826
  /// SORRY25   send 2,030 → 1,911 (-119)  capped +119
  /// 7,211 customers gain an offer, 119 lose one
  /// ```
  public var impactText: String {
    let moved = offers.filter { !$0.isUnchanged }
    guard !moved.isEmpty else { return "no change in decisions" }
    let width = moved.map(\.offer.count).max() ?? 0
    var lines = moved.map {
      $0.offer + String(repeating: " ", count: width - $0.offer.count) + "  " + $0.changeText
    }
    lines.append(
      customersGaining == 0 && customersLosing == 0
        ? "no customer gains or loses an offer"
        : "\(Self.customers(customersGaining)) \(customersGaining == 1 ? "gains" : "gain") an offer, "
          + "\(customersLosing.grouped) \(customersLosing == 1 ? "loses" : "lose") one")
    return lines.joined(separator: "\n")
  }

  private static func customers(_ count: Int) -> String {
    "\(count.grouped) customer\(count == 1 ? "" : "s")"
  }

  /// The first `limit` changes as a table: customer, offer, the status before and after,
  /// and why (the reason now; `not a candidate now` when the decision is gone).
  public func changesTable(before: DecisionList, after: DecisionList, limit: Int) -> TextTable {
    TextTable(
      headers: ["customer", "offer", "before", "after", "why"],
      rows: changes.prefix(limit).map { change in
        let row = spelledOut(change, before: before, after: after)
        return [
          row.customerID, row.offer, row.before?.status.rawValue ?? "—", row.after?.status.rawValue ?? "—",
          row.after?.reason ?? "not a candidate now",
        ]
      })
  }

  /// Per offer: customers who gained it, lost it, changed in any way, and its sends
  /// before and after, for the offers that changed.
  public var offersTable: TextTable {
    TextTable(
      headers: ["offer", "gain", "lose", "changed", "send before", "send after"],
      rows: offers.filter { !$0.isUnchanged }.map {
        [
          $0.offer, $0.gained.grouped, $0.lost.grouped, $0.changed.grouped, $0.before[.send].grouped,
          $0.after[.send].grouped,
        ]
      },
      alignments: [.left, .right, .right, .right, .right, .right])
  }
}

extension DecisionDiff.OfferImpact {
  /// `send 44,900 → 52,111 (+7,211)  capped +1,826`: sends in full, other statuses by
  /// how much they moved; `send 40 (3 customers in, 3 out)` when only who changed.
  var changeText: String {
    var parts: [String] = []
    let sent = after[.send] - before[.send]
    if sent != 0 {
      parts.append("send \(before[.send].grouped) → \(after[.send].grouped) (\(sent.signedGrouped))")
    } else if gained > 0 || lost > 0 {
      parts.append("send \(after[.send].grouped) (\(gained.grouped) in, \(lost.grouped) out)")
    }
    for status in DecisionStatus.allCases where status != .send {
      let moved = after[status] - before[status]
      if moved != 0 { parts.append("\(status.rawValue) \(moved.signedGrouped)") }
    }
    if parts.isEmpty { parts.append("\(changed.grouped) changed status") }
    return parts.joined(separator: "  ")
  }
}
