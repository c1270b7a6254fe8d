import PlaybookLanguage

extension Explanation {
  /// The same tree as `text`, for programs (`--json`).
  public var json: JSONValue {
    .object([
      JSONMember("customer_id", .string(customerID)),
      JSONMember("clock", .string(Timestamp.format(clock))),
      JSONMember("rules", .array(rules.map(\.json))),
      JSONMember("decisions", .array(decisions.map(Self.json))),
      JSONMember(
        "set_aside",
        .array(
          setAside.map {
            .object([
              JSONMember("table", .string($0.table)), JSONMember("file", .string($0.file)),
              JSONMember("line", .integer(Int64($0.line))), JSONMember("reason", .string($0.reason)),
            ])
          })),
    ])
  }

  static func json(_ d: Decision) -> JSONValue {
    var members = [
      JSONMember("rule", .string(d.rule)),
      JSONMember("offer", .string(d.offer)),
      JSONMember("trigger_id", d.triggerID.map(JSONValue.string) ?? .null),
      JSONMember("status", .string(d.status.rawValue)),
      JSONMember("reason", .string(d.reason)),
      JSONMember("channel", d.channel.map(JSONValue.string) ?? .null),
      JSONMember("send_at", .string(Timestamp.format(d.sendAt))),
    ]
    // With a `timezone` statement, the same moment on the customer's clock, as exported.
    if let offset = d.localOffset {
      var times = TimestampWriter()
      let local = times.withText(d.sendAt, offset: offset) { String(decoding: $0, as: UTF8.self) }
      members.append(JSONMember("local_send_at", .string(local)))
    }
    // `variant` after `offer` only when the rule splits, as in the decisions log.
    if let variant = d.variant { members.insert(JSONMember("variant", .string(variant)), at: 2) }
    if let subject = d.subject { members.append(JSONMember("subject", .string(subject))) }
    if let message = d.message { members.append(JSONMember("message", .string(message))) }
    if let move = d.move {
      members.append(JSONMember("moved_from", .string(Timestamp.format(move.from))))
      members.append(JSONMember("moved_because", .string(move.reason)))
    }
    return .object(members)
  }
}

extension RuleExplanation {
  var json: JSONValue {
    var members = [
      JSONMember("rule", .string(rule)),
      JSONMember("trigger_row", triggerRow.map(JSONValue.string) ?? .null),
      JSONMember("came_close", .bool(cameClose)),
      JSONMember("attempts", .array(attempts.map(\.json))),
    ]
    if !variants.isEmpty { members.append(JSONMember("variants", .array(variants.map(\.json)))) }
    return .object(members)
  }
}

extension VariantChoice {
  var json: JSONValue {
    .object([
      JSONMember("variant", .string(variant)), JSONMember("offer", .string(offer)),
      JSONMember("bucket", .integer(Int64(bucket))), JSONMember("bucket_start", .integer(Int64(start))),
      JSONMember("bucket_end", .integer(Int64(end))),
    ])
  }
}

extension TriggerAttempt {
  var json: JSONValue {
    var outcome: [JSONMember] = []
    switch self.outcome {
    case .conditionFailed: outcome = [JSONMember("result", .string("condition_failed"))]
    case .excepted: outcome = [JSONMember("result", .string("unless_holds"))]
    case .outsideWindow(let t):
      outcome = [
        JSONMember("result", .string("outside_window")), JSONMember("trigger_time", .string(Timestamp.format(t))),
      ]
    case .afterClock(let t):
      outcome = [
        JSONMember("result", .string("after_clock")), JSONMember("trigger_time", .string(Timestamp.format(t))),
      ]
    case .candidate(let t, let decisions):
      outcome = [
        JSONMember("result", .string("candidate")), JSONMember("trigger_time", .string(Timestamp.format(t))),
        JSONMember("decisions", .array(decisions.map(Explanation.json))),
      ]
    }
    return .object([
      JSONMember("trigger_id", triggerID.map(JSONValue.string) ?? .null),
      JSONMember("times", .object(times.map { JSONMember($0.field, .string(Timestamp.format($0.value))) })),
      JSONMember("conditions", .array(conditions.map(\.json))),
      JSONMember("unless", .array(exceptions.map(\.json))),
      JSONMember("outcome", .object(outcome)),
    ])
  }
}

extension ConditionValue {
  var json: JSONValue {
    .object([
      JSONMember("condition", .string(text)),
      JSONMember("value", value == .unknown ? .null : .bool(value == .yes)),
      JSONMember("details", .array(details.map(JSONValue.string))),
      JSONMember("parts", .array(parts.map(\.json))),
    ])
  }
}
