import Foundation
import PlaybookLanguage
import Testing

@testable import PlaybookShell

@Suite struct CommandParserTests {
  @Test(arguments: [
    (":help", ShellCommand.help(nil)),
    (":help load", .help("load")),
    (":help :as-of", .help("as-of")),
    (":load Playbooks/x.playbook", .load("Playbooks/x.playbook")),
    (#":save "my file.playbook""#, .save("my file.playbook")),
    (":rules", .rules),
    ("  :show vip  ", .show("vip")),
    (":drop THANKS10", .drop("THANKS10")),
    (":run", .run),
    (":explain C-0042", .explain(customer: "C-0042", rule: nil)),
    (":explain C-0042 quick_fix_thanks", .explain(customer: "C-0042", rule: "quick_fix_thanks")),
    (":customer C-1", .customer("C-1")),
    (":sample 5", .sample(count: 5, of: nil)),
    (":sample 5 vip", .sample(count: 5, of: "vip")),
    (":as-of 2026-11-01T09:00:00Z", .asOf("2026-11-01T09:00:00Z")),
    (":export", .export(directory: nil, format: nil)),
    (":export out", .export(directory: "out", format: nil)),
    (":export jsonl", .export(directory: nil, format: .jsonl)),
    (":export out csv", .export(directory: "out", format: .csv)),
    (":export --preview", .export(directory: nil, format: nil, preview: true)),
    (":export --preview out jsonl", .export(directory: "out", format: .jsonl, preview: true)),
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
    (":explain", "missing argument\nusage: :explain CUSTOMER [RULE]"),
    (
      ":sample many",
      "expected a positive number of customers, got 'many'\nusage: :sample N [RULE|SEGMENT|OFFER]"
    ),
    (
      ":sample 0",
      "expected a positive number of customers, got '0'\nusage: :sample N [RULE|SEGMENT|OFFER]"
    ),
    (":export out xml", "expected csv or jsonl, got 'xml'\nusage: :export [--preview] [DIR] [FORMAT]"),
    (":help lod", "no command named 'lod'; did you mean 'load'?"),
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
      "test": "", "describe": "", "quit": "", "diff": "", "undo": "", "redo": "",
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
        "usage: :explain CUSTOMER [RULE]\nShow why a customer gets"))
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
