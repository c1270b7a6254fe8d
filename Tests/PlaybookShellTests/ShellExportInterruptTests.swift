import Foundation
import PlayloopTestSupport
import Testing

/// Ctrl-C during a long `:export` at the real shell: the export stops before anything is
/// put in place, leaving neither the folder nor a half-written staging copy.
@Suite(.serialized) struct ShellExportInterruptTests {
  @Test func ctrlCStopsALongExportAndLeavesNoFolder() throws {
    let folder = try ScratchFolder("export-interrupt")
    let home = try ScratchHome()
    try Fixtures.generateData(["--customers", "20000", "--seed", "3"], into: folder.path("data"))
    let playbook = try folder.write(Fixtures.serviceRecovery(loadingFrom: folder.path("data")), to: "p.playbook")
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: [playbook], environment: home.environment, columns: 160, rows: 50)
    try terminal.expect("20,000 customers", within: 120)
    try terminal.expect("playloop> ", within: 30)
    try terminal.waitForRawMode()
    let out = folder.path("out")
    terminal.send(":export \(out)\r")
    try terminal.expect(":export \(out)\n")
    Thread.sleep(forTimeInterval: 0.3)
    terminal.send("\u{3}")
    try terminal.expect("error: export stopped by Ctrl-C: nothing was exported or recorded\n", within: 120)
    try terminal.expect("playloop> ", within: 30)
    try terminal.waitForRawMode()
    #expect(!FileManager.default.fileExists(atPath: out))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["data", "p.playbook"], "a staging folder was left behind")
    terminal.send(":quit\r")
    #expect(terminal.waitForExit() == 0)
  }
}
