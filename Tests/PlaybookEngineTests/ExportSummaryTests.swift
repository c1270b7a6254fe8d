import PlaybookLanguage
import PlaybookReporting
import Testing

@testable import PlaybookEngine

@Suite struct ExportSummaryTests {
  @Test func countsByRuleOfferAndStatusListingDeclaredNamesFirst() {
    var decisions = ExportFixtures.decisions
    decisions.append(ExportFixtures.decision("C-9", "stray_rule", "AAA", status: .alreadySent))
    let counts = DecisionCounts(
      decisions, rules: ["slow_fix_apology", "cancel_risk", "evangelist"], offers: ["SORRY25", "REFER20", "STAY15"])
    #expect(counts.byRule.map(\.name) == ["slow_fix_apology", "cancel_risk", "evangelist", "stray_rule"])
    #expect(counts.byOffer.map(\.name) == ["SORRY25", "REFER20", "STAY15", "AAA"])
    #expect(counts.byRule[0].counts[.send] == 2 && counts.byRule[0].counts[.unreachable] == 1)
    #expect(counts.byRule[0].counts.total == 3)
    #expect(counts.byRule[2].counts.total == 0)
    #expect(counts.byOffer[2].counts[.capped] == 1 && counts.byOffer[2].counts[.holdout] == 1)
    #expect(counts.byStatus[.send] == 2 && counts.byStatus[.alreadySent] == 1 && counts.byStatus.total == 6)
  }

  @Test func summaryJSONHasAFixedShape() {
    var summary = ExportFixtures.summary()
    summary.export = ExportTarget(directory: "out/recovery", format: .csv)
    summary.timings = PhaseTimings(load: 12, evaluate: 3, decide: 1, export: 25)
    #expect(
      summary.json.prettyText == """
        {
          "playbook": "Service recovery loop",
          "run_id": null,
          "clock": "2026-11-01T00:00:00Z",
          "window_seconds": 2592000,
          "window_start": "2026-10-02T00:00:00Z",
          "export": {
            "directory": "out/recovery",
            "format": "csv",
            "audience_files": [
              "SORRY25.csv",
              "REFER20.csv",
              "STAY15.csv"
            ],
            "decisions_file": "decisions.csv"
          },
          "tables": {
            "customers": {
              "file": "customers.csv",
              "rows": 4,
              "set_aside": 0
            },
            "tickets": {
              "file": "tickets.csv",
              "rows": 9,
              "set_aside": 2
            }
          },
          "set_aside": 2,
          "candidates": 5,
          "statuses": {
            "send": 2,
            "holdout": 1,
            "capped": 1,
            "unreachable": 1,
            "already_sent": 0,
            "unrendered": 0
          },
          "rules": {
            "slow_fix_apology": {
              "candidates": 3,
              "send": 2,
              "holdout": 0,
              "capped": 0,
              "unreachable": 1,
              "already_sent": 0,
              "unrendered": 0
            },
            "cancel_risk": {
              "candidates": 2,
              "send": 0,
              "holdout": 1,
              "capped": 1,
              "unreachable": 0,
              "already_sent": 0,
              "unrendered": 0
            }
          },
          "offers": {
            "SORRY25": {
              "candidates": 3,
              "send": 2,
              "holdout": 0,
              "capped": 0,
              "unreachable": 1,
              "already_sent": 0,
              "unrendered": 0
            },
            "REFER20": {
              "candidates": 0,
              "send": 0,
              "holdout": 0,
              "capped": 0,
              "unreachable": 0,
              "already_sent": 0,
              "unrendered": 0
            },
            "STAY15": {
              "candidates": 2,
              "send": 0,
              "holdout": 1,
              "capped": 1,
              "unreachable": 0,
              "already_sent": 0,
              "unrendered": 0
            }
          },
          "timings_ms": {
            "load": 12,
            "evaluate": 3,
            "decide": 1,
            "export": 25,
            "total": 41
          }
        }

        """)
  }

  @Test func runIDAndWindowAllAndNoExport() {
    var summary = ExportFixtures.summary([])
    summary.runID = "run-7"
    summary.window = nil
    let text = String(decoding: summary.json.compactBytes, as: UTF8.self)
    #expect(
      text.hasPrefix(
        #"{"playbook":"Service recovery loop","run_id":"run-7","clock":"2026-11-01T00:00:00Z","window_seconds":null,"window_start":null,"export":null,"#
      ))
    #expect(summary.audienceFiles.isEmpty)
  }

  @Test func humanTextShowsAudienceBySetAsideAndWhereItWent() {
    var summary = ExportFixtures.summary()
    summary.export = ExportTarget(directory: "out/recovery", format: .jsonl)
    summary.timings = PhaseTimings(load: 30, evaluate: 5, decide: 2, export: 4)
    #expect(
      summary.text == """
        Service recovery loop — clock 2026-11-01T00:00:00Z
        offer    send  holdout  capped  unreachable  already_sent
        SORRY25     2        0       0            1             0
        REFER20     0        0       0            0             0
        STAY15      0        1       1            0             0
        2 rows set aside (tickets.csv: 2); run with --strict to stop on bad rows.
        Exported 3 audience files to out/recovery (jsonl) in 41 ms.

        """)
  }

  @Test func humanTextWithoutExportOrSetAsideRows() {
    var summary = ExportFixtures.summary([])
    summary.tables = [TableCount(name: "customers", file: "customers.csv", rows: 4, setAside: 0)]
    summary.counts = DecisionCounts([], rules: [], offers: ["THANKS10"])
    summary.timings = PhaseTimings(load: 1)
    #expect(
      summary.text == """
        Service recovery loop — clock 2026-11-01T00:00:00Z
        offer     send  holdout  capped  unreachable  already_sent
        THANKS10     0        0       0            0             0
        Nothing exported; took 1 ms.

        """)
  }

  @Test func tableCountsFollowLoadOrderWithSetAsideRowsPerTable() {
    func table(_ name: String, _ rows: Int) -> Table {
      Table(name: name, file: "\(name).csv", rowCount: rows, columns: [], lines: [])
    }
    let dataset = Dataset(
      customers: table("customers", 3), customerIDs: TextColumn(),
      events: ["tickets": table("tickets", 5), "calls": table("calls", 2)], links: [:],
      setAside: [
        SetAsideRow(table: "tickets", file: "tickets.csv", line: 4, reason: "wrong field count"),
        SetAsideRow(table: "calls", file: "calls.csv", line: 2, reason: "no such customer"),
        SetAsideRow(table: "tickets", file: "tickets.csv", line: 9, reason: "not a timestamp"),
      ])
    #expect(
      TableCount.counts(of: dataset, eventTableOrder: ["tickets", "calls"]) == [
        TableCount(name: "customers", file: "customers.csv", rows: 3, setAside: 0),
        TableCount(name: "tickets", file: "tickets.csv", rows: 5, setAside: 2),
        TableCount(name: "calls", file: "calls.csv", rows: 2, setAside: 1),
      ])
  }
}
