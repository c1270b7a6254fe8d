import Foundation
import PlaybookEngine
import Testing

/// `between`, the text tests and the functions evaluated at their boundaries, with nulls,
/// empty texts and letters outside ASCII.
@Suite struct ConditionEvaluationTests {
  /// Clock 2026-11-01T00:00:00Z, a Sunday.
  static let customers = """
    id,email,name,nickname,lifetime_value,signup
    C-1,a@x.com,Zoë,,1000,2026-10-30T00:00:00Z
    C-2,b@x.com,ÉMILE,Em,3000,2026-10-30T00:00:01Z
    C-3,c@x.com,bob,,999.99,2026-10-31T23:59:59Z
    C-4,d@x.com,,Dee,,
    C-5," e@x.com ",Bob Builder,"   ",3000.01,1969-12-31T23:00:00Z

    """

  static let tickets = """
    id,customer_id,kind,opened_at
    T-1,C-1,complaint,2026-10-25T00:00:00Z
    T-2,C-2,complaint,2026-10-24T23:59:59Z

    """

  /// The customers `condition` holds for, sorted.
  func who(_ condition: String) throws -> [String] {
    let f = try EngineFixture(
      playbook: """
        playbook "Conditions"
        as of 2026-11-01T00:00:00Z
        load customers from "customers.csv"
        load tickets from "tickets.csv"
        channel email address customer.email
        offer A "a"
        rule r
          when \(condition)
          send A via email

        """,
      files: ["customers.csv": Self.customers, "tickets.csv": Self.tickets])
    return f.run().decisions.map(\.customerID).sorted()
  }

  @Test func betweenIncludesBothEndsAndNullIsNeither() throws {
    #expect(try who("customer.lifetime_value between 1000 and 3000") == ["C-1", "C-2"])
    // C-4's null is in neither: `not between` of unknown is unknown.
    #expect(try who("customer.lifetime_value not between 1000 and 3000") == ["C-3", "C-5"])
    #expect(try who("customer.lifetime_value between 3000 and 3000") == ["C-2"])
  }

  @Test func betweenTimesAndDurations() throws {
    #expect(
      try who("customer.signup between 2026-10-30 and 2026-10-31T23:59:59Z") == ["C-1", "C-2", "C-3"])
    #expect(try who("now - customer.signup between 1s and 2d") == ["C-1", "C-2", "C-3"])
    #expect(try who("now - customer.signup between 1s and 2d - 1s") == ["C-2", "C-3"])
  }

  @Test func startsAndEndsWithIgnoreCase() throws {
    #expect(try who(#"customer.name starts with "zo""#) == ["C-1"])
    #expect(try who(#"customer.name starts with "BOB""#) == ["C-3", "C-5"])
    #expect(try who(#"customer.name starts with "é""#) == ["C-2"])
    #expect(try who(#"customer.name ends with "ë""#) == ["C-1"])
    #expect(try who(#"customer.name ends with "Le""#) == ["C-2"])
    // The whole text is both its own start and end; a longer needle is neither.
    #expect(try who(#"customer.name ends with "bob builder""#) == ["C-5"])
    #expect(try who(#"customer.name starts with "bob builders""#) == [])
    // A null text (C-4) makes the test unknown: `not` of it does not hold either.
    #expect(try who(#"not (customer.name starts with "z")"#) == ["C-2", "C-3", "C-5"])
  }

  @Test func matchesFindsThePatternAnywhereIgnoringCase() throws {
    #expect(try who(#"customer.name matches "^bob$""#) == ["C-3"])
    #expect(try who(#"customer.name matches "b.b""#) == ["C-3", "C-5"])
    #expect(try who(#"customer.name matches "ÉM|zo""#) == ["C-1", "C-2"])
    #expect(try who(#"customer.email matches "^[a-c]@x\.com$""#) == ["C-1", "C-2", "C-3"])
    #expect(try who(#"customer.name matches "\\s""#) == ["C-5"])
  }

  @Test func caseAndLength() throws {
    #expect(try who(#"lower(customer.name) == "émile""#) == ["C-2"])
    #expect(try who(#"upper(customer.name) == "ZOË""#) == ["C-1"])
    #expect(try who(#"lower(customer.name) starts with "bob""#) == ["C-3", "C-5"])
    // Characters, not bytes: "Zoë" is 3 (4 bytes).
    #expect(try who("length(customer.name) == 3") == ["C-1", "C-3"])
    #expect(try who("length(customer.name) is null") == ["C-4"])
    #expect(try who(#"trim(customer.email) == "e@x.com" and length(trim(customer.email)) == 7"#) == ["C-5"])
    // Only spaces is empty once trimmed, so null to `is null` and `coalesce`.
    #expect(try who(#"coalesce(trim(customer.nickname), "none") == "none""#) == ["C-1", "C-3", "C-5"])
  }

  @Test func coalesceTakesTheFirstPresentValue() throws {
    #expect(try who(#"coalesce(customer.nickname, customer.name) == "Em""#) == ["C-2"])
    // An empty nickname counts as missing, as `is null` reads it.
    #expect(try who(#"coalesce(customer.nickname, customer.name) == "Zoë""#) == ["C-1"])
    #expect(try who(#"coalesce(customer.name, customer.nickname) == "Dee""#) == ["C-4"])
    #expect(try who("coalesce(customer.lifetime_value, 0) == 0") == ["C-4"])
    #expect(try who("coalesce(customer.signup, now) == now") == ["C-4"])
    #expect(try who("coalesce(customer.name, customer.email) is null") == [])
  }

  @Test func daysBetweenCountsWholeDaysTowardZero() throws {
    // 2 days exactly, 2 days less a second, 1 second.
    #expect(try who("days_between(customer.signup, now) == 2") == ["C-1"])
    #expect(try who("days_between(customer.signup, now) == 1") == ["C-2"])
    #expect(try who("days_between(customer.signup, now) == 0") == ["C-3"])
    #expect(try who("days_between(now, customer.signup) == -1") == ["C-2"])
    #expect(try who("days_between(customer.signup, now) is null") == ["C-4"])
  }

  @Test func calendarPartsInUTC() throws {
    // 2026-10-31T23:59:59Z is a Saturday in October at 23h; the clock a Sunday in November at 0h.
    #expect(try who("month(customer.signup) == 10 and hour(customer.signup) == 23") == ["C-3"])
    #expect(try who("day_of_week(customer.signup) == 6") == ["C-3"])
    #expect(try who("day_of_week(customer.signup) == 5 and hour(customer.signup) == 0") == ["C-1", "C-2"])
    #expect(
      try who("day_of_week(now) == 7 and month(now) == 11 and hour(now) == 0") == ["C-1", "C-2", "C-3", "C-4", "C-5"])
    // Before 1970: 1969-12-31T23:00:00Z was a Wednesday in December.
    #expect(
      try who("day_of_week(customer.signup) == 3 and month(customer.signup) == 12 and hour(customer.signup) == 23") == [
        "C-5"
      ])
    #expect(try who("month(customer.signup) is null") == ["C-4"])
  }

  @Test func openedInLastIsThePhrase() throws {
    // T-1 opened exactly 7 days before the clock; T-2 one second earlier.
    #expect(try who("ticket.opened in last 7d") == ["C-1"])
    #expect(try who("ticket in last 7d") == ["C-1"])
    #expect(try who("count(ticket where ticket.opened in last 8d) == 1") == ["C-1", "C-2"])
  }
}
