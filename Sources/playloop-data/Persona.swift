/// A hand-written customer whose events are placed relative to the clock, so each
/// playbook has customers whose outcome is known in advance (see Examples/README.md).
/// Personas take the first customer ids; every other customer is random.
struct Persona {
  struct Ticket {
    var kind: Kind
    var channel: Channel
    /// Seconds relative to the clock (negative: before it).
    var opened: Int
    /// Seconds after `opened`; nil when it has not happened.
    var respondedAfter: Int?
    var resolvedAfter: Int?
    var csat: Int?
    var subject: String
  }

  struct Call {
    var started: Int
    var minutes: Int
    var transcript: String
  }

  struct Order {
    var ordered: Int
    var cents: Int
    var status: Int
  }

  enum Kind: Int { case complaint, question, request, feedback }
  enum Channel: Int { case email, chat, phone, social }
  enum Tier: Int { case bronze, silver, gold }

  var name: String
  var email: String?
  var phone: String?
  var emailOptIn: Bool
  var smsOptIn: Bool
  var tier: Tier
  var lifetimeCents: Int
  var country: String
  /// The `tz` column; nil is the country's usual zone (`TimeZones.usual`).
  var tz: String? = nil
  var tickets: [Ticket] = []
  var calls: [Call] = []
  var orders: [Order] = [Order(ordered: -70 * day, cents: 4500, status: 0)]
}

let minute = 60
let hour = 3600
let day = 86_400
