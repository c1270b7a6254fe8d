import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// Mutated playbooks — the shipped ones and one heavy on arithmetic — run on small data
/// holding hostile values must each give diagnostics or decisions, never a crash: the
/// parser, checker, compiler, evaluator, decider and explainer all run on each one
/// that checks.
@Suite struct PlaybookFuzzTests {
  static let customers = """
    id,email,phone,email_opt_in,sms_opt_in,tier,lifetime_value,n,created_at
    C-1,a@example.com,+15550100001,true,false,gold,120.00,9223372036854775807,2025-09-27T00:00:00Z
    C-2,b@example.com,,true,true,silver,1e308,200000000000000,0000-01-01T00:00:00Z
    C-3,,+15550100003,false,true,bronze,-0,-9223372036854775808,9999-12-31T23:59:59Z
    C-4,d@example.com,+15550100004,,,gold,,0,
    C-5,e@example.com,+15550100005,true,true,gold,5000,1,2026-10-31T00:00:00Z

    """
  static let tickets = """
    id,customer_id,kind,channel,subject,opened_at,first_response_at,resolved_at,csat
    T-1,C-1,complaint,email,late,2026-10-30T08:00:00Z,2026-10-30T08:30:00Z,2026-10-30T11:00:00Z,5
    T-2,C-2,complaint,phone,rude,0000-01-01T00:00:00Z,,9999-12-31T23:59:59Z,1
    T-3,C-3,question,email,where,9999-12-31T23:59:59Z,,,
    T-4,C-5,complaint,email,again,2026-10-25T00:00:00Z,2026-10-25T00:00:01Z,,2
    T-5,C-5,feedback,email,thanks,2026-10-31T00:00:00Z,,2026-10-31T01:00:00Z,4

    """
  static let orders = """
    id,customer_id,total,status,ordered_at
    O-1,C-1,310.03,completed,2026-10-04T00:35:40Z
    O-2,C-2,99999999999999999999.5,refunded,0000-01-01T00:00:00Z
    O-3,C-5,-1,completed,2026-10-30T00:00:00Z

    """
  static let calls = """
    {"id":"CL-1","customer_id":"C-1","started_at":"2026-10-30T21:53:59Z","transcript":"I am thinking of switching"}
    {"id":"CL-2","customer_id":"C-5","started_at":"9999-12-31T23:59:59Z","transcript":"cancel","minutes":1e308}

    """

  /// Arithmetic on times, durations and numbers from the data, near the bounds.
  static let arithmetic = """
    playbook "arithmetic"
    as of 2026-11-01T00:00:00Z
    window 522857w
    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id
    define complaint = ticket where ticket.kind == "complaint"
    define bad = complaint where complaint.csat <= 2
    segment far = now + customer.n * 1s > now - 522857w
    segment big = customer.lifetime_value * 1d / 2 > 1d and customer.created_at - 1d < now
    channel email address customer.email requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in
    offer A "a" valid 522857w
    offer B valid 1s

    rule r1 priority 9007199254740992
      when bad resolved within 522857w and customer in far
      send A via email, sms after 522857w

    rule r2 priority 0
      when count(complaint in last 522857w) * 1w - 1d > customer.n * 1h or customer in big
      and max(ticket.opened_at) - min(ticket.resolved_at) < customer.lifetime_value * 1s
      send B via sms after 1s

    rule r3
      when ticket open for 1s and -(ticket.csat * 1w) < ticket.opened_at - now
      send A via email

    limit 9007199254740992 per customer per 522857w
    holdout 50%

    """

  @Test func mutatedPlaybooksNeverCrash() throws {
    let folder = try ScratchFolder("fuzz")
    defer { folder.remove() }
    for (name, text) in [
      "customers.csv": Self.customers, "tickets.csv": Self.tickets, "orders.csv": Self.orders,
      "calls.jsonl": Self.calls,
    ] {
      try folder.write(text, to: name)
    }
    var seeds = [Self.arithmetic]
    for name in try Repository.shippedPlaybooks() {
      seeds.append(
        try String(contentsOfFile: Repository.path("Playbooks/\(name).playbook"), encoding: .utf8)
          .replacingOccurrences(of: "../Examples/data/", with: ""))
    }
    var mutator = Mutator(seed: FuzzSettings.seed &+ 3)
    var ran = 0
    for iteration in 0..<FuzzSettings.iterations {
      let seed = mutator.pick(seeds)
      let text =
        mutator.chance(80)
        ? mutator.mutateWords(seed) : String(decoding: mutator.mutateBytes(Array(seed.utf8)), as: UTF8.self)
      let path = try folder.write(text, to: "p.playbook")
      guard let workspace = try? Workspace.open(path: path) else { continue }
      let run = CampaignRun(workspace: workspace, clock: workspace.clock(override: nil, now: 1_793_491_200))
      _ = run.overflowWarnings
      let explainer = Explainer(plan: run.plan)
      for customer in ["C-1", "C-2", "C-5"] { _ = try? explainer.explain(customerID: customer) }
      #expect(run.decisions.count <= run.candidates.count, "seed \(FuzzSettings.seed) iteration \(iteration)")
      ran += 1
    }
    // Enough mutants must check to reach the engine, or it goes untried.
    #expect(ran > FuzzSettings.iterations / 10)
  }
}
