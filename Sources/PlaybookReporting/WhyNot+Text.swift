import PlaybookEngine
import PlaybookLanguage

extension WhyNot {
  /// Why the customer does (not) get the offer, one line per trigger row, in words:
  ///
  /// ```
  /// Why C-0010 does not get THANKS10:
  /// quick_fix_thanks
  ///   complaint T-0123: `complaint.csat >= 4` is false: csat = 3; needs >= 4
  /// ⇒ C-0010 gets no THANKS10
  /// ```
  public func text(customerID: String) -> String {
    let sent = decisions.first { $0.status == .send }
    var lines = [sent == nil ? "Why \(customerID) does not get \(offer):" : "Why \(customerID) gets \(offer):"]
    for rule in rules {
      lines.append(rule.rule)
      if rule.rows.isEmpty { lines.append("  no \(rule.triggerRow ?? "row") for this customer") }
      for (id, obstacle) in rule.rows {
        let row = id.map { "\(rule.triggerRow ?? "row") \($0)" } ?? "the customer"
        lines.append("  \(row): \(obstacle.text)")
      }
    }
    if let sent {
      lines.append("⇒ \(customerID) gets \(offer) via \(sent.channel ?? "?") at \(Timestamp.format(sent.sendAt))")
    } else {
      lines.append("⇒ \(customerID) gets no \(offer)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension WhyNot.Obstacle {
  /// The obstacle in words.
  var text: String {
    switch self {
    case .condition(let c):
      let needs = c.needs.map { c.value == .unknown ? "; needs a value, then \($0)" : "; needs \($0)" } ?? ""
      return "`\(c.text)` is \(c.value == .unknown ? "unknown (a value is missing)" : "false")\(c.readValues)\(needs)"
    case .unless(let c):
      return "`unless \(c.text)` holds\(c.readValues)"
    case .outsideWindow(let t):
      return "triggered \(Timestamp.format(t)), before the playbook's window"
    case .afterClock(let t):
      return "triggers \(Timestamp.format(t)), after the clock"
    case .decided(let d, let why):
      return d.status == .send ? "a candidate, \(why)" : "a candidate, not sent: \(why)"
    case .otherOffer:
      return "a candidate for the rule's other offer (its variant of the split)"
    }
  }
}

extension ConditionValue {
  /// `: csat = 3`: the values the condition read, or nothing when it read none.
  fileprivate var readValues: String {
    details.isEmpty ? "" : ": " + details.joined(separator: ", ")
  }
}
