import Foundation

/// Paths in this package's checkout, for tests that read its playbooks and data.
enum Repository {
  static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func path(_ relative: String) -> String { root + "/" + relative }

  /// The brief's flagship playbook over `Examples/data`.
  static var serviceRecovery: String { path("Playbooks/service-recovery.playbook") }
}
