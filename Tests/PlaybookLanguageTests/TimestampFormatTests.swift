import Testing

@testable import PlaybookLanguage

/// `types c = timestamp "…"` formats, the inferred year-first forms, year-last dates'
/// orders, and the `nulls`/`timezone` clauses in the grammar.
@Suite struct TimestampFormatTests {
  /// Each directive at least once, with the instant it must give (offset-less times are
  /// read as UTC here; the loader moves them into the table's zone).
  @Test(arguments: [
    ("%Y/%m/%d %H:%M:%S", "2012/10/9 14:50:17", "2012-10-09T14:50:17Z"),
    ("%Y-%m-%d", "2026-1-5", "2026-01-05T00:00:00Z"),
    ("%d/%m/%Y", "03/04/2026", "2026-04-03T00:00:00Z"),
    ("%m/%d/%Y", "03/04/2026", "2026-03-04T00:00:00Z"),
    ("%d.%m.%y", "1.2.69", "1969-02-01T00:00:00Z"),
    ("%d.%m.%y", "1.2.68", "2068-02-01T00:00:00Z"),
    ("%a %b %d %H:%M:%S %z %Y", "Tue Oct 31 22:10:47 +0000 2017", "2017-10-31T22:10:47Z"),
    ("%a %b %d %H:%M:%S %z %Y", "wed NOV 01 08:00:00 +0200 2017", "2017-11-01T06:00:00Z"),
    ("%A %B %e %Y", "Sunday November  1 2026", "2026-11-01T00:00:00Z"),
    ("%d %B %Y %I:%M %p", "1 March 2026 12:05 AM", "2026-03-01T00:05:00Z"),
    ("%d %b %Y %I:%M %p", "1 Mar 2026 12:05 pm", "2026-03-01T12:05:00Z"),
    ("%d %h %Y %I%p", "1 sep 2026 7PM", "2026-09-01T19:00:00Z"),
    ("%Y-%m-%dT%H:%M:%S%z", "2026-11-01T11:30:00+02:00", "2026-11-01T09:30:00Z"),
    ("%Y-%m-%dT%H:%M:%S%z", "2026-11-01T09:30:00Z", "2026-11-01T09:30:00Z"),
    ("%Y-%m-%d %H:%M %z", "2026-11-01 09:30 -05", "2026-11-01T14:30:00Z"),
    ("%Y-%m-%d %H:%M:%S %Z", "2026-11-01 09:30:00 GMT", "2026-11-01T09:30:00Z"),
    ("%Y-%m-%d %H:%M:%S.%f", "2026-11-01 09:30:00.123456", "2026-11-01T09:30:00Z"),
    ("%Y%m%d%H%M%S", "20261101093000", "2026-11-01T09:30:00Z"),
    ("%Y %j", "2024 366", "2024-12-31T00:00:00Z"),
    ("%d%%%m%%%Y", "1%2%2026", "2026-02-01T00:00:00Z"),
    ("%Y-%m", "2026-02", "2026-02-01T00:00:00Z"),
  ])
  func readsEachDirective(format: String, text: String, instant: String) throws {
    let compiled = try TimestampFormat(format)
    #expect(compiled.read(text).map(Timestamp.format) == instant, "\(format) on \(text)")
  }

  @Test(arguments: [
    ("%d/%m/%Y", "31/02/2026"), ("%d/%m/%Y", "03/04/26x"), ("%m/%d/%Y", "25/04/2026"),
    ("%Y-%m-%d %H:%M", "2026-11-01 24:00"), ("%Y %j", "2026 366"), ("%Y-%m-%d %Z", "2026-11-01 CET"),
    ("%I:%M %p %Y", "13:00 PM 2026"), ("%a %Y", "Mon, 2026"), ("%Y-%m-%d", "2026-11-01 "),
  ])
  func refusesWhatTheFormatDoesNotSay(format: String, text: String) throws {
    #expect(try TimestampFormat(format).read(text) == nil, "\(format) on \(text)")
  }

  @Test(arguments: [
    ("%Y/%q", "unknown directive %q (known: \(TimestampFormat.directives))"),
    ("%Y %", "the format ends with a lone %"), ("%d/%m", "the format has no year (%Y or %y)"),
    ("%Y %I:%M", "%I (a 12-hour clock) and %p (AM or PM) go together"),
  ])
  func refusesFormatsThatCannotBeRead(format: String, message: String) {
    #expect(throws: TimestampFormat.Problem(message: message)) { try TimestampFormat(format) }
  }

  @Test(arguments: [
    ("2012/10/9 14:50:17", "2012-10-09T14:50:17Z", false, false),
    ("2012/10/09", "2012-10-09T00:00:00Z", true, false), ("2026-1-5", "2026-01-05T00:00:00Z", true, false),
    ("2026.11.01 9:30", "2026-11-01T09:30:00Z", false, false),
    ("2026-11-01 09:30:00 +02:00", "2026-11-01T07:30:00Z", false, true),
    ("2026/11/01 09:30 UTC", "2026-11-01T09:30:00Z", false, true),
  ])
  func readsCommonYearFirstForms(text: String, instant: String, isDate: Bool, hasOffset: Bool) {
    var text = text
    let read = text.withUTF8 { Timestamp.readCommon($0) }
    #expect(read.map { Timestamp.format($0.seconds) } == instant)
    #expect(read?.isDate == isDate)
    #expect(read?.hasOffset == hasOffset)
  }

  @Test(arguments: ["2012/13/9", "2012/10-09", "12/10/09", "2012/10/9 25:00", "2012/10/9x", "2012/2/30"])
  func refusesOtherYearFirstText(text: String) {
    var text = text
    #expect(text.withUTF8 { Timestamp.readCommon($0) } == nil)
  }

  @Test func yearLastDatesSayWhichOrdersTheyFit() {
    func orders(_ text: String) -> Timestamp.DayMonthOrders? {
      var text = text
      return text.withUTF8 { Timestamp.dayMonthOrders($0) }
    }
    #expect(orders("03/04/2026") == [.dayFirst, .monthFirst])
    #expect(orders("25/04/2026") == .dayFirst)
    #expect(orders("04/25/2026 14:50") == .monthFirst)
    #expect(orders("3.4.2026") == [.dayFirst, .monthFirst])
    #expect(orders("31/31/2026") == nil)
    #expect(orders("03/04-2026") == nil)
    #expect(orders("03/04/26") == nil)
  }

  @Test func anAmbiguousColumnNamesTheTypesLinesThatFixIt() throws {
    let example = DataValue("03/04/2026", file: "c.csv", line: 2)
    let both = try #require(TextReason.ambiguousDayMonth(example: example, orders: [.dayFirst, .monthFirst]))
    #expect(both == .ambiguousDayMonth(first: example, formats: ["%d/%m/%Y", "%m/%d/%Y"]))
    #expect(
      both.typesLines(column: "Signup Date") == [
        #"types "Signup Date" = date "%d/%m/%Y""#, #"types "Signup Date" = date "%m/%d/%Y""#,
      ])
    #expect(both.explanation == "dates like '03/04/2026' could be day first or month first, which is never guessed")
    let timed = try #require(
      TextReason.ambiguousDayMonth(
        example: DataValue("03-04-2026 14:50", file: "c.csv", line: 2), orders: .monthFirst))
    #expect(timed.typesLines(column: "seen") == [#"types seen = timestamp "%m-%d-%Y %H:%M""#])
  }

  @Test func theNewLoadClausesParseAndFormatBack() throws {
    let text = """
      load customers from "c.csv"
        types seen = timestamp "%a %b %d %H:%M:%S %z %Y", day = date "%d/%m/%Y", n = integer
        nulls "NA", "n/a", "-"
        timezone "Europe/Rome"

      """
    #expect(format(text) == text)
    #expect(
      astDump(text)
        == #"(load customers "c.csv" (type seen timestamp "%a %b %d %H:%M:%S %z %Y") (type day date "%d/%m/%Y") (type n integer) (nulls "NA" "n/a" "-") (timezone "Europe/Rome"))"#
    )
    let oneLine = #"load customers from "c.csv" timezone "UTC" nulls "NA""#
    #expect(format(oneLine + "\n") == "load customers from \"c.csv\"\n  nulls \"NA\"\n  timezone \"UTC\"\n")
  }

  @Test func aBadFormatIsAPlaybookError() throws {
    let (_, diagnostics) = parse("load customers from \"c.csv\" types seen = timestamp \"%Y/%q\"\n")
    let error = try #require(diagnostics.first)
    #expect(error.code == .invalidTimeFormat)
    #expect(error.message == #"timestamp format "%Y/%q": unknown directive %q (known: \#(TimestampFormat.directives))"#)
    #expect(error.range?.start.column == 52)
    let (_, untimed) = parse("load customers from \"c.csv\" types n = integer \"%Y\"\n")
    #expect(untimed.first?.message == "a format only goes with timestamp or date, not integer")
  }

  @Test func nullsAndTimezoneTakeQuotedText() {
    let (_, diagnostics) = parse("load customers from \"c.csv\" timezone Europe\n")
    #expect(diagnostics.first?.message.contains("a time zone in quotes after 'timezone'") == true)
    let (_, twice) = parse("load customers from \"c.csv\" nulls \"NA\" nulls \"-\"\n")
    #expect(twice.first?.code == .duplicateClause)
  }
}
