import Foundation
import PlaybookLanguage
import PlayloopTestSupport

@testable import PlaybookEngine

/// Decisions, summaries and scratch folders shared by the export tests.
enum ExportFixtures {
  static let clock = Timestamp.parse("2026-11-01T00:00:00Z")!.seconds

  static func decision(
    _ customer: String, _ rule: String, _ offer: String, trigger: String? = nil,
    status: DecisionStatus = .send, channel: String? = "email", address: String? = nil,
    reason: String = "first reachable channel"
  ) -> Decision {
    Decision(
      customerID: customer, rule: rule, offer: offer, triggerID: trigger, triggerTime: clock - 3600,
      sendAt: clock + 7200, expiresAt: clock + 7200 + 14 * 86_400, channel: channel,
      address: channel == nil ? nil : address ?? "\(customer.lowercased())@example.com", status: status, reason: reason,
      merged: 0, priority: 10)
  }

  /// Two offers declared, one of them (REFER20) with no decisions at all.
  static let decisions: [Decision] = [
    decision("C-2", "slow_fix_apology", "SORRY25", trigger: "T-9", address: "=HYPERLINK(\"x\")"),
    decision("C-1", "slow_fix_apology", "SORRY25", trigger: "T-3"),
    decision(
      "C-3", "slow_fix_apology", "SORRY25", trigger: "T-4", status: .unreachable, channel: nil,
      reason: "no reachable channel: email has no consent, sms has no address"),
    decision("C-1", "cancel_risk", "STAY15", trigger: "K-1", status: .capped, reason: "capped by slow_fix_apology"),
    decision("C-4", "cancel_risk", "STAY15", trigger: "K-2", status: .holdout, channel: "sms", address: "+15551234567"),
  ]

  static func summary(_ decisions: [Decision] = decisions) -> RunSummary {
    RunSummary(
      playbook: "Service recovery loop", clock: clock, window: 30 * 86_400,
      tables: [
        TableCount(name: "customers", file: "customers.csv", rows: 4, setAside: 0),
        TableCount(name: "tickets", file: "tickets.csv", rows: 9, setAside: 2),
      ],
      counts: DecisionCounts(
        decisions, rules: ["slow_fix_apology", "cancel_risk"], offers: ["SORRY25", "REFER20", "STAY15"]))
  }

  /// A fresh empty folder, removed when `body` returns.
  static func withScratchFolder(_ body: (String) throws -> Void) throws {
    try ScratchFolder.with("export") { try body($0.path) }
  }

  /// Every file under `folder` (hidden ones too) with its text, by path relative to `folder`.
  static func snapshot(_ folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let path as String in walker {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory)
      files[path] = isDirectory.boolValue ? "<dir>" : try String(contentsOfFile: "\(folder)/\(path)", encoding: .utf8)
    }
    return files
  }
}
