import PlaybookEngine
import Testing

@testable import PlaybookReporting

/// The progress line's text: what it says, and that it fits the terminal it is drawn on.
@Suite struct ProgressLineTests {
  func tickets(width: Int) -> String {
    ProgressLine.loading(
      table: "tickets", file: "Examples/data/tickets.csv", read: 340_000_000, total: 652_000_000,
      rows: 1_234_567, nanoseconds: 1_700_000_000, width: width)
  }

  /// At 80 columns: the share, the bar, bytes read of the total, rows grouped, MB/s and
  /// the file's name (the bar shortened for it).
  @Test func aLoadingLineAt80Columns() {
    #expect(
      tickets(width: 80)
        == "tickets  52% █████░░░░░ 340/652 MB · 1,234,567 rows · 200 MB/s · …a/tickets.csv")
    #expect(
      tickets(width: 120)
        == "tickets  52% ██████████░░░░░░░░░░ 340/652 MB · 1,234,567 rows · 200 MB/s · Examples/data/tickets.csv")
    // Room for part of the file: its start is cut, its name kept.
    #expect(tickets(width: 90).hasSuffix(" · 200 MB/s · …a/tickets.csv"))
    #expect(tickets(width: 90).displayWidth == 89)
  }

  /// A narrow terminal loses the file, then the bar grows shorter, then figures go: the
  /// line never wraps, so `\r` can redraw it.
  @Test func narrowerTerminalsDropPartsAndNeverWrap() {
    for width in [20, 30, 40, 50, 60, 70, 80, 100, 200] {
      #expect(tickets(width: width).displayWidth < width, "width \(width)")
    }
    #expect(tickets(width: 60) == "tickets  52% █████░░░░░ 340/652 MB · 1,234,567 rows")
    #expect(tickets(width: 30) == "tickets  52% · 340/652 MB")
  }

  @Test func sizesRatesAndSeconds() {
    #expect(ProgressLine.bytes(12_345) == "12 KB")
    #expect(ProgressLine.bytes(3_400_000) == "3.4 MB")
    #expect(ProgressLine.bytes(1_100_000_000) == "1.1 GB")
    #expect(ProgressLine.bytes(5_000_000, of: 652_000_000) == "5.0/652 MB")
    #expect(ProgressLine.rate(6_800_000, nanoseconds: 2_000_000_000) == "3.4 MB")
    #expect(ProgressLine.rate(1, nanoseconds: 0) == "– MB")
    #expect(ProgressLine.seconds(420_000_000) == "0.4 s")
    #expect(ProgressLine.seconds(125_000_000_000) == "125 s")
    #expect(ProgressLine.working(.evaluating, nanoseconds: 2_340_000_000, width: 80) == "evaluating… 2.3 s")
  }

  /// A finished table shows 100% and a full bar; an empty file too.
  @Test func aTableReadToTheEnd() {
    let line = ProgressLine.loading(
      table: "calls", file: "c.jsonl", read: 900, total: 900, rows: 3, nanoseconds: 1, width: 80)
    #expect(line.hasPrefix("calls 100% ████████████████████ 0.9/0.9 KB · 3 rows"))
    let empty = ProgressLine.loading(table: "e", file: "e.csv", read: 0, total: 0, rows: 0, nanoseconds: 1, width: 80)
    #expect(empty.hasPrefix("e 100% ████████████████████"))
  }

  /// The summary: what was loaded and how fast, then each step's time, on as many lines
  /// as the width needs.
  @Test func theSummaryWrapsAtTheWidth() {
    var times = WorkTimes()
    times.tables = 4
    times.rows = 3_456_789
    times.bytes = 1_100_000_000
    times.load = 4_100_000_000
    times.evaluate = 1_200_000_000
    times.decide = 300_000_000
    times.export = 700_000_000
    #expect(
      ProgressLine.summary(times, width: 80)
        == "loaded 4 tables (3,456,789 rows, 1.1 GB) in 4.1 s, 268 MB/s\n"
        + "evaluated in 1.2 s · decided in 0.3 s · exported in 0.7 s")
    #expect(ProgressLine.summary(times, width: 200).split(separator: "\n").count == 1)
    times.export = 0
    #expect(!ProgressLine.summary(times, width: 200).contains("exported"))
  }
}
