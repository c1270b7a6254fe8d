import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport
import Testing

/// The known ways SQL drifts from the engine, each in the data and the playbook below:
/// every rule fires for some rows the naive SQL would get wrong (named in the comments).
@Suite struct TrapTests {
  static let playbook = #"""
    playbook "Traps"
    as of 2026-11-03T00:00:00Z
    window 30d

    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id

    define complaint = ticket where ticket.kind == "complaint"

    # lower() without COLLATE "C" folds the Kelvin sign to k, and İ to i̇.
    segment kelvin = customer.name contains "k" or customer.name starts with "i"
    # Byte order: "Zed" < "alpha" as bytes, not in a linguistic collation.
    segment early_name = customer.name < "a"
    # Unknown when visits is null (SQL's BETWEEN says false, and NOT false is true).
    segment ranged = customer.score between 1 and customer.visits
    # Integer division would make 3 / 2 one.
    segment halves = customer.visits / 2 >= 1.5 and customer.score > 2
    segment joined_early = customer.joined < 2026-01-01

    channel email address customer.email

    offer A "a" valid 7d
    offer B "b"
    offer C "c"

    # 24h30m across the end of daylight-saving time: not within 1d (interval '1 day' is 25h there).
    rule within_day priority 3
      when complaint resolved within 1d
      send A via email

    rule after_day priority 4
      when complaint resolved after 1d
      send B via email after 1d

    # LIKE would read % and _ as wildcards.
    rule wildcard priority 2
      when ticket.note contains any ["0%", "a_b", "\\x"]
      send C via email

    # A null csat is no reason not to send.
    rule affixes priority 2
      when ticket.subject starts with "re:" or ticket.subject ends with "!"
      unless ticket.csat < 3
      send A via email
    send B via email

    # Trigger ids in byte order: NFD e + accent sorts before f, NFC é after.
    rule byte_ids priority 1
      when ticket.id < "T-f" and ticket in last 60d
      send C via email

    rule customers_only priority 7
      when customer in kelvin or customer in early_name or customer in halves or customer in joined_early
      unless count(complaint in last 7d) > 1
      send B via email after 2h

    # The sum of no tickets is 0, not null.
    rule no_csat priority 1
      when customer not in ranged and sum(ticket.csat) == 0
      send C via email
    """#

  static let customers = """
    id,name,email,score,visits,joined
    C-1,\u{212A}elvin,k@example.com,2.5,3,2025-12-31
    C-2,\u{0130}stanbul,i@example.com,1.5,,2026-01-01
    C-3,Zed,z@example.com,0.5,1,2026-02-01
    C-4,alpha,a@example.com,2.5,3,
    C-5,kim,kim@example.com,3,2,2025-06-01
    C-6,"Ruth ""R"" Ng",r@example.com,0.5,1,2026-03-01
    C-7,Nell,n@example.com,0.25,,2026-03-01
    """

  static let tickets = """
    id,customer_id,kind,subject,note,csat,opened_at,resolved_at
    T-e\u{301}1,C-1,complaint,Re: late,50% off,,2026-10-31T12:00:00Z,2026-11-01T12:30:00Z
    T-\u{E9}1,C-1,complaint,hello!,axb,2,2026-10-31T12:00:00Z,2026-11-01T12:00:00Z
    T-a,C-2,question,RE: x,a_b,4,2026-10-20T08:00:00Z,
    T-b,C-2,complaint,,100 off,,2026-10-30T00:00:00Z,2026-10-30T01:00:00Z
    T-c,C-3,complaint,Hi,\\x marks,5,2026-10-04T00:00:00Z,2026-10-05T00:00:00Z
    T-d,C-3,complaint,Hi!,yx,1,2026-10-02T00:00:00Z,2026-10-02T23:59:59Z
    T-g,C-4,,re:,,0,2026-11-02T00:00:00Z,2026-11-04T00:00:00Z
    T-h,C-4,complaint,re:,,,2026-11-05T00:00:00Z,
    T-i,C-5,complaint,x,k,3,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z
    T-j,C-5,complaint,x,K,3,2026-10-29T00:00:00Z,2026-10-30T00:00:00Z
    T-k,C-5,complaint,x,\u{212A},3,2026-10-30T00:00:00Z,2026-10-31T00:00:00Z
    """

  static func workspace() throws -> (Workspace, ScratchFolder) {
    let folder = try ScratchFolder(
      "sql-traps", files: ["traps.playbook": playbook, "customers.csv": customers, "tickets.csv": tickets])
    return (try Workspace.open(path: folder.path + "/traps.playbook"), folder)
  }

  @Test(arguments: ["UTC", "America/New_York", "Asia/Kolkata"])
  func theTrapsGiveTheEngineCandidates(_ timeZone: String) throws {
    let (workspace, folder) = try Self.workspace()
    defer { folder.remove() }
    let run = try Differential(workspace, clock: workspace.model.clock ?? 0, timeZone: timeZone)
    let fired = Set(run.engine.map { String($0.split(separator: "\u{1F}")[1]) })
    #expect(fired.count == 7, "every rule fires: \(fired.sorted())")
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }

  /// Text columns in a linguistic collation (ICU folds the Kelvin sign, sorts `a` before
  /// `Z`): the SQL compares and folds as bytes all the same.
  @Test func aLinguisticCollationChangesNothing() throws {
    let (workspace, folder) = try Self.workspace()
    defer { folder.remove() }
    let run = try Differential(
      workspace, clock: workspace.model.clock ?? 0, timeZone: "America/New_York", textCollation: "und-x-icu")
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }
}
