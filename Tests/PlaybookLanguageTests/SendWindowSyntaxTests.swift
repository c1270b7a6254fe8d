import Testing

@testable import PlaybookLanguage

/// `timezone customer.FIELD default "ZONE"` and a channel's `quiet` and `days` lines:
/// parsing, formatting and checking.
@Suite struct SendWindowSyntaxTests {
  static let channel = """
    channel sms address customer.email
      quiet 21:00-8:00
      days mon-fri,sun
    """

  /// The checker's schema with a text `tz` column and a few zones known.
  static var schema: DataSchema {
    var schema = CheckerDiagnosticsTests.schema
    schema.tables["customers"]?.append(ColumnSchema(name: "tz", type: .text))
    schema.zoneNames = ["America/New_York", "Europe/Rome", "UTC"]
    return schema
  }

  func check(_ text: String) -> [Diagnostic] {
    let (playbook, syntax) = parse(CheckerDiagnosticsTests.header + text)
    return syntax + PlaybookChecker.check(playbook, file: "t", schema: Self.schema).1
  }

  @Test func aWindowParsesAndFormats() throws {
    #expect(
      astDump(Self.channel)
        == "(channel sms customer.email (quiet 21:00-08:00) (days mon-fri,sun))")
    #expect(
      astDump(#"timezone customer.tz default "America/New_York""#)
        == #"(timezone customer.tz "America/New_York")"#)
    // Canonical: two-digit hours, quiet before days, no spaces in the day list.
    #expect(
      format("channel sms address customer.email\n  days  mon , wed-fri\n  quiet 8:00-9:30\n")
        == "channel sms address customer.email\n  quiet 08:00-09:30\n  days mon,wed-fri\n")
    let text = """
      timezone customer.tz default "America/New_York"
      channel sms address customer.email requires customer.email_opt_in
        quiet 21:00-08:00
        days mon-fri

      """
    #expect(format(text) == text)
  }

  @Test func theDaysAndQuietHoursMeanWhatTheySay() throws {
    let (playbook, _) = parse(Self.channel)
    guard case .channel(let channel) = try #require(playbook.statements.first).kind else {
      Issue.record("not a channel")
      return
    }
    let quiet = try #require(channel.quiet)
    #expect(quiet.contains(minute: 21 * 60) && quiet.contains(minute: 0) && quiet.contains(minute: 479))
    #expect(!quiet.contains(minute: 480) && !quiet.contains(minute: 20 * 60 + 59))
    // mon-fri,sun: every day but Saturday (bit 5).
    #expect(channel.days?.mask == 0b101_1111)
    // A run may wrap past Sunday.
    #expect(SendDays(items: [(.fri, .mon)], range: .nowhere).mask == 0b111_0001)
  }

  @Test func aLoadsTimezoneLineStaysWithTheLoadButThePlaybooksDoesNot() throws {
    let (playbook, syntax) = parse(
      """
      load tickets from "t.csv"
        timezone "Europe/Rome"
      timezone customer.tz default "UTC"
      """)
    #expect(syntax.isEmpty)
    #expect(playbook.statements.map(\.kind.keyword) == [.load, .timezone])
    guard case .load(let load) = playbook.statements[0].kind else { return }
    #expect(load.timezone?.value == "Europe/Rome")
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var column: Int
    var message: String
    var hint: String?
    var code: DiagnosticCode
    var testDescription: String { message }
  }

  static let errors: [Case] = [
    Case(
      input: "channel sms address customer.email\n  quiet 24:00-08:00", column: 9,
      message: "'24:00' is not a time of day", hint: "write hours 00–23 and minutes 00–59, e.g. 21:00",
      code: .invalidToken),
    Case(
      input: "channel sms address customer.email\n  quiet 21:00 08:00", column: 15,
      message: "expected '-', found time 08:00", hint: "write: quiet 21:00-08:00", code: .parseError),
    Case(
      input: "channel sms address customer.email\n  quiet 08:00-08:00", column: 9,
      message: "quiet hours 08:00-08:00 are empty or the whole day",
      hint: "quiet hours start and end at different times, e.g. quiet 21:00-08:00", code: .invalidSendWindow),
    Case(
      input: "channel sms address customer.email\n  days mon-fir", column: 12, message: "unknown day 'fir'",
      hint: "did you mean 'fri'?", code: .invalidSendWindow),
    Case(
      input: "channel sms address customer.email\n  days Monday", column: 8, message: "unknown day 'Monday'",
      hint: "did you mean 'mon'?", code: .invalidSendWindow),
    Case(
      input: "channel sms address customer.email\n  days mon\n  days fri", column: 3,
      message: "duplicate 'days' clause", hint: nil, code: .duplicateClause),
    Case(
      input: "quiet 21:00-08:00", column: 1, message: "'quiet' must follow a 'channel' line",
      hint: "put it right under its channel's line", code: .misplacedLine),
    Case(
      input: #"timezone customer.tz default "America/New_Yrok""#, column: 30,
      message: "unknown time zone 'America/New_Yrok'", hint: "did you mean 'America/New_York'?",
      code: .unknownZone),
    Case(
      input: #"timezone customer.tzz default "UTC""#, column: 19, message: "unknown field 'tzz' on customer",
      hint: "did you mean 'tz'?", code: .unknownField),
    Case(
      input: #"timezone customer.email_opt_in default "UTC""#, column: 10,
      message: "a time zone field must be text, but this is boolean",
      hint: #"zones are names such as "Europe/Rome""#, code: .typeError),
    Case(
      input: #"timezone lower(customer.tz) default "UTC""#, column: 10, message: "timezone reads a customer field",
      hint: #"write: timezone customer.tz default "America/New_York""#, code: .typeError),
    Case(
      input: "timezone customer.tz default \"UTC\"\ntimezone customer.tz default \"Europe/Rome\"", column: 1,
      message: "a second 'timezone' statement (the first is on line 9)",
      hint: "a playbook has one customer time zone; remove one", code: .duplicateClause),
    Case(
      input: #"timezone "Europe/Rome""#, column: 10, message: #"'timezone "…"' must follow a 'load' line"#,
      hint: #"a playbook's own is `timezone customer.FIELD default "America/New_York"`"#, code: .misplacedLine),
  ]

  @Test(arguments: errors) func errorsPointAtTheirText(_ c: Case) throws {
    let d = try #require(check(c.input).first)
    #expect(d.message == c.message)
    #expect(d.hint == c.hint)
    #expect(d.code == c.code)
    #expect(d.range?.start.column == c.column)
  }

  @Test func withoutKnownZonesTheDefaultIsNotJudged() {
    let (playbook, _) = parse(CheckerDiagnosticsTests.header + #"timezone customer.tz default "Nowhere/Atall""#)
    var schema = Self.schema
    schema.zoneNames = []
    #expect(PlaybookChecker.check(playbook, file: "t", schema: schema).1.isEmpty)
  }
}
