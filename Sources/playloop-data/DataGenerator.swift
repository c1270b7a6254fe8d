/// Writes customers.csv, tickets.csv, orders.csv and calls.jsonl for `customers`
/// customers: the personas first, then random customers whose every draw comes from a
/// stream seeded by (seed, customer), so the same options give the same bytes.
struct DataGenerator {
  struct Options {
    var customers: Int
    var seed: UInt64
    var outputFolder: String
    /// Seconds since 1970; every event happens before it.
    var clock: Int
    var flaws: Bool
    /// Rewrite the CSV files as a spreadsheet export would (`MessyHeaders`).
    var messyHeaders: Bool
  }

  private let options: Options
  private let customerWidth: Int
  private var tickets: [TicketRecord] = []
  private var orders: [OrderRecord] = []
  private var calls: [CallRecord] = []
  /// Persona subjects and transcripts, indexed by a record's `script`.
  private var scripts: [[UInt8]] = []
  private var scratch: [UInt8] = []
  /// Where each deliberate flaw went, for the report.
  private(set) var flawNotes: [String] = []

  init(options: Options) {
    self.options = options
    customerWidth = max(4, decimalDigits(options.customers))
    scratch.reserveCapacity(1024)
  }

  private static let window = 120 * day

  /// Generates everything and returns (file name, rows, bytes) per file.
  mutating func run() throws(GeneratorError) -> [(String, Int, Int)] {
    tickets.reserveCapacity(options.customers * 5 + 64)
    orders.reserveCapacity(options.customers * 2 + 64)
    calls.reserveCapacity(options.customers + 64)
    var written: [(String, Int, Int)] = []
    written.append(try writeCustomers())
    written.append(try writeTickets())
    written.append(try writeOrders())
    written.append(try writeCalls())
    return written
  }

  private func sink(_ name: String) throws(GeneratorError) -> ByteSink {
    try ByteSink(path: options.outputFolder + "/" + name)
  }

  // MARK: Customers (and, as each is drawn, its events)

  private mutating func writeCustomers() throws(GeneratorError) -> (String, Int, Int) {
    var out = try sink("customers.csv")
    out.ascii(
      "id,name,email,phone,email_opt_in,sms_opt_in,tier,lifetime_value,country,created_at,first_name,tz")
    out.endLine()
    for index in 0..<options.customers {
      out.id("C-", index + 1, width: customerWidth)
      out.byte(44)
      if index < Persona.all.count {
        writePersona(Persona.all[index], index: index, to: &out)
      } else {
        writeRandomCustomer(index: index, to: &out)
      }
      out.endLine()
    }
    let bytes = try out.close()
    return ("customers.csv", options.customers, bytes)
  }

  private mutating func writePersona(_ p: Persona, index: Int, to out: inout ByteSink) {
    out.csvField(Array(p.name.utf8))
    out.byte(44)
    if let email = p.email { out.bytes(Array(email.utf8)) }
    out.byte(44)
    if let phone = p.phone { out.bytes(Array(phone.utf8)) }
    out.byte(44)
    out.boolean(p.emailOptIn)
    out.byte(44)
    out.boolean(p.smsOptIn)
    out.byte(44)
    out.bytes(Vocabulary.tiers[p.tier.rawValue])
    out.byte(44)
    out.cents(p.lifetimeCents)
    out.byte(44)
    out.bytes(Array(p.country.utf8))
    out.byte(44)
    out.timestamp(options.clock - 400 * day - index * 7 * day)
    out.byte(44)
    out.csvField(Array(p.name.utf8.prefix { $0 != 32 }))
    out.byte(44)
    out.bytes(p.tz.map { Array($0.utf8) } ?? TimeZones.usual(countryCode: p.country))
    let customer = Int32(index)
    for t in p.tickets {
      scripts.append(Array(t.subject.utf8))
      tickets.append(
        TicketRecord(
          customer: customer, opened: Int32(t.opened),
          respondedAfter: Int32(t.respondedAfter ?? -1),
          resolvedAfter: Int32(t.resolvedAfter ?? -1), kind: UInt8(t.kind.rawValue),
          channel: UInt8(t.channel.rawValue), csat: UInt8(t.csat ?? 0),
          script: Int16(scripts.count - 1), seed: 0))
    }
    for c in p.calls {
      scripts.append(Array(c.transcript.utf8))
      calls.append(
        CallRecord(
          customer: customer, started: Int32(c.started), minutes: Int16(c.minutes),
          agent: UInt8(index % Vocabulary.agents.count), mentionsLeaving: false,
          script: Int16(scripts.count - 1), seed: 0))
    }
    for o in p.orders {
      orders.append(
        OrderRecord(
          customer: customer, ordered: Int32(o.ordered), cents: Int32(o.cents),
          status: UInt8(o.status)))
    }
  }

  private mutating func writeRandomCustomer(index: Int, to out: inout ByteSink) {
    var rng = SplitMix64(seed: options.seed, stream: UInt64(index))
    let first = rng.below(Vocabulary.firstNames.count)
    let last = rng.below(Vocabulary.lastNames.count)
    scratch.removeAll(keepingCapacity: true)
    let form = rng.below(100)
    if form < 3 {
      scratch += Vocabulary.lastNames[last]
      scratch += [44, 32]
      scratch += Vocabulary.firstNames[first]
    } else {
      scratch += Vocabulary.firstNames[first]
      scratch.append(32)
      if form < 6 {
        scratch.append(34)
        scratch += Vocabulary.nicknames[rng.below(Vocabulary.nicknames.count)]
        scratch += [34, 32]
      }
      scratch += Vocabulary.lastNames[last]
      if form >= 6, form < 8 {
        scratch += Vocabulary.suffixes[rng.below(Vocabulary.suffixes.count)]
      }
    }
    out.csvField(scratch)
    out.byte(44)
    if rng.chance(93) {
      out.bytes(Vocabulary.firstSlugs[first])
      out.byte(46)
      out.bytes(Vocabulary.lastSlugs[last])
      out.byte(46)
      out.integer(index + 1)
      out.byte(64)
      out.bytes(Vocabulary.emailDomains[rng.below(Vocabulary.emailDomains.count)])
    }
    out.byte(44)
    let countryIndex = rng.pick(Vocabulary.countryWeights)
    let country = Vocabulary.countries[countryIndex]
    if rng.chance(78) {
      out.bytes(country.phonePrefix)
      var limit = 1
      for _ in 0..<country.digits { limit *= 10 }
      out.zeroPadded(rng.below(limit), width: country.digits)
    }
    out.byte(44)
    out.boolean(rng.chance(62))
    out.byte(44)
    out.boolean(rng.chance(38))
    out.byte(44)
    let tier = rng.pick([60, 28, 12])
    out.bytes(Vocabulary.tiers[tier])
    out.byte(44)
    switch tier {
    case 0: out.cents(rng.chance(3) ? rng.between(100_000, 300_000) : rng.between(0, 90_000))
    case 1: out.cents(rng.between(20_000, 200_000))
    default: out.cents(rng.between(80_000, 800_000))
    }
    out.byte(44)
    out.bytes(country.code)
    out.byte(44)
    out.timestamp(options.clock - Self.window - day - rng.below(1000 * day))
    // The columns added later draw from their own stream, so the ones above (and the
    // events below) stay what they were for the same seed.
    var added = SplitMix64(seed: options.seed, stream: UInt64(index) | 1 << 42)
    out.byte(44)
    if !added.chance(3) { out.bytes(Vocabulary.firstNames[first]) }
    out.byte(44)
    out.bytes(TimeZones.draw(country: countryIndex, rng: &added))
    drawEvents(customer: Int32(index), rng: &rng)
  }

  // MARK: Random events

  private mutating func drawEvents(customer: Int32, rng: inout SplitMix64) {
    let ticketCount = rng.chance(70) ? rng.between(0, 6) : rng.between(5, 14)
    for _ in 0..<ticketCount { tickets.append(drawTicket(customer: customer, rng: &rng)) }
    for _ in 0..<rng.between(0, 4) {
      let ordered = -1 - rng.below(Self.window)
      let cents = rng.chance(5) ? rng.between(40_000, 200_000) : rng.between(500, 40_000)
      let status = ordered > -3 * day && rng.chance(40) ? 3 : rng.pick([86, 7, 7])
      orders.append(
        OrderRecord(
          customer: customer, ordered: Int32(ordered), cents: Int32(cents),
          status: UInt8(status)))
    }
    for _ in 0..<rng.pick([35, 35, 20, 10]) {
      calls.append(
        CallRecord(
          customer: customer, started: Int32(-45 * minute - rng.below(Self.window)),
          minutes: Int16(rng.between(2, 40)), agent: UInt8(rng.below(Vocabulary.agents.count)),
          mentionsLeaving: rng.chance(22), script: -1,
          seed: UInt32(truncatingIfNeeded: rng.next())))
    }
  }

  /// Resolution speeds: fast (≤ 4h), medium, slow (> 72h) and never resolved; csat
  /// follows the speed.
  private static let speedWeights = [38, 30, 27, 5]
  private static let csatWeights = [
    [2, 3, 10, 35, 50], [8, 12, 30, 30, 20], [40, 30, 18, 8, 4], [1, 1, 1, 1, 1],
  ]

  private func drawTicket(customer: Int32, rng: inout SplitMix64) -> TicketRecord {
    let opened = -1 - rng.below(Self.window)
    let kind = rng.pick([35, 35, 20, 10])
    let channel = rng.pick([40, 25, 20, 15])
    let speed = rng.pick(Self.speedWeights)
    var resolved: Int? =
      switch speed {
      case 0: rng.between(5 * minute, 4 * hour)
      case 1: rng.between(4 * hour + 1, 72 * hour)
      case 2: rng.between(72 * hour + 1, 21 * day)
      default: nil
      }
    var responded: Int? =
      if channel == 3 && kind == 0 && rng.chance(40) {
        rng.between(6 * hour, 5 * day)
      } else if channel == 0 {
        rng.between(15 * minute, 24 * hour)
      } else {
        rng.between(minute, 3 * hour)
      }
    if let r = resolved, let p = responded { responded = min(p, r) }
    if speed == 3, rng.chance(50) { responded = nil }
    if let r = resolved, opened + r > 0 { resolved = nil }
    if let p = responded, opened + p > 0 { responded = nil }
    let rated = resolved != nil && rng.chance(65)
    let csat = rated ? rng.pick(Self.csatWeights[speed]) + 1 : 0
    return TicketRecord(
      customer: customer, opened: Int32(opened), respondedAfter: Int32(responded ?? -1),
      resolvedAfter: Int32(resolved ?? -1), kind: UInt8(kind), channel: UInt8(channel),
      csat: UInt8(csat), script: -1, seed: UInt32(truncatingIfNeeded: rng.next()))
  }

  // MARK: Tickets

  private mutating func writeTickets() throws(GeneratorError) -> (String, Int, Int) {
    var out = try sink("tickets.csv")
    out.ascii(
      "id,customer_id,kind,channel,subject,opened_at,first_response_at,resolved_at,csat")
    out.endLine()
    let width = max(4, decimalDigits(tickets.count + 2))
    let order = timeOrder(count: tickets.count) { tickets[$0].opened }
    for (position, index) in order.enumerated() {
      if options.flaws { writeTicketFlaw(after: position, width: width, to: &out) }
      let t = tickets[index]
      out.id("T-", position + 1, width: width)
      out.byte(44)
      out.id("C-", Int(t.customer) + 1, width: customerWidth)
      out.byte(44)
      out.bytes(Vocabulary.ticketKinds[Int(t.kind)])
      out.byte(44)
      out.bytes(Vocabulary.channels[Int(t.channel)])
      out.byte(44)
      if t.script >= 0 {
        out.csvField(scripts[Int(t.script)])
      } else {
        var rng = SplitMix64(seed: options.seed, stream: UInt64(t.seed) | 1 << 40)
        let templates = Vocabulary.subjects[Int(t.kind)]
        fill(templates[rng.below(templates.count)], rng: &rng)
        out.csvField(scratch)
      }
      out.byte(44)
      let opened = options.clock + Int(t.opened)
      out.timestamp(opened)
      out.byte(44)
      if t.respondedAfter >= 0 { out.timestamp(opened + Int(t.respondedAfter)) }
      out.byte(44)
      if t.resolvedAfter >= 0 { out.timestamp(opened + Int(t.resolvedAfter)) }
      out.byte(44)
      if t.csat > 0 { out.integer(Int(t.csat)) }
      out.endLine()
    }
    let bytes = try out.close()
    return ("tickets.csv", tickets.count + (options.flaws ? 2 : 0), bytes)
  }

  /// A ticket of a customer that does not exist, and a row with one field too many.
  private mutating func writeTicketFlaw(after position: Int, width: Int, to out: inout ByteSink) {
    let missing = options.customers + 1
    if position == 7 {
      let digits = String(missing)
      let id = "C-" + String(repeating: "0", count: max(0, customerWidth - digits.count)) + digits
      flawNotes.append(
        "tickets.csv line \(out.lines + 1): links to customer \(id), who does not exist")
      out.id("T-", tickets.count + 1, width: width)
      out.byte(44)
      out.id("C-", missing, width: customerWidth)
      out.ascii(",question,email,Where is my order?,")
      out.timestamp(options.clock - 30 * day)
      out.ascii(",,,")
      out.endLine()
    } else if position == 15 {
      flawNotes.append("tickets.csv line \(out.lines + 1): 10 fields instead of 9")
      out.id("T-", tickets.count + 2, width: width)
      out.byte(44)
      out.id("C-", 1, width: customerWidth)
      out.ascii(",complaint,chat,Late, very late,")
      out.timestamp(options.clock - 20 * day)
      out.ascii(",,,")
      out.endLine()
    }
  }

  /// Puts `template` into `scratch`, with an order number after each `#`.
  private mutating func fill(_ template: [UInt8], rng: inout SplitMix64) {
    scratch.removeAll(keepingCapacity: true)
    for b in template {
      scratch.append(b)
      if b == 35 { appendDecimal(rng.between(10_000, 99_999)) }
    }
  }

  private mutating func appendDecimal(_ value: Int) {
    let start = scratch.count
    var v = value
    repeat {
      scratch.append(UInt8(48 + v % 10))
      v /= 10
    } while v > 0
    scratch[start...].reverse()
  }

  // MARK: Orders

  private mutating func writeOrders() throws(GeneratorError) -> (String, Int, Int) {
    var out = try sink("orders.csv")
    out.ascii("id,customer_id,total,status,ordered_at")
    out.endLine()
    let width = max(4, decimalDigits(orders.count + 1))
    let order = timeOrder(count: orders.count) { orders[$0].ordered }
    for (position, index) in order.enumerated() {
      let o = orders[index]
      if options.flaws, position == 5 {
        flawNotes.append("orders.csv line \(out.lines + 1): total `n/a` is not a number")
        out.id("O-", orders.count + 1, width: width)
        out.byte(44)
        out.id("C-", 2, width: customerWidth)
        out.ascii(",n/a,completed,")
        out.timestamp(options.clock - 50 * day)
        out.endLine()
      }
      out.id("O-", position + 1, width: width)
      out.byte(44)
      out.id("C-", Int(o.customer) + 1, width: customerWidth)
      out.byte(44)
      out.cents(Int(o.cents))
      out.byte(44)
      out.bytes(Vocabulary.orderStatuses[Int(o.status)])
      out.byte(44)
      out.timestamp(options.clock + Int(o.ordered))
      out.endLine()
    }
    let bytes = try out.close()
    return ("orders.csv", orders.count + (options.flaws ? 1 : 0), bytes)
  }

  // MARK: Calls

  private mutating func writeCalls() throws(GeneratorError) -> (String, Int, Int) {
    var out = try sink("calls.jsonl")
    let width = max(4, decimalDigits(calls.count + 1))
    let order = timeOrder(count: calls.count) { calls[$0].started }
    for (position, index) in order.enumerated() {
      let c = calls[index]
      if options.flaws, position == 3 {
        flawNotes.append("calls.jsonl line \(out.lines + 1): JSON cut off mid-object")
        out.ascii("{\"id\":\"CL-")
        out.zeroPadded(calls.count + 1, width: width)
        out.ascii("\",\"customer_id\":\"C-")
        out.zeroPadded(3, width: customerWidth)
        out.ascii("\",\"started_at\":\"")
        out.timestamp(options.clock - 10 * day)
        out.endLine()
      }
      let started = options.clock + Int(c.started)
      out.ascii("{\"id\":\"CL-")
      out.zeroPadded(position + 1, width: width)
      out.ascii("\",\"customer_id\":\"C-")
      out.zeroPadded(Int(c.customer) + 1, width: customerWidth)
      out.ascii("\",\"started_at\":\"")
      out.timestamp(started)
      out.ascii("\",\"ended_at\":\"")
      out.timestamp(started + Int(c.minutes) * minute)
      out.ascii("\",\"agent\":")
      out.jsonString(Vocabulary.agents[Int(c.agent)])
      out.ascii(",\"transcript\":")
      if c.script >= 0 {
        out.jsonString(scripts[Int(c.script)])
      } else {
        transcript(c)
        out.jsonString(scratch)
      }
      out.byte(125)
      out.endLine()
    }
    let bytes = try out.close()
    return ("calls.jsonl", calls.count + (options.flaws ? 1 : 0), bytes)
  }

  /// An opener, a middle sentence, a sentence about leaving when the call mentions it,
  /// and a closer.
  private mutating func transcript(_ c: CallRecord) {
    var rng = SplitMix64(seed: options.seed, stream: UInt64(c.seed) | 1 << 41)
    let opener = Vocabulary.callOpeners[rng.below(Vocabulary.callOpeners.count)]
    fill(opener, rng: &rng)
    scratch.append(32)
    scratch += Vocabulary.callMiddles[rng.below(Vocabulary.callMiddles.count)]
    if c.mentionsLeaving {
      scratch.append(32)
      scratch += Vocabulary.churnSentences[rng.below(Vocabulary.churnSentences.count)]
    }
    scratch.append(32)
    scratch += Vocabulary.callClosers[rng.below(Vocabulary.callClosers.count)]
  }
}

func decimalDigits(_ value: Int) -> Int {
  var digits = 1
  var v = value
  while v >= 10 {
    v /= 10
    digits += 1
  }
  return digits
}
