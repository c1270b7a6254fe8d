import Foundation
import PlayloopTestSupport
import Testing

/// Every edit shows its impact, `:diff` lists who gains and loses, `:undo` and `:redo`
/// step through the edits: the real binary on a pseudo-terminal, checked against two
/// separate `playloop run`s of the playbook before and after the edit.
@Suite(.serialized) struct ShellImpactEndToEndTests {
  static let prompt = "playloop> "
  static let continuation = "     ...> "
  /// A rule of higher priority than all but `cancel_risk`: under `limit 1 per customer`
  /// it takes customers from the other offers.
  static let rule = [
    "rule big_thanks priority 30", "  when complaint resolved within 48h", "  send THANKS10 via email",
  ]

  func atPrompt(_ terminal: PseudoTerminal, _ prompt: String = prompt) throws {
    try terminal.expect(prompt)
    try terminal.waitForRawMode()
  }

  /// Types a statement line by line, then the blank line that ends it.
  func type(_ lines: [String], _ terminal: PseudoTerminal) throws {
    for line in lines {
      terminal.send(line + "\r")
      try atPrompt(terminal, Self.continuation)
    }
    terminal.send("\r")
  }

  /// `:export`s into `folder` and reads the decisions log back.
  func exportedDecisions(_ terminal: PseudoTerminal, into folder: String) throws -> String {
    terminal.send(":export \(folder)\r")
    try terminal.expect("exported ")
    try atPrompt(terminal)
    return try String(contentsOfFile: folder + "/decisions.csv", encoding: .utf8)
  }

  /// The decisions log of `playloop run` over `playbookText` (paths made absolute).
  static func decisionsOfRun(_ playbookText: String, in folder: ScratchFolder, name: String) throws -> String {
    let text = playbookText.replacingOccurrences(of: "\"../", with: "\"\(Repository.root)/")
    let playbook = try folder.write(text, to: "\(name).playbook")
    let run = try ChildProcess.playloop(["run", playbook, "--out", folder.path(name)])
    #expect(run.status == 0, "\(run.stderr)")
    return try String(contentsOfFile: folder.path("\(name)/decisions.csv"), encoding: .utf8)
  }

  /// Each (customer, offer) → status in a decisions log (or in `:diff --out`'s columns).
  static func statuses(_ csv: String) -> [String: String] {
    let rows = CSVRows.parse(csv)
    guard let header = rows.first, let customer = header.firstIndex(of: "customer_id"),
      let offer = header.firstIndex(of: "offer"), let status = header.firstIndex(of: "status")
    else { return [:] }
    var result: [String: String] = [:]
    for row in rows.dropFirst() where row.count == header.count {
      result["\(row[customer]) \(row[offer])"] = row[status]
    }
    return result
  }

  static func sends(_ statuses: [String: String], offer: String) -> Int {
    statuses.filter { $0.key.hasSuffix(" \(offer)") && $0.value == "send" }.count
  }

  static func change(_ before: Int, _ after: Int) -> String {
    let d = after - before
    return "send \(before) → \(after) (\(d > 0 ? "+" : "")\(d))"
  }

  @Test func anEditShowsItsImpactDiffMatchesTwoRunsAndUndoRestoresTheDecisions() throws {
    try ScratchFolder.with("impact") { folder in
      let original = try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      let beforeLog = try Self.decisionsOfRun(original, in: folder, name: "before")
      let afterLog = try Self.decisionsOfRun(
        original + "\n" + Self.rule.joined(separator: "\n") + "\n", in: folder, name: "after")
      let before = Self.statuses(beforeLog)
      let after = Self.statuses(afterLog)
      #expect(before != after)

      let home = try ScratchHome()
      defer { home.remove() }
      let terminal = try PseudoTerminal(
        BuiltProduct.playloop, arguments: [Repository.serviceRecovery], environment: home.environment,
        columns: 160, rows: 50)
      try terminal.expect("Loaded \"Service recovery loop\"", within: 10)
      try atPrompt(terminal)

      // Typing the rule: the change per offer, including the offers it took customers from.
      try type(Self.rule, terminal)
      try terminal.expect("added rule big_thanks\n")
      let thanks = Self.change(Self.sends(before, offer: "THANKS10"), Self.sends(after, offer: "THANKS10"))
      try terminal.expect("THANKS10  \(thanks)")
      let sorry = Self.change(Self.sends(before, offer: "SORRY25"), Self.sends(after, offer: "SORRY25"))
      #expect(sorry != "send 0 → 0 (0)" && !sorry.hasSuffix("(0)"))
      try terminal.expect("SORRY25   \(sorry)")
      try terminal.expect(" lose one\n")
      try atPrompt(terminal)

      // `:diff --out`: exactly the (customer, offer) pairs whose status differs between the runs.
      let out = folder.path("diff.csv")
      terminal.send(":diff --out \(out)\r")
      let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
      try terminal.expect("wrote \(changed.count) changes to \(out)")
      try atPrompt(terminal)
      let rows = CSVRows.parse(try String(contentsOfFile: out, encoding: .utf8))
      #expect(rows.first?.prefix(4) == ["customer_id", "offer", "old_status", "new_status"])
      let listed = rows.dropFirst().map { "\($0[0]) \($0[1]) \($0[2]) \($0[3])" }
      #expect(
        Set(listed) == Set(changed.map { "\($0) \(before[$0] ?? "") \(after[$0] ?? "")" }))
      #expect(listed.count == changed.count)

      // `:undo` gives back exactly the decisions of the playbook before the edit, `:redo` those after.
      terminal.send(":undo\r")
      try terminal.expect("undone: added rule big_thanks\n")
      try terminal.expect(
        "THANKS10  \(Self.change(Self.sends(after, offer: "THANKS10"), Self.sends(before, offer: "THANKS10")))")
      try atPrompt(terminal)
      #expect(try exportedDecisions(terminal, into: folder.path("undone")) == beforeLog)
      terminal.send(":redo\r")
      try terminal.expect("redone: added rule big_thanks\n")
      try atPrompt(terminal)
      #expect(try exportedDecisions(terminal, into: folder.path("redone")) == afterLog)

      // A new edit after :undo leaves nothing to redo; retyping a rule as it is changes nothing.
      terminal.send(":undo\r")
      try terminal.expect("undone: added rule big_thanks\n")
      try atPrompt(terminal)
      terminal.send(":drop evangelist\r")
      try terminal.expect("dropped rule evangelist\n")
      try terminal.expect("REFER20  send ")
      try atPrompt(terminal)
      terminal.send(":redo\r")
      try terminal.expect("error: nothing to redo\n")
      try atPrompt(terminal)
      try type(
        [
          "rule quick_fix_thanks priority 5", "  when complaint resolved within 4h and complaint.csat >= 4",
          "  send THANKS10 via email after 1d",
        ], terminal)
      try terminal.expect("replaced rule quick_fix_thanks\n")
      try terminal.expect("no change in decisions\n")
      try atPrompt(terminal)
      terminal.send(":quit\r")
      try terminal.expect("unsaved changes")
      try atPrompt(terminal)
      terminal.send(":quit\r")
      #expect(terminal.waitForExit() == 0)
    }
  }

  @Test func diffAgainstAnotherPlaybookCountsWhatItsRunDecides() throws {
    try ScratchFolder.with("impact-file") { folder in
      let original = try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      let other = original.replacingOccurrences(
        of: "resolved within 4h and complaint.csat >= 4", with: "resolved within 48h")
      let before = Self.statuses(try Self.decisionsOfRun(other, in: folder, name: "other"))
      let now = Self.statuses(try Self.decisionsOfRun(original, in: folder, name: "now"))
      let otherFile = folder.path("other.playbook")
      let script = ":diff \(otherFile) --out \(folder.path("d.csv"))\n"
      let run = try ChildProcess.playloopScript(script, arguments: [Repository.serviceRecovery])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(
        run.stdout.contains(
          "THANKS10  \(Self.change(Self.sends(before, offer: "THANKS10"), Self.sends(now, offer: "THANKS10")))"))
      let changed = Set(before.keys).union(now.keys).filter { before[$0] != now[$0] }
      #expect(changed.count > 1)
      #expect(run.stdout.contains("wrote \(changed.count) changes to"))
      let rows = CSVRows.parse(try String(contentsOfFile: folder.path("d.csv"), encoding: .utf8))
      #expect(Set(rows.dropFirst().map { "\($0[0]) \($0[1])" }) == changed)
    }
  }
}

extension ShellImpactEndToEndTests {
  @Test func diffAgainstTheLedgersLastRunComparesItsSends() throws {
    try ScratchFolder.with("impact-ledger") { folder in
      let original = try String(contentsOfFile: Repository.serviceRecovery, encoding: .utf8)
      let ledgered = original + "\nledger \"\(folder.path("sends.ledger"))\"\n"
      // The nightly run records its sends; the playbook with the new rule is run apart, without the ledger.
      let sent = Self.statuses(try Self.decisionsOfRun(ledgered, in: folder, name: "night")).filter {
        $0.value == "send"
      }
      let now = Self.statuses(
        try Self.decisionsOfRun(original + "\n" + Self.rule.joined(separator: "\n") + "\n", in: folder, name: "now"))
      let script = Self.rule.joined(separator: "\n") + "\n\n:diff last-run --out \(folder.path("d.csv"))\n"
      let run = try ChildProcess.playloopScript(script, arguments: [folder.path("night.playbook")])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("now compared with the ledger's last run 1-20261101T000000Z"))
      let changed = Set(sent.keys).union(now.keys).filter { (sent[$0] == "send") != (now[$0] == "send") }
      #expect(changed.count > 1)
      #expect(run.stdout.contains("wrote \(changed.count) changes to"))
      let rows = CSVRows.parse(try String(contentsOfFile: folder.path("d.csv"), encoding: .utf8))
      #expect(Set(rows.dropFirst().map { "\($0[0]) \($0[1])" }) == changed)
    }
  }
}

/// A small RFC 4180 reader for the tests' CSV files (quoted fields may hold commas).
enum CSVRows {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let next = chars.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" || c == "\r\n" || c == "\r" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
