import ArgumentParser
import PlaybookEngine
import PlaybookLanguage
import PlaybookLedger
import PlaybookReporting

/// `playloop ledger FILE`: list what a send ledger records as sent. The sends are
/// streamed from the ledger to stdout, never all held: a ledger of a million sends lists
/// in linear time and constant memory.
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
      let listing = Listing(ledger: ledger, since: sinceSeconds, customerID: customer)
      let out = StandardOutput()
      defer { out.flush() }
      if json { return try listing.json(runs, to: out) }
      try listing.text(runs, to: out)
    } catch {
      throw CommandFailure([error], json: json)
    }
  }

  /// The sends a listing shows, and how it prints them.
  struct Listing {
    var ledger: SendLedger
    var since: Int64?
    var customerID: String?

    static let headers = ["run", "rule", "offer", "customer", "trigger", "channel", "send_at"]

    func eachSend(_ body: (LedgerSend) -> Void) throws(Diagnostic) {
      try ledger.forEachSend(since: since, customerID: customerID, body)
    }

    /// A header line, a table of the sends, and a note on runs still pending. The sends
    /// are read twice: to measure the table's columns, then to print its lines.
    func text(_ runs: [LedgerRun], to out: StandardOutput) throws(Diagnostic) {
      let committed = runs.filter { $0.state == .committed }
      let total = committed.reduce(0) { $0 + $1.sendCount }
      var layout = TextTable.Layout(headers: Self.headers)
      var shown = 0
      try eachSend {
        layout.measure(Self.cells($0))
        shown += 1
      }
      let header =
        "\(ledger.path): ledger of \"\(ledger.playbook)\", \(committed.count) run\(committed.count == 1 ? "" : "s"), "
        + "\(total) send\(total == 1 ? "" : "s")" + (shown == total ? "" : " (\(shown) shown)")
      out.write(header.escapingControlCharacters + "\n")
      if shown > 0 {
        out.write(layout.line(Self.headers) + "\n")
        try eachSend { out.write(layout.line(Self.cells($0)) + "\n") }
      }
      for run in runs where run.state == .pending {
        out.write("run \(run.runID) is pending (interrupted); the next `playloop run` with this ledger settles it.\n")
      }
    }

    static func cells(_ send: LedgerSend) -> [String] {
      [
        send.runID, send.rule, send.offer, send.customerID, send.triggerID ?? "-", send.channel,
        Timestamp.format(send.sendAt),
      ]
    }

    /// `{"ledger", "playbook", "runs": [...], "sends": [...], "diagnostics": []}`, keys in
    /// a fixed order, the sends written as they are read.
    func json(_ runs: [LedgerRun], to out: StandardOutput) throws(Diagnostic) {
      var document = JSONObjectWriter(out.write)
      document.member("ledger", .string(ledger.path))
      document.member("playbook", .string(ledger.playbook))
      document.member(
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
          }))
      try document.array("sends") { (element) throws(Diagnostic) in
        try eachSend { element(Self.json($0)) }
      }
      document.member("diagnostics", .array([]))
      document.end()
    }

    static func json(_ send: LedgerSend) -> JSONValue {
      .object([
        JSONMember("run_id", .string(send.runID)),
        JSONMember("clock", .string(Timestamp.format(send.clock))),
        JSONMember("rule", .string(send.rule)),
        JSONMember("offer", .string(send.offer)),
        JSONMember("customer_id", .string(send.customerID)),
        JSONMember("trigger_id", send.triggerID.map(JSONValue.string) ?? .null),
        JSONMember("channel", .string(send.channel)),
        JSONMember("send_at", .string(Timestamp.format(send.sendAt))),
        JSONMember("expires_at", .string(Timestamp.format(send.expiresAt))),
      ])
    }
  }
}
