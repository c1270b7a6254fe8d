import PlaybookLanguage
import Testing

@testable import PlaybookShell

@Suite struct CompleterTests {
  static let vocabulary = ShellVocabulary(
    rules: ["quick_fix_thanks", "slow_fix_apology", "evangelist"],
    segments: ["vip", "vocal"],
    offers: ["THANKS10", "SORRY25", "STAY15"],
    channels: ["email", "sms"],
    definitions: ["complaint"],
    rowFields: [
      "customer": ["id", "email", "tier", "lifetime_value"],
      "ticket": ["id", "kind", "csat", "opened_at"],
      "complaint": ["id", "kind", "csat", "opened_at"],
    ],
    customerIDs: ["C-1001", "C-1002", "C-2001"], tables: ["customers", "tickets", "calls"])

  static let files: [String: [String]] = [
    ".": ["Examples/", "Playbooks/", "notes.txt", ".hidden"],
    "Playbooks/": ["service-recovery.playbook", "spring.playbook"],
    "Examples/": ["data/"],
    "Examples/data/": ["customers.csv", "calls.jsonl"],
  ]

  let completer = Completer(vocabulary: vocabulary, listDirectory: { files[$0] ?? [] })

  /// Completes `marked` at the `⏐` marker.
  func complete(_ marked: String, continuing: Bool = false) -> Completion {
    let parts = marked.split(separator: "⏐", omittingEmptySubsequences: false)
    let cursor = parts[0].utf8.count
    return completer.complete(parts.joined(), cursor: cursor, continuing: continuing)
  }

  @Test func commandNames() {
    let help = complete(":he⏐")
    #expect(help.candidates == [":help"])
    #expect(help.insertion == "lp ")
    #expect(complete(":⏐").candidates.count == CommandCatalog.commands.count)
    #expect(complete(":s⏐").candidates == [":sample", ":save", ":show"])
    #expect(complete(":s⏐").insertion == "")
  }

  @Test func helpTopics() {
    #expect(complete(":help ex⏐").candidates == ["explain", "export", "expressions"])
    #expect(complete(":help hol⏐").insertion == "dout ")
    #expect(complete(":help exp⏐").insertion == "")
    #expect(complete(":help expl⏐").insertion == "ain ")
  }

  @Test func customerIDsAfterExplainAndCustomer() {
    #expect(complete(":explain C-1⏐").candidates == ["C-1001", "C-1002"])
    #expect(complete(":explain C-1⏐").insertion == "00")
    #expect(complete(":customer C-2⏐").insertion == "001 ")
  }

  @Test func ruleAfterExplainCustomer() {
    #expect(complete(":explain C-1001 q⏐").candidates == ["quick_fix_thanks"])
    #expect(
      complete(":explain C-1001 ⏐").candidates == [
        "evangelist", "quick_fix_thanks", "slow_fix_apology",
      ])
    #expect(complete(":explain C-1001 evangelist ⏐").candidates == [])
  }

  @Test func namesForShowAndSample() {
    #expect(complete(":show v⏐").candidates == ["vip", "vocal"])
    #expect(complete(":show em⏐").candidates == ["email"])
    #expect(complete(":sample 5 S⏐").candidates == ["SORRY25", "STAY15"])
    #expect(complete(":sample 5⏐").candidates == [])
    #expect(complete(":mode c⏐").candidates == ["csv"])
    #expect(complete(":x a⏐").candidates == ["auto"])
    #expect(complete(":decisions SORRY25 un⏐").candidates == ["unreachable", "unrendered"])
  }

  @Test func tablesForDescribe() {
    #expect(complete(":describe ⏐").candidates == ["calls", "customers", "tickets"])
    #expect(complete(":describe c⏐").candidates == ["calls", "customers"])
    #expect(complete(":show c⏐").candidates == ["complaint"], "tables are not shown by :show")
  }

  @Test func filesAfterLoadAndSave() {
    #expect(complete(":load ⏐").candidates == ["Examples/", "Playbooks/", "notes.txt"])
    #expect(complete(":load P⏐").insertion == "laybooks/")
    let playbooks = complete(":load Playbooks/s⏐")
    #expect(
      playbooks.candidates == ["Playbooks/service-recovery.playbook", "Playbooks/spring.playbook"])
    #expect(playbooks.listing == ["service-recovery.playbook", "spring.playbook"])
    #expect(complete(":save Playbooks/se⏐").insertion == "rvice-recovery.playbook ")
    #expect(complete(":load .⏐").candidates == [".hidden"])
  }

  @Test func quotedFileAfterLoadCommand() {
    #expect(complete(#":load "Playbooks/sp⏐"#).insertion == #"ring.playbook""#)
  }

  @Test func fileInsideLoadFromQuotes() {
    let completion = complete(#"load customers from "Examples/data/cu⏐"#)
    #expect(completion.insertion == #"stomers.csv""#)
    #expect(complete(#"load calls from "Ex⏐"#).insertion == "amples/")
  }

  @Test func stringLiteralsAreNotCompleted() {
    #expect(complete(#"offer THANKS10 "10% o⏐"#).candidates == [])
  }

  @Test func exportDirectoryOrFormat() {
    #expect(complete(":export j⏐").candidates == ["jsonl"])
    #expect(complete(":export out c⏐").candidates == ["csv", "customerio"])
    #expect(complete(":export out hu⏐").candidates == ["hubspot"])
  }

  @Test func fieldsAfterRowName() {
    #expect(complete("  when ticket.c⏐", continuing: true).candidates == ["ticket.csat"])
    #expect(complete("segment big = customer.li⏐").insertion == "fetime_value ")
    #expect(complete("when complaint.⏐").candidates.count == 4)
    #expect(complete("when nothing.⏐").candidates == [])
  }

  @Test func statementKeywordsStartALine() {
    #expect(complete("ru⏐").candidates == ["rule"])
    #expect(complete("se⏐").candidates == ["segment"])
    #expect(complete("  se⏐", continuing: true).candidates == ["segment", "send"])
    #expect(complete("wh⏐").candidates == [])
    #expect(complete("  wh⏐", continuing: true).candidates == ["when"])
  }

  /// Completion offers the grammar's words and only those: its statement words to start
  /// a line (and continuation words on a continuing line), every keyword inside an
  /// expression.
  @Test func completionOffersTheGrammarsWords() {
    let plain = Completer(vocabulary: ShellVocabulary(), listDirectory: { _ in [] })
    #expect(plain.complete("", cursor: 0).candidates == PlaybookGrammar.statementWords.sorted())
    #expect(
      plain.complete("  ", cursor: 2, continuing: true).candidates
        == (PlaybookGrammar.statementWords + PlaybookGrammar.continuationWords).sorted())
    #expect(plain.complete("segment s = ", cursor: 12).candidates == PlaybookGrammar.keywords.sorted())
  }

  @Test func offersAfterSendAndChannelsAfterVia() {
    #expect(complete("  send S⏐", continuing: true).candidates == ["SORRY25", "STAY15"])
    #expect(complete("  send SORRY25 via e⏐").insertion == "mail ")
    #expect(complete("  send SORRY25 via email, s⏐").candidates == ["sms"])
    #expect(complete("  send THANKS10 70% or S⏐").candidates == ["SORRY25", "STAY15"])
    #expect(complete("  expect customer C-1001 gets T⏐").candidates == ["THANKS10"])
    #expect(complete("  expect customer C-100⏐").candidates == ["C-1001", "C-1002"])
  }

  @Test func segmentsAfterIn() {
    #expect(complete("  when customer in v⏐").candidates == ["vip", "vocal"])
  }

  @Test func existingNamesWhenRedefining() {
    #expect(complete("rule s⏐").candidates == ["slow_fix_apology"])
    #expect(complete("offer S⏐").candidates == ["SORRY25", "STAY15"])
  }

  @Test func keywordsAndNamesInExpressions() {
    let completion = complete("  when complaint res⏐", continuing: true)
    #expect(completion.candidates == ["resolved", "responded"])
    #expect(complete("  when com⏐").candidates == ["complaint"])
    #expect(complete("  unless count(complaint in la⏐").candidates == ["last"])
  }

  @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
    #expect(complete(":he⏐ trailing").candidates == [":help"])
  }

  @Test func nonASCIIBeforeTheCursor() {
    let completion = complete("segment café = customer.ti⏐")
    #expect(completion.insertion == "er ")
  }

  @Test func listingIsLaidOutInColumns() {
    let completion = Completion(word: "", candidates: ["aa", "bbbb", "c", "dd", "e"])
    #expect(completion.formatListing(width: 18) == "aa    bbbb  c\ndd    e")
    #expect(completion.formatListing(width: 1) == "aa\nbbbb\nc\ndd\ne")
  }

  @Test func longListingsAreCut() {
    let completion = Completion(word: "C-", candidates: (1...250).map { "C-\($0)" })
    let lines = completion.formatListing(width: 80).split(separator: "\n")
    #expect(lines.last == "(and 150 more)")
    #expect(lines.dropLast().flatMap { $0.split(separator: " ") }.count == 100)
  }
}
