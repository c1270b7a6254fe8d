import Foundation
import Testing

@testable import PlaybookLedger

/// An A/B split across ledgered runs: the ledger records the offer each customer was sent.
@Suite struct VariantLedgerTests {
  static let playbook = LedgerFixture.playbook()
    .replacingOccurrences(of: "send SORRY via email", with: "send SORRY or SORRY2 via email")
    .replacingOccurrences(
      of: "offer HELLO \"hello\" valid 7d",
      with: "offer HELLO \"hello\" valid 7d\noffer SORRY2 \"sorry, too\" valid 14d")

  @Test func theLedgerRecordsEachCustomersVariant() throws {
    try LedgerFixture.with(playbook: Self.playbook) { f in
      try f.run(LedgerFixture.day(1))
      let sent = try f.audience("SORRY").map { "SORRY \($0)" } + f.audience("SORRY2").map { "SORRY2 \($0)" }
      #expect(sent.count == 2)
      let recorded = try f.ledger().filter { $0.contains(" apology ") }.map { line in
        let parts = line.split(separator: " ")
        return "\(parts[2]) \(parts[3]) apology \(parts[4])"
      }
      #expect(recorded.sorted() == sent.sorted())
      // Both variants are drawn for these two customers, so both offers were recorded.
      #expect(Set(recorded.map { $0.split(separator: " ")[0] }) == ["SORRY", "SORRY2"])
    }
  }
}
