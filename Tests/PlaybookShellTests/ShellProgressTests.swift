import Foundation
import PlayloopTestSupport
import Testing

/// The progress line at the real shell: `:load`, `:run` and a typed `load` show it once
/// work runs `PLAYLOOP_PROGRESS_AFTER_MS`, and Ctrl-C during a long load stops it and
/// leaves the session as it was.
@Suite(.serialized) struct ShellProgressTests {
  static func environment(_ home: ScratchHome) -> [String: String] {
    home.environment.merging(["PLAYLOOP_PROGRESS_AFTER_MS": "0"]) { $1 }
  }

  @Test func loadAndRunShowProgress() throws {
    let home = try ScratchHome()
    let terminal = try PseudoTerminal(BuiltProduct.playloop, environment: Self.environment(home), columns: 100)
    try terminal.atPrompt()
    terminal.send(":load \(Repository.serviceRecovery)\r")
    try terminal.expect("customers ", within: 30)
    try terminal.expect("loaded 4 tables (1,713 rows, ", within: 30)
    try terminal.expect("Loaded \"Service recovery loop\"")
    try terminal.atPrompt()
    terminal.send(":run\r")
    try terminal.expect("evaluated in 0.", within: 30)
    try terminal.expect(" · decided in ")
    try terminal.expect("THANKS10")
    try terminal.atPrompt()
    // A typed `load` statement reads the data again, with progress too.
    terminal.send("load calls from \"\(Repository.exampleData)/calls.jsonl\" link customer_id\r")
    try terminal.atPrompt(PseudoTerminal.continuationPrompt)
    terminal.send("\r")
    try terminal.expect("calls ", within: 30)
    try terminal.expect("loaded 4 tables (1,713 rows, ", within: 30)
    try terminal.atPrompt()
    terminal.send(":quit\r")
    try terminal.expect("unsaved changes")
    try terminal.atPrompt()
    terminal.send(":quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  /// A load long enough to interrupt: Ctrl-C stops it, the line says so, and the shell
  /// keeps the playbook it had and goes on.
  @Test func ctrlCStopsALongLoad() throws {
    let folder = try ScratchFolder("progress-interrupt")
    let home = try ScratchHome()
    let rows = 1_500_000
    var csv = Data("id,name,city\n".utf8)
    var block = ""
    for row in 0..<rows {
      block += "C-\(row),Customer number \(row),Somewhere in a long city name \(row % 97)\n"
      if row % 50_000 == 49_999 {
        csv.append(Data(block.utf8))
        block = ""
      }
    }
    csv.append(Data(block.utf8))
    try csv.write(to: URL(fileURLWithPath: folder.path("big.csv")))
    let big = try folder.write("load customers from \"big.csv\"\n", to: "big.playbook")
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: [Repository.serviceRecovery], environment: Self.environment(home),
      columns: 100)
    try terminal.expect("Loaded \"Service recovery loop\"", within: 30)
    try terminal.atPrompt()
    terminal.send(":load \(big)\r")
    try terminal.expect("customers ", within: 30)
    Thread.sleep(forTimeInterval: 0.3)
    terminal.send("\u{3}")
    try terminal.expect("stopped after ", within: 60)
    try terminal.expect("error: loading stopped by Ctrl-C; the session keeps what it had")
    try terminal.atPrompt()
    // The flagship is still the session's playbook.
    terminal.send(":rules\r")
    try terminal.expect("quick_fix_thanks", within: 30)
    try terminal.atPrompt()
    terminal.send(":quit\r")
    #expect(terminal.waitForExit() == 0)
  }
}
