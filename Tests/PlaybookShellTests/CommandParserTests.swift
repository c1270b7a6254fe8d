import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import Testing

@testable import PlaybookShell

@Suite struct CommandParserTests {
  @Test(arguments: [
    (":help", ShellCommand.help(nil)),
    (":help load", .help("load")),
    (":help :as-of", .help(":as-of")),
    (":help as of", .help("as of")),
    (":help when", .help("when")),
    (":q", .quit),
    (":exit", .quit),
    (":h", .help(nil)),
    (":expl C-1", .explain(customer: "C-1", rule: nil)),
    (":load Playbooks/x.playbook", .load("Playbooks/x.playbook")),
    (#":save "my file.playbook""#, .save("my file.playbook")),
    (":save", .save(nil)),
    (":save --force x.playbook", .save("x.playbook", force: true)),
    (":edit", .edit(nil)),
    (#":edit "a test""#, .edit("a test")),
    (":check", .check),
    (":rules", .rules),
    ("  :show vip  ", .show("vip")),
    (":drop THANKS10", .drop("THANKS10")),
    (":run", .run),
    (":explain C-0042", .explain(customer: "C-0042", rule: nil)),
    (":explain C-0042 quick_fix_thanks", .explain(customer: "C-0042", rule: "quick_fix_thanks")),
    (
      #":explain "Zoë Adler" with rule x when call.transcript contains " with " send A via sms"#,
      .explain(
        customer: "Zoë Adler", rule: nil, with: #"rule x when call.transcript contains " with " send A via sms"#)
    ),
    (":explain C-1 r with limit 2 per customer", .explain(customer: "C-1", rule: "r", with: "limit 2 per customer")),
    (":customer C-1", .customer("C-1")),
    (":sample 5", .sample(count: 5, of: nil)),
    (":sample 5 vip", .sample(count: 5, of: "vip")),
    (":sample 5 seed 7", .sample(count: 5, of: nil, seed: 7)),
    (":sample 5 seed 7 vip", .sample(count: 5, of: "vip", seed: 7)),
    (":mode", .mode(nil)),
    (":mode CSV", .mode(.csv)),
    (":x", .expanded(nil)),
    (":x auto", .expanded(.auto)),
    (":pager off", .pager(false)),
    (":decisions", .decisions(offer: nil, status: nil, limit: nil)),
    (":decisions SORRY25 unreachable", .decisions(offer: "SORRY25", status: .unreachable, limit: nil)),
    (":decisions unreachable SORRY25 limit 50", .decisions(offer: "SORRY25", status: .unreachable, limit: 50)),
    (":decisions limit 5 holdout", .decisions(offer: nil, status: .holdout, limit: 5)),
    (":as-of 2026-11-01T09:00:00Z", .asOf("2026-11-01T09:00:00Z")),
    (":export", .export(directory: nil, format: nil)),
    (":export out", .export(directory: "out", format: nil)),
    (":export jsonl", .export(directory: nil, format: .jsonl)),
    (":export out csv", .export(directory: "out", format: .csv)),
    (":export out braze", .export(directory: "out", format: .braze)),
    (":export mailchimp", .export(directory: nil, format: .mailchimp)),
    (":export --preview", .export(directory: nil, format: nil, preview: true)),
    (":export --preview out jsonl", .export(directory: "out", format: .jsonl, preview: true)),
    (":export --new-holdout out", .export(directory: "out", format: nil, newHoldout: true)),
    (":test", .test),
    (":describe", .describe(nil)),
    (":describe orders", .describe("orders")),
    (":quit", .quit),
    (":diff", .diff(against: nil, out: nil)),
    (":diff last-run", .diff(against: "last-run", out: nil)),
    (":diff --out d.csv other.playbook", .diff(against: "other.playbook", out: "d.csv")),
    (":undo", .undo),
    (":redo", .redo),
  ])
  func parses(line: String, command: ShellCommand) throws {
    #expect(try CommandParser.parse(line) == command)
  }

  @Test(arguments: [
    (":", "expected a command after ':'; type :help for the list"),
    (":lod x", "unknown command ':lod'; did you mean ':load'?"),
    (":frobnicate", "unknown command ':frobnicate'; type :help for the list"),
    (":load", "missing argument\nusage: :load FILE"),
    (":run now", "unexpected argument 'now'\nusage: :run"),
    (":explain", "missing argument\nusage: :explain CUSTOMER [RULE] [with STATEMENTS]"),
    (
      ":sample many",
      "expected a positive number of customers, got 'many'\nusage: :sample N [NAME] [seed S]"
    ),
    (
      ":sample 0",
      "expected a positive number of customers, got '0'\nusage: :sample N [NAME] [seed S]"
    ),
    (":sample 3 seed x", "expected a seed after 'seed', got 'x'\nusage: :sample N [NAME] [seed S]"),
    (":mode jsn", "unknown mode 'jsn'; did you mean 'json'?\nusage: :mode [MODE]"),
    (":x sometimes", "expected on, off or auto, got 'sometimes'\nusage: :x [on|off|auto]"),
    (":pager maybe", "expected on or off, got 'maybe'\nusage: :pager [on|off]"),
    (
      ":decisions limit 0",
      "expected a positive number after 'limit', got '0'\nusage: :decisions [OFFER] [STATUS]"
    ),
    (
      ":decisions THANKS10 unreachabel",
      "unknown status 'unreachabel'; did you mean 'unreachable'?\nusage: :decisions [OFFER] [STATUS]"
    ),
    (
      ":decisions SORRY25 STAY15",
      "expected one offer and one status, got 'SORRY25' and 'STAY15'\nusage: :decisions [OFFER] [STATUS]"
    ),
    (
      ":export out xml",
      "expected a format (csv, jsonl, braze, customerio, hubspot, mailchimp, iterable), got 'xml'"
        + "\nusage: :export [--preview] [--new-holdout] [DIR] [FORMAT]"
    ),
    (
      ":export out brze",
      "expected a format (csv, jsonl, braze, customerio, hubspot, mailchimp, iterable), got 'brze'; "
        + "did you mean 'braze'?\nusage: :export [--preview] [--new-holdout] [DIR] [FORMAT]"
    ),
    (":help lod", "no command or language topic 'lod'; did you mean 'load'?"),
    (":ru", "ambiguous command ':ru': it starts :rules, :run"),
    (":diff --out", "--out needs a file name\nusage: :diff [AGAINST] [--out FILE.csv]"),
    (":diff a b", "unexpected argument 'b'\nusage: :diff [AGAINST] [--out FILE.csv]"),
  ])
  func rejects(line: String, message: String) {
    #expect(throws: CommandUsageError(message)) { try CommandParser.parse(line) }
  }

  @Test func everyCatalogCommandParsesWithExampleArguments() throws {
    let examples = [
      "help": "", "load": "f", "save": "f", "rules": "", "show": "n", "drop": "n", "run": "",
      "explain": "C-1", "customer": "C-1", "sample": "3", "as-of": "now", "export": "",
      "test": "", "describe": "", "edit": "n", "check": "", "quit": "", "decisions": "", "mode": "csv", "x": "",
      "pager": "on", "diff": "", "report": "", "undo": "", "redo": "",
    ]
    #expect(Set(examples.keys) == Set(CommandCatalog.commands.map(\.name)))
    for spec in CommandCatalog.commands {
      _ = try CommandParser.parse(":\(spec.name) \(examples[spec.name] ?? "")")
    }
  }

  @Test func helpTextNamesUsageAndSummary() throws {
    let spec = try #require(CommandCatalog.spec(named: "explain"))
    #expect(
      CommandCatalog.help(for: spec).hasPrefix(
        "usage: :explain CUSTOMER [RULE] [with STATEMENTS]\nShow why a customer gets"))
    let overview = CommandCatalog.overview()
    for command in CommandCatalog.commands {
      #expect(overview.contains("\n  \(command.usage)  "))
    }
  }

  @Test func overviewWrapsSummariesUnderTheirColumn() {
    let lines = CommandCatalog.overview(width: 60).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 60 })
    let sample = lines.firstIndex { $0.hasPrefix("  :sample") }!
    let column = lines[sample].range(of: "Show")!.lowerBound.utf16Offset(in: lines[sample])
    #expect(lines[sample + 1].prefix(column).allSatisfy { $0 == " " })
    #expect(lines[sample + 1].dropFirst(column).first?.isLetter == true)
  }
}
