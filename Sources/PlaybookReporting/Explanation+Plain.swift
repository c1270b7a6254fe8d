import Foundation
import PlaybookEngine
import PlaybookLanguage

extension Explanation {
  /// The explanation for a support agent (`explain`'s default): who the customer is, what
  /// they get, and for each rule that came close, each trigger row's checks and what
  /// became of it, in plain words, with times on the customer's clock.
  ///
  /// ```
  /// Zoë Adler (C-0001), as of 1 Nov 2026 00:00 UTC
  ///   lifetime_value 120.00 · tier bronze · not in vip
  ///   email zoe.adler@example.com · sms +15550100001: they have not agreed to sms
  ///
  /// Gets THANKS10 by email on 1 Nov 00:00.
  ///
  /// quick_fix_thanks
  ///   complaint T-0843, opened 22 Oct 09:00, resolved 22 Oct 10:30
  ///     ✓ complaint resolved within 4h: resolved in 1h30m
  ///     ✓ complaint.csat >= 4: csat = 5
  ///     → THANKS10: sent by email on 1 Nov 00:00
  /// ```
  public func text(all: Bool = false) -> String {
    var lines = header + ["", verdict]
    let (shown, folded) = shownRules(all: all)
    for rule in shown {
      lines += [""] + plainLines(rule)
    }
    if !folded.isEmpty {
      lines += ["", "Not close: \(folded.joined(separator: ", ")). Name a rule to see why."]
    }
    if !setAside.isEmpty {
      lines += ["", "Rows of this customer set aside while loading (no rule saw them):"]
      lines += setAside.map { "  \($0.table), \($0.file) line \($0.line): \($0.reason)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The customer: name and id with the clock, the fields the playbook reads and their
  /// segments, each channel's address or why it cannot be used, and earlier sends.
  private var header: [String] {
    let who = customer.name.map { "\($0) (\(customerID))" } ?? customerID
    var lines = ["\(who), as of \(times.clockText)"]
    let facts =
      customer.fields.map { "\($0.name) \($0.value.isEmpty ? "(empty)" : $0.value)" }
      + customer.segments.map { segment in
        switch segment.member {
        case .yes: "in \(segment.name)"
        case .no: "not in \(segment.name)"
        case .unknown: "\(segment.name) unknown"
        }
      }
    if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
    let channels = customer.channels.map { reach in
      let address = reach.address.map { "\(reach.channel) \($0)" } ?? reach.channel
      return reach.obstacle.map { "\(address): \($0.plainText(channel: reach.channel))" } ?? address
    }
    // The channels on one line when it is short, else one each.
    let joined = "  " + channels.joined(separator: " · ")
    lines += joined.count <= 78 ? (channels.isEmpty ? [] : [joined]) : channels.map { "  " + $0 }
    let earlier = customer.earlierSends.suffix(5).reversed().map {
      "\($0.offer) by \($0.channel) on \(times.day($0.sendAt)) (run \($0.run))"
    }
    if !earlier.isEmpty {
      let more = customer.earlierSends.count > 5 ? ", and \(customer.earlierSends.count - 5) earlier" : ""
      lines.append("  sent before: " + earlier.joined(separator: ", ") + more)
    }
    return lines
  }

  /// `Gets THANKS10 by email on 1 Nov 00:00.` or `Gets nothing.`
  private var verdict: String {
    let sent = decisions.filter { $0.status == .send }
    guard !sent.isEmpty else { return "Gets nothing." }
    return "Gets "
      + sent.map { "\($0.offer) by \($0.channel ?? "?") on \(times.moment($0.sendAt))" }
      .joined(separator: ", and ") + "."
  }

  private func plainLines(_ rule: RuleExplanation) -> [String] {
    var lines = [rule.rule]
    guard !rule.attempts.isEmpty else {
      return lines + ["  no \(rule.triggerRow ?? "row") for this customer"]
    }
    for attempt in rule.attempts {
      var indent = "  "
      if let id = attempt.triggerID {
        let when = attempt.times.map { "\($0.field) \(times.moment($0.value))" }
        lines.append("  \(rule.triggerRow ?? "row") \(id)" + (when.isEmpty ? "" : ", " + when.joined(separator: ", ")))
        indent = "    "
      }
      for condition in attempt.conditions { lines += checkLines(condition, indent: indent, prefix: "") }
      for exception in attempt.exceptions { lines += checkLines(exception, indent: indent, prefix: "unless ") }
      guard case .candidate(_, let decisions) = attempt.outcome else {
        lines.append(indent + "→ no offer: " + (words(attempt, row: rule.triggerRow) ?? "no candidate"))
        continue
      }
      lines += rule.variants.map { indent + "  " + $0.plainText }
      for decision in decisions {
        var line = indent + "→ \(decision.offer): \(words(decision))"
        if decision.status == .send { line += " on \(times.moment(decision.sendAt))" }
        lines.append(line)
        if let move = decision.move { lines.append(indent + "  " + move.text(to: decision.sendAt)) }
        if decision.merged > 0 {
          let others = decision.merged == 1 ? "1 other trigger row" : "\(decision.merged) other trigger rows"
          lines.append(indent + "  (\(others) made the same offer; it counts once)")
        }
        for (part, text) in [("subject", decision.subject), ("message", decision.message)] {
          guard let text else { continue }
          lines.append(indent + "  \(part): \"\(text.replacingOccurrences(of: "\n", with: "\\n"))\"")
        }
      }
    }
    return lines
  }

  /// A condition as checks: an `and`'s parts one per line (each must hold), anything
  /// else one line, marked ✓ (lets the offer through), ✗ (stops it) or ? (unknown: a value
  /// is missing); a failed one says what it `needs`.
  private func checkLines(_ c: ConditionValue, indent: String, prefix: String, needs: Bool = true) -> [String] {
    if prefix.isEmpty, c.isConjunction {
      return c.parts.flatMap { checkLines($0, indent: indent, prefix: "", needs: needs) }
    }
    // The mark says whether the check lets the offer through: an `unless` does when it does not hold.
    let mark =
      switch c.value {
      case .unknown: "?"
      case .yes: prefix.isEmpty ? "✓" : "✗"
      case .no: prefix.isEmpty ? "✗" : "✓"
      }
    // An `or`: which of its parts held.
    if c.parts.count > 1 {
      return [indent + "\(mark) \(prefix)one of:"]
        + c.parts.flatMap {
          // Of an `or` that held, the parts that did not need nothing.
          checkLines($0, indent: indent + "    ", prefix: "", needs: needs && !c.value.holds)
        }
    }
    var read = c.leafDetails
    if let excerpt = c.excerpt {
      read = read.filter { $0.count <= 60 } + [excerpt]
    }
    // A comparison says what value would do (`needs >= 4`); a phrase would only repeat itself.
    if needs, !c.value.holds, prefix.isEmpty, let wanted = c.needs, let first = wanted.first, "<>=!".contains(first) {
      read.append("needs \(wanted)")
    }
    let line = indent + "\(mark) \(prefix)\(c.text)" + (read.isEmpty ? "" : ": " + read.joined(separator: "; "))
    return [line]
  }
}

extension ConditionValue {
  /// The values the condition and its parts read, each once, long ones cut.
  fileprivate var leafDetails: [String] {
    var all: [String] = []
    func add(_ c: ConditionValue) {
      for d in c.details.map(c.shortened) where !all.contains(d) { all.append(d) }
      c.parts.forEach(add)
    }
    add(self)
    return all
  }

  /// A detail on one line and at most 80 characters; `count(…) = 0` under the condition
  /// `count(…) > 0` says no more than `it is 0`.
  private func shortened(_ detail: String) -> String {
    var d = detail
    if let equals = d.range(of: " = "), d[..<equals.lowerBound].count > 12, text.contains(d[..<equals.lowerBound]) {
      d = "it is " + d[equals.upperBound...]
    }
    d = d.split(whereSeparator: \.isNewline).joined(separator: " ")
    return d.count > 80 ? String(d.prefix(77)) + "…" : d
  }
}

extension VariantChoice {
  /// `in variant B (THANKS15) of the split, as 30% of customers are; …`.
  fileprivate var plainText: String {
    let percent = Double(end - start) * 100 / Double(VariantSplit.buckets)
    let share = percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    return "in variant \(variant) (\(offer)) of the split, as \(share) of customers are; always the same for them"
  }
}
