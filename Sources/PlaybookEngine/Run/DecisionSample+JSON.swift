import PlaybookLanguage

extension DecisionSample {
  /// The sample for programs (`playloop sample --format json`): what it is of, how many of
  /// how many, and each row's decision (`decision` null for a customer without one).
  public func json(seed: UInt64, clock: Int64) -> JSONValue {
    .object([
      JSONMember("of", .string(what)), JSONMember("clock", .string(Timestamp.format(clock))),
      JSONMember("seed", .integer(Int64(bitPattern: seed))), JSONMember("picked", .integer(Int64(picked))),
      JSONMember("total", .integer(Int64(total))),
      JSONMember(
        "rows",
        .array(
          rows.map { customer, d in
            .object([
              JSONMember("customer_id", .string(customer)),
              JSONMember(
                "decision",
                d.map { d in
                  .object([
                    JSONMember("rule", .string(d.rule)), JSONMember("offer", .string(d.offer)),
                    JSONMember("variant", d.variant.map(JSONValue.string) ?? .null),
                    JSONMember("status", .string(d.status.rawValue)),
                    JSONMember("channel", d.channel.map(JSONValue.string) ?? .null),
                    JSONMember("send_at", .string(Timestamp.format(d.sendAt))), JSONMember("reason", .string(d.reason)),
                  ])
                } ?? .null),
            ])
          })),
    ])
  }
}
