import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlayloopTestSupport

@testable import PlaybookLedger

/// A scratch folder holding a small playbook, its data, an export folder `out` and a
/// ledger `ledger.sqlite`, with helpers to run it and read back what it left.
struct LedgerFixture {
  let folder: String
  var playbookPath: String { folder + "/ledger.playbook" }
  var ledgerPath: String { folder + "/ledger.sqlite" }
  var exportPath: String { folder + "/out" }

  static let customers = """
    id,email,email_opt_in
    C-1,c1@example.com,true
    C-2,c2@example.com,true
    C-3,,true

    """

  /// T-3 opens after the day-1 clock, so only later runs see it.
  static let tickets = """
    id,customer_id,kind,opened_at
    T-1,C-1,complaint,2026-10-30T00:00:00Z
    T-2,C-2,complaint,2026-10-31T12:00:00Z
    T-3,C-1,complaint,2026-11-01T12:00:00Z
    T-4,C-3,complaint,2026-10-31T00:00:00Z

    """

  /// A trigger rule (`apology`, per ticket) and a customer-only rule (`greet`).
  static func playbook(name: String = "Ledger test", limit: String = "") -> String {
    """
    playbook "\(name)"
    window 30d
    load customers from "customers.csv"
    load tickets from "tickets.csv" link customer_id
    channel email address customer.email requires customer.email_opt_in
    offer SORRY "sorry" valid 14d
    offer HELLO "hello" valid 7d

    rule apology
      when ticket.kind == "complaint"
      send SORRY via email

    rule greet
      when customer.email_opt_in == true
      send HELLO via email

    \(limit)
    export to "out" as csv

    """
  }

  static func day(_ n: Int) -> Int64 {
    Timestamp.parse("2026-11-01T00:00:00Z")!.seconds + Int64(n - 1) * 86_400
  }

  /// A fresh fixture, removed when `body` returns.
  static func with(
    playbook: String = LedgerFixture.playbook(), tickets: String = LedgerFixture.tickets,
    _ body: (LedgerFixture) throws -> Void
  ) throws {
    try ScratchFolder.with("ledger") { folder in
      let fixture = LedgerFixture(folder: folder.path)
      try fixture.write("customers.csv", customers)
      try fixture.write("tickets.csv", tickets)
      try fixture.write("ledger.playbook", playbook)
      try body(fixture)
    }
  }

  func write(_ name: String, _ text: String) throws {
    try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
  }

  func workspace() throws -> Workspace {
    try Workspace.open(path: playbookPath)
  }

  /// One ledgered run at `clock`, stopping with a thrown "crash" at `crashAt`.
  @discardableResult
  func run(_ clock: Int64, crashAt: LedgerPhase? = nil) throws -> LedgeredExport.Outcome {
    try LedgeredExport.run(
      workspace: try workspace(), clock: clock,
      target: ExportTarget(directory: exportPath, format: .csv), ledgerPath: ledgerPath,
      hook: { phase throws(Diagnostic) in
        if phase == crashAt {
          throw Diagnostic(.ledgerFailed("simulated crash at \(phase)"), file: nil)
        }
      })
  }

  /// The export folder's files; `summary.json` without its `timings_ms` (the one part
  /// that differs between runs over the same inputs) and with this fixture's folder
  /// written `<folder>`, so two fixtures compare.
  func export() throws -> [String: String] {
    try Fixtures.exportFiles(in: exportPath).mapValues { $0.replacingOccurrences(of: folder, with: "<folder>") }
  }

  /// Every run (without paths and fingerprints) and every committed send.
  func ledger() throws -> [String] {
    guard let ledger = try SendLedger.openForReading(path: ledgerPath) else { return [] }
    return try ledger.runs().map { "\($0.runID) \($0.state) \($0.sendCount)" }
      + ledger.sends().map {
        "\($0.runID) \($0.rule) \($0.offer) \($0.customerID) \($0.triggerID ?? "-") \($0.channel) \($0.sendAt)"
      }
  }

  /// `customer rule trigger` for each line of an audience file.
  func audience(_ offer: String) throws -> [String] {
    try String(contentsOfFile: "\(exportPath)/\(offer).csv", encoding: .utf8)
      .split(whereSeparator: \.isNewline).dropFirst().map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        return "\(cells[0]) \(cells[6]) \(cells[7].isEmpty ? "-" : cells[7])"
      }
  }

  /// The status column of the decisions log, by `customer rule trigger`.
  func statuses() throws -> [String: String] {
    let lines = try String(contentsOfFile: exportPath + "/decisions.csv", encoding: .utf8).split(
      whereSeparator: \.isNewline)
    let header = lines[0].split(separator: ",").map(String.init)
    let status = header.firstIndex(of: "status")!
    return Dictionary(
      uniqueKeysWithValues: lines.dropFirst().map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return ("\(cells[0]) \(cells[1]) \(cells[3].isEmpty ? "-" : cells[3])", cells[status])
      })
  }
}
