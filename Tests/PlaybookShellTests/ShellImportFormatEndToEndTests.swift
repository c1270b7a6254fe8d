import Foundation
import PlayloopTestSupport
import Testing

/// `:export DIR FORMAT` for a sending tool, typed on a pseudo-terminal with the flagship
/// playbook loaded: Tab completes the tool's name, and what its import cannot take is
/// shown under the export's line.
@Suite(.serialized) struct ShellImportFormatEndToEndTests {
  static let prompt = "playloop> "

  @Test func tabCompletesAToolAndTheExportSaysWhatItLeftOut() throws {
    let home = try ScratchHome()
    try ScratchFolder.with("shell-import") { folder in
      let terminal = try PseudoTerminal(
        BuiltProduct.playloop, arguments: [Repository.serviceRecovery], environment: home.environment,
        columns: 160, rows: 50)
      try terminal.expect("Loaded \"Service recovery loop\"", within: 10)
      try terminal.expect(Self.prompt)
      try terminal.waitForRawMode()
      let out = folder.path("hs")
      terminal.send(":export \(out) hubs\t")
      try terminal.expect(":export \(out) hubspot ")
      terminal.send("\r")
      try terminal.expect("to send) to \(out) as hubspot", within: 10)
      try terminal.expect("left out of the HubSpot file: HubSpot imports contacts by email address")
      try terminal.expect(Self.prompt)
      try terminal.waitForRawMode()
      let audience = try String(contentsOfFile: out + "/SORRY25.csv", encoding: .utf8)
      #expect(audience.hasPrefix("Email,Customer ID,Offer,Send At,Offer Expires\r\n"))
      terminal.send(":quit\r")
      #expect(terminal.waitForExit() == 0)
    }
  }
}
