import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Deciding asks `ChannelTest` whether a channel reaches a customer, through pointers for
/// a consent column and an address column of the customer and through the channel's
/// closures otherwise: every shape must answer as `ChannelPlan.obstacleKind` does.
@Suite struct ChannelTestTests {
  static let customers = """
    id,email,phone,email_opt_in,sms_opt_in,tier
    C-1,a@x.com,+1555,true,true,gold
    C-2,,+1556,true,false,silver
    C-3,c@x.com,,false,,gold
    C-4,d@x.com,+1558,,true,
    C-5," ",+1559,true,yes,gold
    C-6,f@x.com,+1560,false,false,bronze
    C-7,NA,NA,true,true,gold

    """

  @Test func everyChannelShapeAnswersAsItsClosuresDo() throws {
    let f = try EngineFixture(
      playbook: """
        playbook "Channels"
        as of 2026-11-01T00:00:00Z
        load customers from "customers.csv" nulls "NA"
        channel email address customer.email requires customer.email_opt_in
        channel sms address customer.phone requires customer.sms_opt_in and customer.tier == "gold"
        channel push address customer.phone
        channel post address trim(customer.email) requires customer.email_opt_in
        offer A "a"
        rule r
          when customer.tier == "gold"
          send A via email, sms, push, post

        """,
      files: ["customers.csv": Self.customers])
    let plan = Plan(checked: f.workspace.checked, dataset: f.workspace.dataset, clock: 0)
    var seen: Set<String> = []
    for channel in plan.channels {
      let test = ChannelTest(channel)
      for customer in 0..<plan.customerCount {
        let expected = channel.obstacleKind(customer: customer)
        #expect(test.obstacle(customer: customer) == expected, "\(channel.name), customer \(customer)")
        seen.insert("\(expected.map { "\($0)" } ?? "reached")")
      }
    }
    // Each answer occurs, so each path is walked.
    #expect(seen == ["reached", "noConsent", "noAddress"])
  }
}
