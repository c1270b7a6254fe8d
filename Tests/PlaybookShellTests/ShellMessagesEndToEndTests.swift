import Foundation
import PlayloopTestSupport
import Testing

/// Offers' message lines typed at the shell's prompt, through a pseudo-terminal.
@Suite(.serialized) struct ShellMessagesEndToEndTests {
  /// An offer is added at Enter; a message line typed next replaces it, and `:explain`
  /// shows the message filled in for a customer.
  @Test func aMessageLineTypedUnderAnOfferReplacesIt() throws {
    let home = try ScratchHome()
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: [Repository.serviceRecovery], environment: home.environment, columns: 100)
    try terminal.atPrompt(within: 20)
    terminal.send("offer SORRY25 \"25% off, and our apologies\" valid 14d\r")
    try terminal.expect("replaced offer SORRY25")
    try terminal.atPrompt()
    terminal.send("  message email \"Sorry, {{ customer.name }}: until {{ expires_at | date: \\\"%b %-d\\\" }}\"\r")
    try terminal.expect("replaced offer SORRY25")
    try terminal.atPrompt()
    terminal.send(":explain C-0002\r")
    try terminal.expect("message: \"Sorry, José Núñez: until Nov 15\"")
    try terminal.atPrompt()
    terminal.send(":q\r")
    try terminal.expect("unsaved")
    try terminal.atPrompt()
    terminal.send(":q\r")
    #expect(terminal.waitForExit() == 0)
  }
}
