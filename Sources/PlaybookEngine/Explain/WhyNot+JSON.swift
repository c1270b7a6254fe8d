import PlaybookLanguage

extension WhyNot {
  /// The same as the text, for programs: per rule, per trigger row, the obstacle.
  public var json: JSONValue {
    .object([
      JSONMember("offer", .string(offer)),
      JSONMember("gets", .bool(decisions.contains { $0.status == .send })),
      JSONMember(
        "rules",
        .array(
          rules.map { rule in
            .object([
              JSONMember("rule", .string(rule.rule)),
              JSONMember("trigger_row", rule.triggerRow.map(JSONValue.string) ?? .null),
              JSONMember(
                "rows",
                .array(
                  rule.rows.map { row in
                    .object(
                      [JSONMember("trigger_id", row.triggerID.map(JSONValue.string) ?? .null)] + row.obstacle.json)
                  })),
            ])
          })),
    ])
  }
}

extension WhyNot.Obstacle {
  var json: [JSONMember] {
    switch self {
    case .condition(let c):
      return [
        JSONMember("obstacle", .string("condition")), JSONMember("condition", .string(c.text)),
        JSONMember("value", c.value == .unknown ? .null : .bool(false)),
        JSONMember("details", .array(c.details.map(JSONValue.string))),
        JSONMember("needs", c.needs.map(JSONValue.string) ?? .null),
      ]
    case .unless(let c):
      return [
        JSONMember("obstacle", .string("unless")), JSONMember("condition", .string(c.text)),
        JSONMember("details", .array(c.details.map(JSONValue.string))),
      ]
    case .outsideWindow(let t):
      return [
        JSONMember("obstacle", .string("outside_window")), JSONMember("trigger_time", .string(Timestamp.format(t))),
      ]
    case .afterClock(let t):
      return [
        JSONMember("obstacle", .string("after_clock")), JSONMember("trigger_time", .string(Timestamp.format(t))),
      ]
    case .decided(let d, let why):
      return [
        JSONMember("obstacle", .string(d.status == .send ? "none" : "decision")),
        JSONMember("status", .string(d.status.rawValue)), JSONMember("reason", .string(d.reason)),
        JSONMember("why", .string(why)),
      ]
    case .otherOffer:
      return [JSONMember("obstacle", .string("other_variant"))]
    }
  }
}
