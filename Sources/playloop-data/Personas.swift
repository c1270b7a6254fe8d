extension Persona {
  /// The scripted customers, C-0001 onwards. Each comment is the story and what the
  /// shipped playbooks should decide for it (clock = `--as-of`).
  static let all: [Persona] = [
    // 1. Complaint fixed in 1h30m, csat 5, inside the window → THANKS10 by email.
    Persona(
      name: "Zoë Adler", email: "zoe.adler@example.com", phone: "+15550100001",
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 12_000, country: "US",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -10 * day + 9 * hour,
          respondedAfter: 20 * minute, resolvedAfter: 90 * minute, csat: 5,
          subject: "Order #10001 arrived damaged")
      ]),
    // 2. Complaint fixed after 96h → SORRY25 by email (first reachable channel).
    Persona(
      name: "José Núñez", email: "jose.nunez@example.org", phone: "+34600000002",
      emailOptIn: true, smsOptIn: true, tier: .silver, lifetimeCents: 34_050, country: "ES",
      tickets: [
        Ticket(
          kind: .complaint, channel: .phone, opened: -12 * day + 14 * hour,
          respondedAfter: hour, resolvedAfter: 96 * hour, csat: 2,
          subject: "Charged twice, please fix")
      ]),
    // 3. Complaint still open after 4 days; only SMS consent → SORRY25 by sms.
    Persona(
      name: "Chloé Martin", email: "chloe.martin@example.net", phone: "+33600000003",
      emailOptIn: false, smsOptIn: true, tier: .bronze, lifetimeCents: 8_000, country: "FR",
      tickets: [
        Ticket(
          kind: .complaint, channel: .chat, opened: -4 * day - 16 * hour,
          respondedAfter: 30 * minute, resolvedAfter: nil, csat: nil,
          subject: "Refund promised, never came")
      ]),
    // 4. Slow fix but no consent at all → SORRY25 unreachable; nothing is sent.
    Persona(
      name: "Bjørn O'Neil", email: "bjorn.oneil@example.com", phone: "+4670000004",
      emailOptIn: false, smsOptIn: false, tier: .silver, lifetimeCents: 51_000, country: "SE",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -20 * day,
          respondedAfter: 5 * hour, resolvedAfter: 100 * hour, csat: 1,
          subject: "Nobody answers my emails")
      ]),
    // 5. Gold customer, question solved in 45m with csat 5, no complaints, three
    //    purchases → REFER20 (evangelist; loyalty's delighted_referral).
    Persona(
      name: "Amélie \"Mia\" Laurent", email: "amelie.laurent@example.com", phone: nil,
      emailOptIn: true, smsOptIn: false, tier: .gold, lifetimeCents: 240_000, country: "FR",
      tickets: [
        Ticket(
          kind: .question, channel: .chat, opened: -8 * day + 10 * hour,
          respondedAfter: 5 * minute, resolvedAfter: 45 * minute, csat: 5,
          subject: "Which size should I pick, M or L?")
      ],
      orders: [
        Order(ordered: -80 * day, cents: 12_000, status: 0),
        Order(ordered: -40 * day, cents: 25_000, status: 0),
        Order(ordered: -10 * day, cents: 9_000, status: 0),
      ]),
    // 6. Gold, csat 5 question, but two complaints in the last 90 days → no REFER20;
    //    the complaints took 10h (neither fast nor slow) → nothing.
    Persona(
      name: "Søren Kierkegaard, Jr.", email: "soren.k@example.com", phone: "+31600000006",
      emailOptIn: true, smsOptIn: false, tier: .gold, lifetimeCents: 180_000, country: "NL",
      tickets: [
        Ticket(
          kind: .question, channel: .email, opened: -6 * day + 11 * hour,
          respondedAfter: 10 * minute, resolvedAfter: 30 * minute, csat: 5,
          subject: "Warranty question"),
        Ticket(
          kind: .complaint, channel: .phone, opened: -60 * day, respondedAfter: hour,
          resolvedAfter: 10 * hour, csat: 3, subject: "Broken on arrival"),
        Ticket(
          kind: .complaint, channel: .email, opened: -50 * day, respondedAfter: hour,
          resolvedAfter: 10 * hour, csat: 3, subject: "Order #10006 is missing an item"),
      ]),
    // 7. Fast fix (THANKS10, priority 5) and a call about switching (STAY15,
    //    priority 20) → limit 1 keeps STAY15 by sms; THANKS10 capped.
    Persona(
      name: "Łukasz Nowak", email: "lukasz.nowak@example.com", phone: "+48500000007",
      emailOptIn: true, smsOptIn: true, tier: .bronze, lifetimeCents: 9_000, country: "PL",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -4 * day + 11 * hour,
          respondedAfter: 15 * minute, resolvedAfter: 2 * hour, csat: 4,
          subject: "Wrong size sent, again")
      ],
      calls: [
        Call(
          started: -3 * day + 15 * hour, minutes: 12,
          transcript:
            "Customer called about order #10007.\nCustomer: \"I'm thinking of switching to another shop.\" Agent apologised and issued a credit."
        )
      ]),
    // 8. Called to cancel 45 days ago: outside the 30-day window → nothing.
    Persona(
      name: "Renée Dubois", email: "renee.dubois@example.com", phone: "+33600000008",
      emailOptIn: true, smsOptIn: true, tier: .silver, lifetimeCents: 60_000, country: "FR",
      tz: "EST",
      calls: [
        Call(
          started: -45 * day, minutes: 8,
          transcript: "Customer asked how to cancel the subscription. Escalated to the billing team."
        )
      ]),
    // 9. Complaint fixed in exactly 4h00m00s, csat 4 → THANKS10 (within is inclusive).
    Persona(
      name: "Jürgen Müller", email: "jurgen.muller@example.com", phone: "+4915100000009",
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 30_000, country: "DE",
      tickets: [
        Ticket(
          kind: .complaint, channel: .chat, opened: -7 * day + 9 * hour,
          respondedAfter: 10 * minute, resolvedAfter: 4 * hour, csat: 4,
          subject: "App keeps crashing, can't log in")
      ]),
    // 10. Complaint fixed in 4h00m01s, csat 5 → not a quick fix, not slow → nothing.
    Persona(
      name: "Anaïs Petit", email: "anais.petit@example.com", phone: "+33600000010",
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 30_000, country: "FR",
      tickets: [
        Ticket(
          kind: .complaint, channel: .chat, opened: -7 * day + 9 * hour,
          respondedAfter: 10 * minute, resolvedAfter: 4 * hour + 1, csat: 5,
          subject: "App keeps crashing, can't log in")
      ]),
    // 11. Quick fix with csat 5, but 40 days ago: outside the window → nothing.
    Persona(
      name: "Mårten Ek", email: "marten.ek@example.com", phone: "+4670000011",
      emailOptIn: true, smsOptIn: true, tier: .silver, lifetimeCents: 40_000, country: "SE",
      tz: "",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -40 * day, respondedAfter: 10 * minute,
          resolvedAfter: hour, csat: 5, subject: "Order #10011 arrived damaged")
      ]),
    // 12. Slow fix (SORRY25, priority 10) and a call naming a competitor (STAY15,
    //     priority 20) → STAY15 by sms; SORRY25 capped.
    Persona(
      name: "Nuño García", email: "nuno.garcia@example.com", phone: "+5255000000012",
      emailOptIn: true, smsOptIn: true, tier: .silver, lifetimeCents: 70_000, country: "MX",
      tickets: [
        Ticket(
          kind: .complaint, channel: .phone, opened: -6 * day - 8 * hour,
          respondedAfter: 2 * hour, resolvedAfter: 80 * hour, csat: 1,
          subject: "Package lost — tracking says delivered")
      ],
      calls: [
        Call(
          started: -2 * day + 10 * hour, minutes: 25,
          transcript:
            "Customer reported a billing problem. Said a competitor offers the same plan for less. Agent promised a call back tomorrow."
        )
      ]),
    // 13. Bronze but lifetime value 1,250.00 (so vip), csat 5 request, no complaints
    //     → REFER20 by email.
    Persona(
      name: "Ingrid Bergström", email: "ingrid.bergstrom@example.com", phone: nil,
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 125_000, country: "SE",
      tickets: [
        Ticket(
          kind: .request, channel: .email, opened: -9 * day + 13 * hour,
          respondedAfter: 40 * minute, resolvedAfter: 3 * hour, csat: 5,
          subject: "Invoice for order #10013, please")
      ]),
    // 14. Opted in to email but has no address, no sms consent: quick fix → THANKS10
    //     unreachable.
    Persona(
      name: "Siobhán O'Brien", email: nil, phone: "+35385000014",
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 15_000, country: "IE",
      tickets: [
        Ticket(
          kind: .complaint, channel: .chat, opened: -3 * day + 9 * hour,
          respondedAfter: 5 * minute, resolvedAfter: hour, csat: 5,
          subject: "Charged twice, please fix")
      ]),
    // 15. Public social complaint first answered after 30h → first-response's
    //     slow_public_reply (SORRY25 by email); resolved in 34h → nothing in service recovery.
    Persona(
      name: "Zoë Chen", email: "zoe.chen@example.com", phone: "+447700000015",
      emailOptIn: true, smsOptIn: false, tier: .silver, lifetimeCents: 45_000, country: "GB",
      tickets: [
        Ticket(
          kind: .complaint, channel: .social, opened: -6 * day + 18 * hour,
          respondedAfter: 30 * hour, resolvedAfter: 34 * hour, csat: 3,
          subject: "The \"express\" delivery took 9 days")
      ]),
    // 16. Social complaint answered in 15m, fixed in 2h, csat 5, two recent purchases
    //     → THANKS10 (service recovery, first response); loyalty: REFER20 wins over
    //     THANKS10 (capped).
    Persona(
      name: "Mateo Rossi", email: "mateo.rossi@example.com", phone: "+15550100016",
      emailOptIn: true, smsOptIn: false, tier: .bronze, lifetimeCents: 60_000, country: "US",
      tz: "America/Los_Angeles",
      tickets: [
        Ticket(
          kind: .complaint, channel: .social, opened: -9 * day + 12 * hour,
          respondedAfter: 15 * minute, resolvedAfter: 2 * hour, csat: 5,
          subject: "Order #10016 is missing an item")
      ],
      orders: [
        Order(ordered: -60 * day, cents: 8_000, status: 0),
        Order(ordered: -20 * day, cents: 6_500, status: 0),
      ]),
    // 17. Social complaint 2 days 4 hours old, never answered, sms only → first
    //     response's unanswered_public (SORRY25 by sms); too young for `open for 72h`.
    Persona(
      name: "Aoife Walsh", email: "aoife.walsh@example.com", phone: "+35385000017",
      emailOptIn: false, smsOptIn: true, tier: .bronze, lifetimeCents: 20_000, country: "IE",
      tickets: [
        Ticket(
          kind: .complaint, channel: .social, opened: -2 * day - 4 * hour,
          respondedAfter: nil, resolvedAfter: nil, csat: nil,
          subject: "Rude agent on the phone")
      ]),
    // 18. Three complaints in the last 30 days, each fixed in 10h, csat 2 → churn
    //     risk's repeated_complaints (SORRY25 by email); nothing in service recovery.
    Persona(
      name: "Kwame Mensah", email: "kwame.mensah@example.com", phone: "+15550100018",
      emailOptIn: true, smsOptIn: false, tier: .silver, lifetimeCents: 50_000, country: "US",
      tz: "America/Chicago",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -25 * day, respondedAfter: 2 * hour,
          resolvedAfter: 10 * hour, csat: 2, subject: "Order #10018 arrived damaged"),
        Ticket(
          kind: .complaint, channel: .phone, opened: -15 * day, respondedAfter: 2 * hour,
          resolvedAfter: 10 * hour, csat: 2, subject: "Still waiting for my refund"),
        Ticket(
          kind: .complaint, channel: .email, opened: -5 * day, respondedAfter: 2 * hour,
          resolvedAfter: 10 * hour, csat: 2, subject: "Nobody answers my emails"),
      ]),
    // 19. Gold customer who called yesterday to cancel → STAY15 by sms (service
    //     recovery); churn risk: CALLBACK (priority 30) wins, STAY15 capped.
    Persona(
      name: "Dana \"DJ\" Jones", email: "dana.jones@example.com", phone: "+15550100019",
      emailOptIn: true, smsOptIn: true, tier: .gold, lifetimeCents: 500_000, country: "US",
      tz: "America/Denver",
      calls: [
        Call(
          started: -1 * day + 16 * hour, minutes: 18,
          transcript:
            "Customer had questions about the warranty.\nAgent: How can I help?\nCustomer: \"I want to cancel. Your competitor is cheaper.\""
        )
      ]),
    // 20. Complaint open for 100 days: `open for 72h` triggered 97 days ago, outside
    //     the window → nothing.
    Persona(
      name: "Émile Zola", email: "emile.zola@example.com", phone: "+33600000020",
      emailOptIn: true, smsOptIn: true, tier: .bronze, lifetimeCents: 10_000, country: "FR",
      tz: "Mars/Base",
      tickets: [
        Ticket(
          kind: .complaint, channel: .email, opened: -100 * day, respondedAfter: 3 * hour,
          resolvedAfter: nil, csat: nil, subject: "Broken on arrival")
      ]),
  ]
}
