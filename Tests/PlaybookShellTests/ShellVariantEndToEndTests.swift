import PlayloopTestSupport
import Testing

/// An A/B split typed into the shell on a pseudo-terminal: the share error with its
/// caret, then `:run`'s table by variant and `:explain`'s variant line.
extension ShellSessionEndToEndTests {
  @Test func aSplitTypedInTheShellIsCheckedRunAndExplained() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    terminal.send("offer THANKS15 \"15% off your next order\" valid 30d\r")
    try atPrompt(terminal)
    for shares in ["70% or THANKS15 20%", "70% or THANKS15 30%"] {
      terminal.send("rule quick_fix_thanks priority 5\r")
      try atPrompt(terminal, Self.continuation)
      terminal.send("  when complaint resolved within 4h and complaint.csat >= 4\r")
      try atPrompt(terminal, Self.continuation)
      terminal.send("  send THANKS10 \(shares) via email after 1d\r")
      try atPrompt(terminal, Self.continuation)
      terminal.send("\r")
      if shares.hasSuffix("20%") {
        try terminal.expect("<shell>:3:17: error: the split's shares add up to 90%, not 100%\n")
        try terminal.expect("    |                 ^~~~~~~~~~~~~~~~~~~ give the offers shares")
      } else {
        try terminal.expect("replaced rule quick_fix_thanks\n")
      }
      try atPrompt(terminal)
    }
    terminal.send(":run\r")
    try terminal.expect("variant                           candidates  send  holdout  capped  unreachable\n")
    try terminal.expect("quick_fix_thanks A: THANKS10 70%          15     5        1       1            8\n")
    try terminal.expect("quick_fix_thanks B: THANKS15 30%           7     2        0       1            4\n")
    try atPrompt(terminal)
    // `:decisions` shows which variant each decision is, as the decisions log does.
    terminal.send(":decisions THANKS15 limit 2\r")
    try terminal.expect("customer  rule              offer     variant  status")
    try terminal.expect("quick_fix_thanks  THANKS15  B        ")
    try atPrompt(terminal)
    terminal.send(":explain C-0001\r")
    try terminal.expect("in variant A (THANKS10) of the split, as 70% of customers are")
    try atPrompt(terminal)
    try leave(terminal, unsaved: true)
  }
}
