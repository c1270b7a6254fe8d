import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL
import PlayloopTestSupport
import Testing

/// Every shipped playbook that compiles gives, on PostgreSQL, exactly the engine's
/// candidates; the others are refused at the constructs that cannot be compiled.
@Suite struct ShippedPlaybookTests {
  static let compiling = [
    "Playbooks/service-recovery.playbook", "Playbooks/churn-risk.playbook", "Playbooks/first-response.playbook",
    "Examples/messy/service-recovery.playbook",
  ]
  /// The playbooks' own clock, one a month later, and one in the middle of the data.
  static let clocks: [String?] = [nil, "2026-12-01T00:00:00Z", "2026-08-15T12:34:56Z"]

  @Test(arguments: compiling, clocks)
  func candidatesMatchTheEngine(_ playbook: String, _ asOf: String?) throws {
    let workspace = try Workspace.open(path: Repository.path(playbook))
    let clock = asOf.flatMap { Timestamp.parse($0)?.seconds } ?? workspace.model.clock ?? 0
    let run = try Differential(workspace, clock: clock)
    #expect(!run.engine.isEmpty || asOf != nil, "the playbook's own clock gives candidates")
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }

  /// A session in another time zone changes nothing: times are seconds since 1970.
  @Test func aNewYorkSessionGivesTheSameCandidates() throws {
    let workspace = try Workspace.open(path: Repository.serviceRecovery)
    let run = try Differential(workspace, clock: workspace.model.clock ?? 0, timeZone: "America/New_York")
    #expect(run.engine.count > 50)
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }

  /// Aggregates whose filter reads the trigger row (`campaigns`' `count(order where
  /// order.opened > complaint.resolved)`): count and max, the bound on either side,
  /// with `in last`, give the engine's candidates on PostgreSQL at every clock (and on
  /// Spark: `SparkCorpus`).
  @Test(arguments: clocks)
  func correlatedAggregatesMatchTheEngine(_ asOf: String?) throws {
    let (workspace, folder) = try Self.correlatedWorkspace()
    defer { folder.remove() }
    try expectTheEnginesCandidates(workspace, at: asOf, rules: ["repeat_trouble"])
  }

  /// The flagship on the example data with correlated aggregates: an `unless` as in
  /// `campaigns`, and a rule of them.
  static func correlatedWorkspace() throws -> (Workspace, ScratchFolder) {
    let folder = try ScratchFolder("sql-correlated")
    let text =
      try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      .replacingOccurrences(
        of: "  when complaint resolved within 4h and complaint.csat >= 4\n",
        with: "  when complaint resolved within 4h and complaint.csat >= 4\n"
          + "  unless count(order where order.opened > complaint.resolved) > 0\n"
      )
      .replacingOccurrences(of: "\"../Examples/data/", with: "\"\(Repository.exampleData)/")
        + """

        rule repeat_trouble
          when complaint open for 24h
          and count(ticket where ticket.opened_at < complaint.opened_at in last 120d) >= 1
          and (max(order.total where order.opened <= complaint.opened) > 20
            or count(call where call.opened >= complaint.opened) == 0)
          send STAY15 via email

        """
    #expect(text.contains("unless count(order where"))
    return (try Workspace.open(path: try folder.write(text, to: "p.playbook")), folder)
  }

  /// Rows that link through other tables (`link order_id to orders`, and refunds through
  /// returns through orders), with rows naming no row, an empty link, and rows opened
  /// after the clock on the way, give the engine's candidates on PostgreSQL at every clock
  /// (and on Spark: `SparkCorpus`).
  @Test(arguments: clocks)
  func linksThroughOtherTablesMatchTheEngine(_ asOf: String?) throws {
    let (workspace, folder) = try Self.linkedWorkspace()
    defer { folder.remove() }
    try expectTheEnginesCandidates(workspace, at: asOf, rules: ["unhappy_review", "refunded"])
  }

  /// PostgreSQL gives `workspace`'s candidates at `asOf` (nil: the playbook's clock) as the
  /// engine does; at the playbook's clock, each of `rules` gives some.
  private func expectTheEnginesCandidates(
    _ workspace: Workspace, at asOf: String?, rules: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let clock = asOf.flatMap { Timestamp.parse($0)?.seconds } ?? workspace.model.clock ?? 0
    let run = try Differential(workspace, clock: clock)
    for rule in rules where asOf == nil {
      #expect(
        run.engine.contains { $0.contains(rule) }, "rule \(rule) gives candidates", sourceLocation: sourceLocation)
    }
    #expect(run.difference == nil, "\(run.difference ?? "")", sourceLocation: sourceLocation)
  }

  /// The example customers and orders, with reviews of orders, returns of orders and
  /// refunds of returns made from them.
  static func linkedWorkspace() throws -> (Workspace, ScratchFolder) {
    let orders = try String(contentsOfFile: Repository.exampleData + "/orders.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    func day(_ n: Int) -> String {
      let seconds = Timestamp.parse("2026-07-01T00:00:00Z")!.seconds + Int64(n % 150) * 86_400 + Int64(n % 24) * 3_600
      return Timestamp.format(seconds)
    }
    var reviews = "review_id,order_id,stars,opened_at\n"
    for (n, order) in orders.enumerated() where n % 3 == 0 { reviews += "V-\(n),\(order),\(n % 5 + 1),\(day(n))\n" }
    reviews += "V-none,O-none,1,\(day(1))\nV-empty,,1,\(day(2))\nV-late,\(orders[0]),1,2026-12-20T00:00:00Z\n"
    var returns = "return_id,order_id,opened_at\n"
    for (n, order) in orders.enumerated() where n % 4 == 1 { returns += "R-\(n),\(order),\(day(n * 7))\n" }
    returns += "R-none,O-none,\(day(3))\nR-late,\(orders[1]),2026-12-25T00:00:00Z\n"
    var refunds = "refund_id,return_id,amount,opened_at\n"
    for n in stride(from: 1, to: orders.count, by: 8) { refunds += "F-\(n),R-\(n),\(n % 120),\(day(n * 11))\n" }
    refunds += "F-none,R-none,99,\(day(4))\nF-orphan,R-404,99,\(day(5))\nF-late,R-late,99,\(day(6))\n"
    let folder = try ScratchFolder(
      "sql-linked", files: ["reviews.csv": reviews, "returns.csv": returns, "refunds.csv": refunds])
    let playbook = """
      as of 2026-11-01T00:00:00Z
      load customers from "\(Repository.exampleData)/customers.csv"
      load refunds from "refunds.csv" key refund_id link return_id to returns
      load orders from "\(Repository.exampleData)/orders.csv" link customer_id
        with opened = ordered_at
      load reviews from "reviews.csv" key review_id link order_id to orders
      load returns from "returns.csv" key return_id link order_id to orders
      channel email address customer.email requires customer.email_opt_in
      offer SORRY25 "25% off" valid 14d
      offer THANKS10 "10% off" valid 30d
      rule unhappy_review
        when review.stars <= 2
        send SORRY25 via email
      rule refunded
        when refund.amount > 50 and count(review in last 120d) == 0
        send THANKS10 via email

      """
    return (try Workspace.open(path: try folder.write(playbook, to: "p.playbook")), folder)
  }

  @Test func campaignsIsRefusedAtEachConstruct() throws {
    let refused = try refusals("Playbooks/campaigns.playbook")
    #expect(
      refused.contains { $0.hasPrefix("`lower(…)` cannot be compiled to postgres") }
        && refused.contains { $0.hasPrefix("`send THANKS10 70% or THANKS15 30%` cannot be compiled to postgres") }
        && refused.contains { $0.hasPrefix("`sent(any in last 14d)` cannot be compiled to postgres") }
        // Its correlated count compiles.
        && !refused.contains { $0.contains("count(order") },
      "\(refused)")
  }

  @Test func loyaltyIsRefusedAtItsDecimalSum() throws {
    let refused = try refusals("Playbooks/loyalty.playbook")
    #expect(
      refused == [
        "`sum(purchase.total in last 90d)` cannot be compiled to postgres: sum of a decimal column depends on the order rows are added in, which a table does not keep"
      ])
  }

  private func refusals(_ playbook: String) throws -> [String] {
    let workspace = try Workspace.open(path: Repository.path(playbook))
    do {
      _ = try CandidateSQL.compile(
        workspace.checked, source: workspace.source, clock: 0, dialect: SQLTarget.postgres.dialect)
      return []
    } catch {
      #expect(error.diagnostics.allSatisfy { $0.code == .compileUnsupported && $0.range != nil })
      return error.diagnostics.map(\.message)
    }
  }
}
