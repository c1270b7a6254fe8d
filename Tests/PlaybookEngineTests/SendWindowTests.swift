import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import Testing

/// Channel windows (`quiet`, `days`) on the customer's clock (`timezone`): where a send
/// moves to at the edges, over midnight, on excluded days and across changes of clocks;
/// unknown zones; the `local_send_at` column; `explain`; the calendar functions.
@Suite struct SendWindowTests {
  /// C-1 (New York), C-2 (Rome), C-3 (an unknown zone), C-4 (no zone), C-5 (Tokyo).
  static let customers = """
    id,phone,tier,tz
    C-1,+15550000001,gold,America/New_York
    C-2,+15550000002,gold,Europe/Rome
    C-3,+15550000003,gold,Mars/Olympus
    C-4,+15550000004,gold,
    C-5,+15550000005,silver,Asia/Tokyo

    """

  static func playbook(
    clock: String, quiet: String? = "21:00-08:00", days: String? = nil, timezone: Bool = true, rest: String = ""
  ) -> String {
    var lines = [
      #"playbook "Windows""#, "as of \(clock)", #"load customers from "customers.csv""#,
    ]
    if timezone { lines.append(#"timezone customer.tz default "America/New_York""#) }
    lines.append("channel sms address customer.phone")
    if let quiet { lines.append("  quiet " + quiet) }
    if let days { lines.append("  days " + days) }
    lines += [
      #"offer A "Offer A" valid 10d"#, "", "rule r", #"  when customer.tier == "gold""#, "  send A via sms", rest,
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  static func fixture(_ playbook: String) throws -> EngineFixture {
    try EngineFixture(playbook: playbook, files: ["customers.csv": customers])
  }

  /// Each customer's `send_at` at `clock`.
  static func sendAt(
    _ clock: String, quiet: String? = "21:00-08:00", days: String? = nil, timezone: Bool = true
  ) throws -> [String: String] {
    let f = try fixture(playbook(clock: clock, quiet: quiet, days: days, timezone: timezone))
    return Dictionary(uniqueKeysWithValues: f.run().decisions.map { ($0.customerID, Timestamp.format($0.sendAt)) })
  }

  // New York is UTC-5 in winter (EST), UTC-4 in summer (EDT). 2026-12-04 is a Friday.

  @Test func justBeforeQuietHoursNothingMoves() throws {
    // 20:59 EST.
    #expect(try Self.sendAt("2026-12-04T01:59:00Z")["C-1"] == "2026-12-04T01:59:00Z")
  }

  @Test func fromTheStartOfQuietHoursASendWaitsForTheirEnd() throws {
    // 21:00 EST Thursday → 08:00 EST Friday.
    #expect(try Self.sendAt("2026-12-04T02:00:00Z")["C-1"] == "2026-12-04T13:00:00Z")
    // 07:59 EST → 08:00; 08:00 stays.
    #expect(try Self.sendAt("2026-12-04T12:59:00Z")["C-1"] == "2026-12-04T13:00:00Z")
    #expect(try Self.sendAt("2026-12-04T13:00:00Z")["C-1"] == "2026-12-04T13:00:00Z")
  }

  @Test func afterMidnightTheQuietHoursEndTheSameDay() throws {
    // 00:30 EST Friday → 08:00 EST Friday; Rome (06:30 CET) → 08:00 CET (07:00Z).
    let times = try Self.sendAt("2026-12-04T05:30:00Z")
    #expect(times["C-1"] == "2026-12-04T13:00:00Z")
    #expect(times["C-2"] == "2026-12-04T07:00:00Z")
  }

  @Test func quietHoursWithinOneDay() throws {
    // 12:00-13:00 EST: 12:30 waits to 13:00, 13:00 goes.
    #expect(try Self.sendAt("2026-12-04T17:30:00Z", quiet: "12:00-13:00")["C-1"] == "2026-12-04T18:00:00Z")
    #expect(try Self.sendAt("2026-12-04T18:00:00Z", quiet: "12:00-13:00")["C-1"] == "2026-12-04T18:00:00Z")
  }

  @Test func anExcludedDayWaitsForTheNextDayTheChannelSends() throws {
    // Saturday 10:00 EST, mon-fri: Monday at the end of the quiet hours (08:00).
    #expect(try Self.sendAt("2026-12-05T15:00:00Z", days: "mon-fri")["C-1"] == "2026-12-07T13:00:00Z")
    // Friday 22:40 EST: quiet, and the weekend after it: Monday 08:00.
    #expect(try Self.sendAt("2026-12-05T03:40:00Z", days: "mon-fri")["C-1"] == "2026-12-07T13:00:00Z")
    // Without quiet hours the day opens at midnight.
    #expect(try Self.sendAt("2026-12-05T15:00:00Z", quiet: nil, days: "mon-fri")["C-1"] == "2026-12-07T05:00:00Z")
    // mon,wed,fri: Tuesday → Wednesday; a weekend-only channel on a weekday → Saturday.
    #expect(try Self.sendAt("2026-12-08T15:00:00Z", quiet: nil, days: "mon,wed,fri")["C-1"] == "2026-12-09T05:00:00Z")
    #expect(try Self.sendAt("2026-12-08T15:00:00Z", quiet: nil, days: "sat-sun")["C-1"] == "2026-12-12T05:00:00Z")
    // An allowed day outside quiet hours stays.
    #expect(try Self.sendAt("2026-12-07T15:00:00Z", days: "mon-fri")["C-1"] == "2026-12-07T15:00:00Z")
  }

  @Test func theWindowFollowsTheWallClockWhenClocksGoForward() throws {
    // 2026-03-08 02:00 EST → 03:00 EDT. Saturday 22:00 EST → Sunday 08:00 EDT (12:00Z).
    #expect(try Self.sendAt("2026-03-08T03:00:00Z")["C-1"] == "2026-03-08T12:00:00Z")
    // 07:59 EDT → 08:00 EDT, the minute before the end in summer time.
    #expect(try Self.sendAt("2026-03-08T11:59:00Z")["C-1"] == "2026-03-08T12:00:00Z")
    // A quiet end that does not exist that night (02:30) opens at the change: 03:00 EDT.
    #expect(try Self.sendAt("2026-03-08T04:00:00Z", quiet: "21:00-02:30")["C-1"] == "2026-03-08T07:00:00Z")
    // And a quiet start the change skips still starts the quiet hours after it.
    #expect(try Self.sendAt("2026-03-08T07:30:00Z", quiet: "02:30-05:00")["C-1"] == "2026-03-08T09:00:00Z")
  }

  @Test func theWindowFollowsTheWallClockWhenClocksGoBack() throws {
    // 2026-11-01 02:00 EDT → 01:00 EST. Saturday 22:00 EDT → Sunday 08:00 EST (13:00Z).
    #expect(try Self.sendAt("2026-11-01T02:00:00Z")["C-1"] == "2026-11-01T13:00:00Z")
    // 20:59 EST Sunday is still before the quiet hours; 21:00 EST waits.
    #expect(try Self.sendAt("2026-11-02T01:59:00Z")["C-1"] == "2026-11-02T01:59:00Z")
    #expect(try Self.sendAt("2026-11-02T02:00:00Z")["C-1"] == "2026-11-02T13:00:00Z")
    // A quiet end that happens twice (01:30) opens at the first: 01:30 EDT (05:30Z).
    #expect(try Self.sendAt("2026-11-01T03:00:00Z", quiet: "21:00-01:30")["C-1"] == "2026-11-01T05:30:00Z")
  }

  @Test func anUnknownOrMissingZoneIsTheDefaultAndAnUnknownOneIsCounted() throws {
    let times = try Self.sendAt("2026-12-04T05:30:00Z")
    // Mars/Olympus and no zone at all read as New York.
    #expect(times["C-3"] == "2026-12-04T13:00:00Z")
    #expect(times["C-4"] == "2026-12-04T13:00:00Z")
    let f = try Self.fixture(Self.playbook(clock: "2026-12-04T05:30:00Z"))
    let warnings = f.workspace.warnings.filter { $0.code == .unknownZoneValues }
    #expect(
      warnings.map(\.message) == [
        "1 customer has a time zone in customer.tz this machine does not know (e.g. 'Mars/Olympus'); "
          + "America/New_York is used for it"
      ])
    #expect(warnings.first?.range?.start.line == 4)
  }

  @Test func withoutATimezoneStatementTheClockIsUTC() throws {
    // 05:30Z is quiet in UTC: every customer waits to 08:00Z.
    let times = try Self.sendAt("2026-12-04T05:30:00Z", timezone: false)
    #expect(Set(times.values) == ["2026-12-04T08:00:00Z"])
    let f = try Self.fixture(Self.playbook(clock: "2026-12-04T05:30:00Z", timezone: false))
    #expect(f.run().decisions.allSatisfy { $0.localOffset == nil })
  }

  @Test func expiryCountsFromTheMovedTime() throws {
    let f = try Self.fixture(Self.playbook(clock: "2026-12-04T02:00:00Z"))
    let d = try #require(f.run().decisions.first { $0.customerID == "C-1" })
    #expect(d.expiresAt == d.sendAt + 10 * 86_400)
    #expect(d.move?.from == Timestamp.parse("2026-12-04T02:00:00Z")?.seconds)
  }

  @Test func exportsAddLocalSendAtOnlyWithATimezoneStatement() throws {
    for format in ["csv", "jsonl"] {
      let f = try Self.fixture(Self.playbook(clock: "2026-12-04T05:30:00Z"))
      let run = f.run()
      let target = ExportTarget(directory: f.directory + "/out", format: try #require(ExportFormat(rawValue: format)))
      try CampaignExporter.stage(run.decisions, summary: run.summary, to: target).commit()
      let audience = try String(contentsOfFile: f.directory + "/out/A.\(format)", encoding: .utf8)
      let log = try String(contentsOfFile: f.directory + "/out/decisions.\(format)", encoding: .utf8)
      if format == "csv" {
        #expect(audience.hasPrefix("customer_id,channel,address,offer,send_at,local_send_at,expires_at,"))
        #expect(audience.contains(",2026-12-04T13:00:00Z,2026-12-04T08:00:00-05:00,"))
        #expect(audience.contains(",2026-12-04T07:00:00Z,2026-12-04T08:00:00+01:00,"))
        #expect(log.contains("send_at,local_send_at,expires_at"))
      } else {
        #expect(audience.contains(#""send_at":"2026-12-04T13:00:00Z","local_send_at":"2026-12-04T08:00:00-05:00""#))
        #expect(log.contains(#""local_send_at":"2026-12-04T08:00:00+01:00""#))
      }
    }
    let f = try Self.fixture(Self.playbook(clock: "2026-12-04T05:30:00Z", timezone: false))
    let run = f.run()
    try CampaignExporter.stage(
      run.decisions, summary: run.summary, to: ExportTarget(directory: f.directory + "/out", format: .csv)
    ).commit()
    let audience = try String(contentsOfFile: f.directory + "/out/A.csv", encoding: .utf8)
    #expect(audience.hasPrefix("customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id\r\n"))
  }

  @Test func explainSaysWhenAndWhyASendMoved() throws {
    let f = try Self.fixture(Self.playbook(clock: "2026-12-04T03:40:00Z", days: "mon-fri"))
    let plan = f.run().plan
    let text = try Explainer(plan: plan).explain(customerID: "C-1").detailText()
    #expect(
      text.contains("    A: send — sent via sms\n      moved from 22:40 to 08:00 local (quiet hours 21:00-08:00)\n"))
    // Friday night waits past the weekend: the days are named.
    let friday = try Self.fixture(Self.playbook(clock: "2026-12-05T03:40:00Z", days: "mon-fri"))
    let weekend = try Explainer(plan: friday.run().plan).explain(customerID: "C-1").detailText()
    #expect(weekend.contains("moved from Fri 22:40 to Mon 08:00 local (quiet hours 21:00-08:00, days mon-fri)"))
    let json = try Explainer(plan: plan).explain(customerID: "C-1").json.prettyText
    #expect(json.contains(#""send_at": "2026-12-04T13:00:00Z","#))
    #expect(json.contains(#""local_send_at": "2026-12-04T08:00:00-05:00","#))
    #expect(json.contains(#""moved_from": "2026-12-04T03:40:00Z","#))
    #expect(json.contains(#""moved_because": "quiet hours 21:00-08:00""#))
    // A send inside the window says nothing of moving.
    let open = try Self.fixture(Self.playbook(clock: "2026-12-04T15:00:00Z"))
    #expect(try !Explainer(plan: open.run().plan).explain(customerID: "C-1").detailText().contains("moved"))
  }

  @Test func calendarFunctionsReadTheCustomersClock() throws {
    // 03:40Z is 22:40 on Thursday in New York, 04:40 Friday in Rome, 12:40 Friday in Tokyo.
    func matching(_ condition: String, timezone: Bool = true) throws -> [String] {
      let text = Self.playbook(clock: "2026-12-04T03:40:00Z", quiet: nil, timezone: timezone)
        .replacingOccurrences(of: #"when customer.tier == "gold""#, with: "when " + condition)
      return try Self.fixture(text).run().decisions.map(\.customerID).sorted()
    }
    #expect(try matching("hour(now) == 22") == ["C-1", "C-3", "C-4"])
    #expect(try matching("day_of_week(now) == 5 and hour(now) == 4") == ["C-2"])
    #expect(try matching("hour(now) == 12") == ["C-5"])
    #expect(try matching("month(now) == 12") == ["C-1", "C-2", "C-3", "C-4", "C-5"])
    // Without the statement: UTC for everyone.
    #expect(try matching("hour(now) == 3", timezone: false) == ["C-1", "C-2", "C-3", "C-4", "C-5"])
  }
}
