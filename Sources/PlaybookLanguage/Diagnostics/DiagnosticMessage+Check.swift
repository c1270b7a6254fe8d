/// The checker's messages.
extension DiagnosticMessage {
  // MARK: Declarations

  /// `duplicate rule 'x'`, pointing back at the first.
  static func duplicateName(_ what: String, _ name: String, firstLine: Int) -> Self {
    Self(.duplicateName, "duplicate \(what) '\(name)'", hint: "first declared on line \(firstLine)")
  }

  /// `offer 'stay15' differs from offer 'STAY15' (line 4) only in case` (offerNameClash):
  /// their audience files would be one file on a disk that ignores case.
  static func offerCaseTwin(_ code: String, _ other: String, firstLine: Int) -> Self {
    Self(
      .offerNameClash, "offer '\(code)' differs from offer '\(other)' (line \(firstLine)) only in case",
      hint: "rename one: each offer's audience file is named for its code, and disks may ignore case")
  }

  /// `offer 'decisions' would export over the export's own decisions file` (offerNameClash).
  static func offerNamesExportFile(_ code: String, file: String) -> Self {
    Self(
      .offerNameClash, "offer '\(code)' would export over the export's own \(file) file",
      hint:
        "rename the offer: \(ExportFileNames.reserved.sorted().map { "'\($0)'" }.joined(separator: " and ")) are taken")
  }

  static let windowNotPositive = Self(.invalidValue, "window must be longer than zero")
  static let priorityNotWhole = Self(.invalidValue, "priority must be a whole number")
  static let limitNotWhole = Self(.invalidValue, "limit must be a whole number of at least 1")
  static let limitPeriodNotPositive = Self(.invalidValue, "limit period must be longer than zero")

  /// `limit 1 per customer counts this run's sends only: nightly runs stack offers`
  /// (limitPerRun), with the `per 7d` line as its fix-it (keeping a `via CHANNEL`).
  public static func limitPerRun(_ limit: Limit) -> Self {
    let fixed = Limit(
      count: limit.count, period: DurationLiteral(seconds: 7 * 86_400, spelling: "7d", range: .nowhere),
      channel: limit.channel
    ).text
    return Self(
      .limitPerRun,
      "\(limit.text) counts this run's sends only, so each nightly run adds more offers",
      hint: "with a ledger, give the limit a period, e.g. `\(fixed)`", replacement: fixed)
  }

  static let everyNotPositive = Self(.invalidValue, "every must be longer than zero")
  static let sentPeriodNotPositive = Self(.invalidValue, "sent(… in last D) needs a period longer than zero")

  /// `rule 'r' sends once per complaint; 'every' is for a rule about the customer`
  /// (everyWithTrigger): a triggered rule already sends again for each new trigger row.
  static func everyWithTrigger(rule: String, trigger: String, every: String) -> Self {
    Self(
      .everyWithTrigger, "rule '\(rule)' sends once per \(trigger) already; 'every' is for a rule about the customer",
      hint: "remove `every \(every)`, or space a customer's offers out with `limit 1 per customer per \(every)`")
  }

  /// `every 90d reads the send ledger, and the playbook names none` (ledgerRequired):
  /// without one nothing earlier runs sent is known.
  public static func ledgerRequired(_ what: String, consequence: String) -> Self {
    Self(
      .ledgerRequired, "\(what) reads the send ledger, and the playbook names none",
      hint: "add `ledger \"state/sends.ledger\"` or run with --ledger FILE; without one \(consequence)")
  }

  static func holdoutOutOfRange(_ spelling: String) -> Self {
    Self(
      .invalidValue, "holdout \(spelling) is outside 0–100%",
      hint: "a holdout is a share of customers, from 0% to 100%")
  }

  static let noCustomersTable = Self(
    .noCustomers, "no customers table", hint: "load the customers with `load customers from \"customers.csv\"`")

  /// `the playbook loads no customers table` (noCustomers).
  public static let loadsNoCustomers = Self(
    .noCustomers, "the playbook loads no customers table", hint: "add `load customers from \"customers.csv\"`")

  static let customersLinked = Self(.invalidLink, "the customers table links to no other table")

  /// `tables link in a circle: reviews → orders → reviews` (invalidLink).
  static func linkCycle(_ tables: [String]) -> Self {
    Self(
      .invalidLink, "tables link in a circle: \(tables.joined(separator: " → "))",
      hint: "follow the links from any table and they must reach the customers")
  }

  static func defineOverCustomers(_ name: String) -> Self {
    Self(
      .invalidDefine, "define names a kind of event row; customers are grouped with segment",
      hint: "write `segment \(name) = …`")
  }

  /// `segment 'vip' is defined in terms of itself: vip → gold → vip` (definitionCycle).
  static func definitionCycle(_ kind: String, _ names: [String]) -> Self {
    Self(
      .definitionCycle,
      "\(kind) '\(names[0])' is defined in terms of itself: \(names.joined(separator: " → "))",
      hint: "a segment or define cannot use itself, directly or through others")
  }

  // MARK: Names

  static func unknownRow(_ row: String, hint: String?) -> Self {
    Self(.unknownRow, "unknown row '\(row)'", hint: hint)
  }

  static func rowNotAllowed(_ row: String, hint: String) -> Self {
    Self(.invalidRow, "'\(row)' cannot be used here", hint: hint)
  }

  static func unknownField(_ field: String, on row: String, hint: String?) -> Self {
    Self(.unknownField, "unknown field '\(field)' on \(row)", hint: hint)
  }

  /// A lifecycle field (`opened`, `resolved` …) with no column behind it.
  static func missingLifecycleColumn(table: String, column: String, for use: String, field: String) -> Self {
    Self(
      .unknownField, "\(table) has no '\(column)' column for '\(use)'",
      hint: "map it with `with \(field) = COLUMN` on the load")
  }

  /// A column a `load` names (key, link, mapped, typed) that its file lacks.
  static func unknownColumn(path: String, column: String, role: String, hint: String) -> Self {
    Self(.unknownColumn, "\(path) has no column '\(column)' for the \(role)", hint: hint)
  }

  static func unknownSegment(_ name: String, hint: String?) -> Self {
    Self(.unknownSegment, "unknown segment '\(name)'", hint: hint)
  }

  static func unknownOffer(_ name: String, hint: String) -> Self {
    Self(.unknownOffer, "unknown offer '\(name)'", hint: hint)
  }

  static func unknownChannel(_ name: String, hint: String) -> Self {
    Self(.unknownChannel, "unknown channel '\(name)'", hint: hint)
  }

  static func unknownTable(_ name: String, hint: String) -> Self {
    Self(.unknownTable, "unknown table '\(name)'", hint: hint)
  }

  // MARK: Rules

  static func twoTriggers(rule: String, first: String, second: String) -> Self {
    Self(
      .twoTriggers, "rule '\(rule)' names two event rows, '\(first)' and '\(second)'",
      hint: "a rule triggers on one row; test the other with count(\(second) where …)")
  }

  static func missingSend(rule: String) -> Self {
    Self(.missingSend, "rule '\(rule)' has no send", hint: "add a line such as `send OFFER via email`")
  }

  // MARK: Types

  /// A type error in the checker's words, e.g. `cannot compare text with integer`.
  static func typeError(_ text: String, hint: String? = nil) -> Self {
    Self(.typeError, text, hint: hint)
  }
}

// MARK: Message templates

extension DiagnosticMessage {
  /// A template names a variable that does not exist (`custmer.first_name`).
  static func unknownVariable(_ name: String, hint: String?) -> Self {
    Self(.unknownField, "unknown variable '\(name)' in a message", hint: hint)
  }

  /// A template's filter that does not exist (`upper` for `upcase`).
  static func unknownFilter(_ name: String, hint: String?) -> Self {
    Self(.unknownFilter, "unknown filter '\(name)'", hint: hint)
  }

  /// `trigger.*` in an offer a customer-level rule sends: there is no trigger row.
  static func noTriggerRow(rule: String) -> Self {
    Self(
      .invalidRow, "rule '\(rule)' sends this offer but triggers on no row, so there is no 'trigger'",
      hint: "use customer.* fields, or send the offer only from rules whose when names a row")
  }

  /// `offer SORRY25 has no 'message sms' line, so its sends by sms go without a message`
  /// (missingMessage): the offer has message lines, but none for a channel a rule sends
  /// it by.
  static func missingMessage(offer: String, channel: String) -> Self {
    Self(
      .missingMessage,
      "offer \(offer) has no 'message \(channel)' line, so its sends by \(channel) go without a message",
      hint:
        "add `message \(channel) \"…\"` under offer \(offer), or send it only by channels it has a message for"
    )
  }

  /// An SMS that renders longer than one text message for some customers.
  public static func longSMS(offer: String, channel: String, customers: Int, limit: String) -> Self {
    Self(
      .longSMS,
      "offer \(offer)'s \(channel) message is longer than one text (\(limit)) for \(customers) customer\(customers == 1 ? "" : "s")",
      hint: "shorten it, or cut a field with | truncate: N")
  }
}

extension DiagnosticMessage {
  /// Sends of an offer that a sending tool's import cannot take, left out of its file.
  public static func importSetAside(offer: String, sends: Int, channels: [String], tool: String) -> Self {
    Self(
      .importSetAside,
      "\(sends) send\(sends == 1 ? "" : "s") of \(offer) by \(channels.joined(separator: ", ")) left out of the "
        + "\(tool) file: \(tool) imports contacts by email address",
      hint:
        "they are `unreachable` in decisions.csv and not recorded as sent; to reach them, send \(offer) via email "
        + "first, or export for a tool that also texts (braze, customerio, iterable)"
    )
  }

  /// A subject or message longer than a sending tool's text field, for some customers.
  public static func importTextClipped(_ what: String, customers: Int, tool: String, bytes: Int) -> Self {
    Self(
      .importTextClipped,
      "offer \(what) is longer than \(tool)'s \(bytes)-byte text field for \(customers) customer"
        + "\(customers == 1 ? "" : "s"); \(tool) cuts it there",
      hint: "shorten it, or cut a field with | truncate: N")
  }
}
