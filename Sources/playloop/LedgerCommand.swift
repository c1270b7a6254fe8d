import ArgumentParser
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

/// `playloop ledger FILE`: list what a send ledger records as sent.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger", abstract: "List the sends a ledger records (what `run --ledger` exported).")

  @Argument(help: "The ledger file.") var file: String
  @Option(help: "Only sends whose send_at is at or after this ISO 8601 time, or `now` (what is still to be sent).")
  var since: String?
  @Option(help: "Only sends to this customer id.") var customer: String?
  @OptionGroup var output: OutputOption

  func run() throws {
    let json = output.isJSON
    let sinceSeconds = try since.map { text in
      if text == "now" { return Terminal.now() }
      guard let parsed = Timestamp.parse(text) else {
        throw ValidationError("--since: '\(text)' is not `now` or an ISO 8601 time such as 2026-11-01T00:00:00Z")
      }
      return parsed.seconds
    }
    do throws(Diagnostic) {
      guard let ledger = try SendLedger.openForReading(path: file) else {
        throw Diagnostic(.ledgerMissing(file), file: file)
      }
      let runs = try ledger.runs()
      let sends = try ledger.sends(since: sinceSeconds, customerID: customer)
      if json { return Terminal.printJSON(Self.json(ledger, runs, sends), diagnostics: []) }
      print(Self.text(ledger, runs, sends), terminator: "")
    } catch {
      throw CommandFailure([error], json: json)
    }
  }

  /// A header line, a table of the sends, and a note on runs still pending.
  static func text(_ ledger: SendLedger, _ runs: [LedgerRun], _ sends: [LedgerSend]) -> String {
    let committed = runs.filter { $0.state == .committed }
    let total = committed.reduce(0) { $0 + $1.sendCount }
    var lines = [
      "\(ledger.path): ledger of \"\(ledger.playbook)\", \(committed.count) run\(committed.count == 1 ? "" : "s"), "
        + "\(total) send\(total == 1 ? "" : "s")" + (sends.count == total ? "" : " (\(sends.count) shown)")
    ]
    if !sends.isEmpty {
      let table = TextTable(
        headers: ["run", "rule", "offer", "customer", "trigger", "channel", "send_at"],
        rows: sends.map {
          [$0.runID, $0.rule, $0.offer, $0.customerID, $0.triggerID ?? "-", $0.channel, Timestamp.format($0.sendAt)]
        })
      lines.append(table.render())
    }
    for run in runs where run.state == .pending {
      lines.append("run \(run.runID) is pending (interrupted); the next `playloop run` with this ledger settles it.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"ledger", "playbook", "runs": [...], "sends": [...]}`, keys in a fixed order.
  static func json(_ ledger: SendLedger, _ runs: [LedgerRun], _ sends: [LedgerSend]) -> JSONValue {
    .object([
      JSONMember("ledger", .string(ledger.path)),
      JSONMember("playbook", .string(ledger.playbook)),
      JSONMember(
        "runs",
        .array(
          runs.map {
            .object([
              JSONMember("run_id", .string($0.runID)),
              JSONMember("clock", .string(Timestamp.format($0.clock))),
              JSONMember("state", .string($0.state.rawValue)),
              JSONMember("sends", .integer(Int64($0.sendCount))),
              JSONMember("export_directory", .string($0.exportDirectory)),
            ])
          })),
      JSONMember(
        "sends",
        .array(
          sends.map {
            .object([
              JSONMember("run_id", .string($0.runID)),
              JSONMember("clock", .string(Timestamp.format($0.clock))),
              JSONMember("rule", .string($0.rule)),
              JSONMember("offer", .string($0.offer)),
              JSONMember("customer_id", .string($0.customerID)),
              JSONMember("trigger_id", $0.triggerID.map(JSONValue.string) ?? .null),
              JSONMember("channel", .string($0.channel)),
              JSONMember("send_at", .string(Timestamp.format($0.sendAt))),
              JSONMember("expires_at", .string(Timestamp.format($0.expiresAt))),
            ])
          })),
    ])
  }
}
