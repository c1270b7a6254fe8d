import Foundation
import PlayloopTestSupport
import Testing

/// The real binary on one messy export (`Tests/Fixtures/messy-values`): spaces around
/// values, `NA`/`n/a`/`-` for null, yes/no and y/n/1/t booleans, day-first times in
/// Rome's zone across the end of summer time, Twitter's timestamp format.
@Suite struct MessyValuesTests {
  static let folder = Repository.path("Tests/Fixtures/messy-values")
  static let playbook = folder + "/messy.playbook"

  @Test func runReadsEveryValueAsMeant() throws {
    try ScratchFolder.with("messy-values") { scratch in
      let out = scratch.path + "/out"
      let result = try ChildProcess.playloop(["run", Self.playbook, "--out", out], environment: ["NO_COLOR": "1"])
      #expect(result.status == 0, "\(result.stderr)")
      // Only C1 is sent: C2 is not a VIP (`No`), C3's ticket took 4h15m across the
      // clock change (3h15m if its times were read as UTC), C4's took two days, C5 is
      // ` no `, and T6's `maybe` is no boolean.
      let decisions = try String(contentsOfFile: out + "/decisions.csv", encoding: .utf8)
      #expect(
        decisions
          == "customer_id,rule,offer,trigger_id,trigger_time,send_at,expires_at,channel,address,status,reason,merged,priority\r\n"
          + "C1,fast,FAST,T1,2026-10-31T10:30:00Z,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,email,ann@example.com,send,sent via email,0,0\r\n"
      )
      #expect(
        result.stderr.contains(
          "tickets.csv:7: warning: row set aside: value \"maybe\" in column urgent is not a boolean"))
    }
  }

  @Test func explainShowsTheTimesInUTC() throws {
    let result = try ChildProcess.playloop(
      ["explain", "--detail", Self.playbook, "C3"], environment: ["NO_COLOR": "1"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("trigger T3 (opened 2026-10-24T23:30:00Z, resolved 2026-10-25T03:45:00Z)"))
    #expect(result.stdout.contains("(resolved in 4h15m)"))
    #expect(result.stdout.contains("(vip = true)"))
  }

  @Test func anUnknownZoneStopsTheLoadWithDidYouMean() throws {
    try ScratchFolder.with("messy-values") { scratch in
      let text = try String(contentsOfFile: Self.playbook, encoding: .utf8)
        .replacingOccurrences(of: "timezone \"Europe/Rome\"", with: "timezone \"Europe/Rom\"")
        .replacingOccurrences(of: "\"tickets.csv\"", with: "\"\(Self.folder)/tickets.csv\"")
        .replacingOccurrences(of: "\"customers.csv\"", with: "\"\(Self.folder)/customers.csv\"")
      let file = scratch.path + "/zone.playbook"
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      let result = try ChildProcess.playloop(["check", file], environment: ["NO_COLOR": "1"])
      #expect(result.status == 2)
      #expect(result.stderr.contains("error: unknown time zone 'Europe/Rom'"), "\(result.stderr)")
      #expect(result.stderr.contains("did you mean 'Europe/Rome'?"))
    }
  }
}
