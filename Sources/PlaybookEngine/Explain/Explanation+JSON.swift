import PlaybookLanguage

extension Explanation {
  /// The same tree as `text`, for programs (`--json`).
  public var json: JSONValue {
    .object([
      JSONMember("customer_id", .string(customerID)),
      JSONMember("clock", .string(Timestamp.format(clock))),
      JSONMember("customer", customer.json),
      JSONMember("rules", .array(rules.map { $0.json(self) })),
      JSONMember("decisions", .array(decisions.map(json))),
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

  /// A decision, with `why`: its cause in plain words (`words(_:)`).
  func json(_ d: Decision) -> JSONValue {
    var members = [
      JSONMember("rule", .string(d.rule)),
      JSONMember("offer", .string(d.offer)),
      JSONMember("trigger_id", d.triggerID.map(JSONValue.string) ?? .null),
      JSONMember("status", .string(d.status.rawValue)),
      JSONMember("reason", .string(d.reason)),
      JSONMember("why", .string(words(d))),
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

extension CustomerFacts {
  var json: JSONValue {
    .object([
      JSONMember("id", .string(id)),
      JSONMember("name", name.map(JSONValue.string) ?? .null),
      JSONMember("zone", zone.map(JSONValue.string) ?? .null),
      JSONMember("fields", .object(fields.map { JSONMember($0.name, .string($0.value)) })),
      JSONMember(
        "segments",
        .object(segments.map { JSONMember($0.name, $0.member == .unknown ? .null : .bool($0.member == .yes)) })),
      JSONMember(
        "channels",
        .array(
          channels.map { reach in
            .object([
              JSONMember("channel", .string(reach.channel)),
              JSONMember("address", reach.address.map(JSONValue.string) ?? .null),
              JSONMember("reachable", .bool(reach.obstacle == nil)),
              JSONMember(
                "why_not", reach.obstacle.map { .string($0.plainText(channel: reach.channel)) } ?? .null),
            ])
          })),
      JSONMember(
        "earlier_sends",
        .array(
          earlierSends.map { send in
            .object([
              JSONMember("rule", .string(send.rule)), JSONMember("offer", .string(send.offer)),
              JSONMember("trigger_id", send.triggerID.map(JSONValue.string) ?? .null),
              JSONMember("channel", .string(send.channel)),
              JSONMember("send_at", .string(Timestamp.format(send.sendAt))), JSONMember("run", .integer(send.run)),
            ])
          })),
    ])
  }
}

extension RuleExplanation {
  func json(_ explanation: Explanation) -> JSONValue {
    var members = [
      JSONMember("rule", .string(rule)),
      JSONMember("trigger_row", triggerRow.map(JSONValue.string) ?? .null),
      JSONMember("came_close", .bool(cameClose)),
      JSONMember("attempts", .array(attempts.map { $0.json(explanation, row: triggerRow) })),
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
  func json(_ explanation: Explanation, row: String?) -> JSONValue {
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
        JSONMember("decisions", .array(decisions.map(explanation.json))),
      ]
    }
    if let why = explanation.words(self, row: row) { outcome.append(JSONMember("why", .string(why))) }
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
    var members = [
      JSONMember("condition", .string(text)),
      JSONMember("value", value == .unknown ? .null : .bool(value == .yes)),
      JSONMember("details", .array(details.map(JSONValue.string))),
      JSONMember("parts", .array(parts.map(\.json))),
    ]
    if let excerpt { members.append(JSONMember("excerpt", .string(excerpt))) }
    return .object(members)
  }
}
