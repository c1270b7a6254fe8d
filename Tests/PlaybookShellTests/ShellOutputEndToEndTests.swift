import Foundation
import PlayloopTestSupport
import Testing

/// The real binary with the flagship playbook on a pseudo-terminal: how results print
/// (`:mode`, `:x`), the pager, a narrow terminal, `:decisions`, `:sample` and `:run`'s bars.
@Suite(.serialized) struct ShellOutputEndToEndTests {
  static let prompt = "playloop> "

  func start(
    _ home: ScratchHome, columns: UInt16 = 160, rows: UInt16 = 50, environment: [String: String] = [:]
  ) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: [Repository.serviceRecovery],
      environment: home.environment.merging(environment) { $1 }, columns: columns, rows: rows)
    try terminal.expect("Clock 2026-11-01T00:00:00Z.", within: 10)
    try atPrompt(terminal)
    return terminal
  }

  func atPrompt(_ terminal: PseudoTerminal) throws {
    try terminal.expect(Self.prompt)
    try terminal.waitForRawMode()
  }

  /// Types `command` and returns what it printed, up to the next prompt.
  func type(_ terminal: PseudoTerminal, _ command: String) throws -> String {
    terminal.send(command + "\r")
    let shown = try terminal.expect(Self.prompt)
    try terminal.waitForRawMode()
    return String(shown.dropLast(Self.prompt.count))
  }

  func leave(_ terminal: PseudoTerminal) {
    terminal.send("\u{4}")
    #expect(terminal.waitForExit() == 0)
  }

  static let unreachableHeader = "customer,rule,offer,status,channel,send_at,reason\n"
  static let firstUnreachable =
    "C-0004,slow_fix_apology,SORRY25,unreachable,,2026-11-01T00:00:00Z,"
    + "\"no reachable channel: email has no consent, sms has no consent\"\n"

  @Test func modeChangesHowTablesPrintAndXShowsRecords() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    #expect(try type(terminal, ":mode").hasSuffix("mode table\n"))
    #expect(try type(terminal, ":mode csv").hasSuffix("mode csv\n"))
    let csv = try type(terminal, ":decisions SORRY25 unreachable")
    #expect(csv.contains(Self.unreachableHeader + Self.firstUnreachable))
    // Messages still print as messages.
    #expect(try type(terminal, ":decisions limit 1").contains("\n1 of 69 decisions; :decisions limit 69 shows all"))
    _ = try type(terminal, ":mode json")
    let json = try type(terminal, ":decisions SORRY25 unreachable limit 2")
    #expect(
      json.contains(#"[{"customer":"C-0004","rule":"slow_fix_apology","offer":"SORRY25","status":"unreachable","#))
    #expect(json.contains(#""reason":"no reachable channel: email has no consent, sms has no consent"},"# + "\n{"))
    _ = try type(terminal, ":mode markdown")
    let markdown = try type(terminal, ":rules")
    #expect(
      markdown.contains("| rule             | priority | trigger   | offers   |\n| ---------------- | -------: |"))
    _ = try type(terminal, ":mode line")
    #expect(
      try type(terminal, ":decisions unreachable SORRY25 limit 1").contains(
        "customer = C-0004\n    rule = slow_fix_apology\n"))
    _ = try type(terminal, ":mode table")
    #expect(try type(terminal, ":x").hasSuffix("expanded display is on\n"))
    let expanded = try type(terminal, ":decisions SORRY25 unreachable limit 2")
    #expect(expanded.contains("-[ RECORD 1 ]----"))
    #expect(
      expanded.contains("customer | C-0004\nrule     | slow_fix_apology\noffer    | SORRY25\nstatus   | unreachable\n"))
    #expect(expanded.contains("-[ RECORD 2 ]----"))
    #expect(try type(terminal, ":x").hasSuffix("expanded display is off\n"))
    #expect(try type(terminal, ":mode jsn").contains("unknown mode 'jsn'; did you mean 'json'?"))
    leave(terminal)
  }

  /// A pager that marks what it was given.
  func markingPager(_ folder: ScratchFolder) throws -> String {
    let path = folder.path("pager.sh")
    try "#!/bin/sh\necho '<<pager>>'\ncat\necho '<<end pager>>'\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    return path
  }

  @Test func outputTallerThanTheTerminalGoesThroughThePagerUnlessItIsOff() throws {
    let home = try ScratchHome()
    let folder = try ScratchFolder("pager")
    let terminal = try start(home, rows: 12, environment: ["PAGER": try markingPager(folder)])
    let tall = try type(terminal, ":decisions")
    #expect(tall.contains("<<pager>>\ncustomer  rule"))
    #expect(
      tall.contains(
        "20 of 69 decisions; :decisions limit 69 shows all\n<<end pager>>\n"))
    let short = try type(terminal, ":rules")
    #expect(short.contains("cancel_risk"))
    #expect(!short.contains("<<pager>>"))
    #expect(try type(terminal, ":pager off").hasSuffix("pager is off\n"))
    let unpaged = try type(terminal, ":decisions")
    #expect(unpaged.contains("customer  rule"))
    #expect(!unpaged.contains("<<pager>>"))
    #expect(try type(terminal, ":pager on").hasSuffix("pager is on\n"))
    #expect(try type(terminal, ":decisions").contains("<<pager>>"))
    leave(terminal)
  }

  @Test func anEmptyPagerVariableTurnsPagingOff() throws {
    let home = try ScratchHome()
    let folder = try ScratchFolder("pager")
    let terminal = try start(
      home, rows: 12, environment: ["PAGER": try markingPager(folder), "PLAYLOOP_PAGER": ""])
    let tall = try type(terminal, ":decisions")
    #expect(tall.contains("customer  rule"))
    #expect(!tall.contains("<<pager>>"))
    leave(terminal)
  }

  @Test func aScriptNeverPages() throws {
    let home = try ScratchHome()
    let folder = try ScratchFolder("pager")
    let result = try ChildProcess.run(
      BuiltProduct.playloop, [Repository.serviceRecovery],
      environment: home.environment.merging(["PAGER": try markingPager(folder), "LINES": "5"]) { $1 },
      inheritingEnvironment: false, input: ":decisions\n")
    #expect(result.stdout.contains("20 of 69 decisions"))
    #expect(!result.stdout.contains("<<pager>>"))
  }

  @Test func aSixtyColumnTerminalKeepsIDsAndRuleNamesWhole() throws {
    let home = try ScratchHome()
    let terminal = try start(home, columns: 60)
    let lines = { (text: String) in text.split(separator: "\n").map(String.init) }
    let run = try type(terminal, ":run")
    #expect(lines(run).allSatisfy { $0.count <= 60 })
    #expect(run.contains("\nquick_fix_thanks "))
    #expect(run.contains("\nslow_fix_apology "))
    let decisions = try type(terminal, ":decisions SORRY25 unreachable")
    #expect(lines(decisions).allSatisfy { $0.count <= 60 })
    // The offer and status the filter fixed, and the empty channel, give way to the reason.
    #expect(decisions.contains("\ncustomer  rule              send_at             reason\n"), "\(decisions)")
    #expect(decisions.contains("\nC-0004    slow_fix_apology  2026-11-01T00:00:…  no reachabl…"), "\(decisions)")
    let explained = try type(terminal, ":explain C-0042 quick_fix_thanks")
    #expect(lines(explained).allSatisfy { $0.count <= 60 })
    // Wrapped at a word, the rest indented under the line it continues.
    #expect(explained.contains("  complaint T-0135, opened 21 Jul 07:25:03, responded 21\n    Jul 08:07:42"))
    leave(terminal)
  }

  @Test func lineBreaksInDataShowOnOneLine() throws {
    let home = try ScratchHome()
    let terminal = try PseudoTerminal(
      BuiltProduct.playloop, arguments: [Repository.path("Examples/messy/service-recovery.playbook")],
      environment: home.environment, columns: 400, rows: 50)
    try atPrompt(terminal)
    let customer = try type(terminal, ":customer C-0108")
    #expect(customer.contains("Agent: I'm sorry about that.⏎Customer: \"It's the third time this year.\""))
    leave(terminal)
  }

  @Test func decisionsFilterInEitherOrderAndSuggestForATypo() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    let unreachable = try type(terminal, ":decisions SORRY25 unreachable")
    #expect(
      unreachable.contains("customer  rule              offer    status       channel  send_at               reason\n"))
    #expect(
      unreachable.contains(
        "C-0004    slow_fix_apology  SORRY25  unreachable           2026-11-01T00:00:00Z  "
          + "no reachable channel: email has no consent, sms has no consent\n"))
    #expect(unreachable.components(separatedBy: " unreachable ").count - 1 == 5)
    #expect(
      try type(terminal, ":decisions unreachable SORRY25")
        == unreachable.replacingOccurrences(
          of: ":decisions SORRY25 unreachable", with: ":decisions unreachable SORRY25"))
    #expect(
      try type(terminal, ":decisions SORY25").contains("no offer or status named 'SORY25'; did you mean 'SORRY25'?"))
    #expect(try type(terminal, ":decisions THANKS10 unreachabel").contains("did you mean 'unreachable'?"))
    let limited = try type(terminal, ":decisions send limit 3")
    #expect(limited.contains("\n3 of 44 send decisions; :decisions send limit 44 shows all"))
    leave(terminal)
  }

  @Test func sampleIsSeededAndNotTheLowestIDs() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    let ids = { (text: String) in
      text.split(separator: "\n").compactMap { $0.hasPrefix("C-") ? String($0.prefix(6)) : nil }
    }
    let first = try type(terminal, ":sample 5")
    #expect(first.contains("5 of 200 customers, seed 1; :sample 5 seed 2 picks others"))
    #expect(Set(ids(first)).count == 5)
    #expect(ids(first) != ["C-0001", "C-0002", "C-0003", "C-0004", "C-0005"])
    let again = try type(terminal, ":sample 5")
    #expect(ids(again) == ids(first))
    let seven = try type(terminal, ":sample 5 seed 7")
    #expect(ids(seven) != ids(first))
    #expect(ids(try type(terminal, ":sample 5 seed 7")) == ids(seven))
    let offer = try type(terminal, ":sample 3 STAY15")
    #expect(offer.contains("3 of 13 decisions of offer STAY15, seed 1"))
    #expect(offer.contains(" cancel_risk  STAY15  send  "))
    leave(terminal)
  }

  @Test func runShowsABarPerOfferInColour() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    let run = try type(terminal, ":run")
    // THANKS10: 7 send, 1 holdout, 2 capped, 12 unreachable of 22, in 30 cells.
    #expect(
      run.contains(
        "\nTHANKS10  " + String(repeating: "█", count: 10) + "▓" + "▒▒▒" + String(repeating: "░", count: 16) + "\n"))
    #expect(run.contains("█ send  ▓ holdout  ▒ capped  ░ unreachable\n"))
    leave(terminal)
    let plain = try start(home, environment: ["NO_COLOR": "1"])
    let uncoloured = try type(plain, ":run")
    #expect(uncoloured.contains("STAY15"))
    #expect(!uncoloured.contains("█"))
    leave(plain)
  }

  /// Decisions whose message cannot be filled in get their own part of the bar and of
  /// the legend, only when there are some.
  @Test func runBarShowsUnrenderedWhenThereAreSome() throws {
    let home = try ScratchHome()
    let terminal = try start(home)
    #expect(!(try type(terminal, ":run")).contains("unrendered"))
    _ = try type(terminal, "offer THANKS10 \"10% off your next order\" valid 30d")
    let replaced = try type(terminal, "  message email \"{% abort %}Thanks\"")
    #expect(replaced.contains("replaced offer THANKS10"))
    let run = try type(terminal, ":run")
    #expect(run.contains("█ send  ▓ holdout  ▒ capped  ░ unreachable  × unrendered\n"))
    let bar = try #require(run.split(separator: "\n").first { $0.hasPrefix("THANKS10  ") && $0.contains("×") })
    #expect(!bar.contains("█"), "every THANKS10 email is unrendered: \(bar)")
    terminal.send("\u{4}")
    try terminal.expect("unsaved changes; press Ctrl-D again to leave")
    leave(terminal)
  }
}
