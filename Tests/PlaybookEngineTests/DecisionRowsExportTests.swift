import Foundation
import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A run that only exports writes its decisions from the decider's outcomes, reading ids
/// and addresses in place (`DecisionRows`), never spelling them out: every file must be
/// the bytes the spelled-out decisions give, whatever the ids, nulls, addresses, order of
/// customers and splits.
@Suite struct DecisionRowsExportTests {
  /// `DecisionSpellerTests`' ids and addresses of every kind (and several offers for one
  /// customer), with a holdout.
  static let everyKind = DecisionSpellerTests.playbook + "holdout 20%\n"

  /// An A/B split beside a plain rule, and a `limit` that caps.
  static let split =
    EngineFixture.header + """
      offer C "Offer C" valid 10d
      rule fixed
        when ticket resolved
        send A 60% or B 40% via email, sms
      rule gold priority 5
        when customer.tier == "gold"
        send C via email
      limit 1 per customer per 7d

      """

  /// The files, the customers in id order or in reverse (so the export sorts them itself).
  static func files(reversed: Bool) -> [String: String] {
    var files = DecisionSpellerTests.files
    let lines = EngineFixture.customers.split(separator: "\n").map(String.init)
    let rows = reversed ? Array(lines.dropFirst().reversed()) : Array(lines.dropFirst())
    files["customers.csv"] = ([lines[0]] + rows).joined(separator: "\n") + "\n"
    return files
  }

  /// Names an export cannot write as they are (`RowNames.isPlain`): not ASCII.
  static let unplainNames = split.replacingOccurrences(of: "rule fixed", with: "rule réparé")

  @Test(arguments: [
    (everyKind, false, ExportFormat.csv), (everyKind, true, .csv), (everyKind, false, .jsonl),
    (everyKind, true, .jsonl), (split, false, .csv), (split, true, .jsonl), (unplainNames, false, .csv),
    (unplainNames, false, .jsonl),
  ])
  func unspelledExportWritesTheSpelledBytes(playbook: String, reversed: Bool, format: ExportFormat) throws {
    let fixture = try EngineFixture(playbook: playbook, files: Self.files(reversed: reversed))
    let run = fixture.run()
    let rows = try #require(run.unspelled)
    #expect(rows.isPlain)
    let fromRows = "\(fixture.directory)/rows"
    let spelledOut = "\(fixture.directory)/spelled"
    try CampaignExporter.stage(run, summary: run.summary, to: ExportTarget(directory: fromRows, format: format))
      .commit()
    try CampaignExporter.stage(
      run.decisions, summary: run.summary, to: ExportTarget(directory: spelledOut, format: format)
    ).commit()
    let written = try ExportFixtures.snapshot(fromRows)
    let expected = try ExportFixtures.snapshot(spelledOut)
    #expect(written.count >= 5)
    for (name, text) in expected {
      // Each summary names its own folder.
      let text = name == "summary.json" ? text.replacingOccurrences(of: spelledOut, with: fromRows) : text
      #expect(written[name] == text, "\(name)")
    }
    #expect(Set(written.keys) == Set(expected.keys))
    // The counts taken from the outcomes are those of the decisions spelled out.
    #expect(run.summary.counts == run.summary.counts.recounted(run.decisions))
    #expect(rows.spelled() == run.decisions)
  }

  @Test func namesThatNeedNoTreatmentArePlain() {
    func plain(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(RowNames.isPlain) }
    #expect(plain("THANKS10") && plain("quick_fix") && plain("already_sent") && plain("sent via email"))
    #expect(!plain("réparé") && !plain("a,b") && !plain("say \"hi\"") && !plain("back\\slash"))
    #expect(!plain("-x") && !plain("=1+1") && !plain("@me") && !plain("tab\there"))
  }

  /// The check that lets an export group rows by offer instead of sorting them: true
  /// for customers in id order, false when an id comes before the one it follows.
  @Test func customerOrderIsToldFromTheIdsInPlace() throws {
    for reversed in [false, true] {
      let fixture = try EngineFixture(playbook: Self.everyKind, files: Self.files(reversed: reversed))
      let rows = try #require(fixture.run().unspelled)
      let ranks = rows.outcomes.indices.map { ["A", "B", "C"].firstIndex(of: rows.offerCodes[rows.offerNumber($0)])! }
      #expect(rows.inCustomerOrder(offerRanks: ranks) == !reversed)
    }
  }
}
