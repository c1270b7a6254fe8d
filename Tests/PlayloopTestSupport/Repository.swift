import Foundation

/// Paths in this package's checkout, for tests that read its playbooks, example data
/// and recorded sessions.
public enum Repository {
  /// The package root: this file is `Tests/PlayloopTestSupport/Repository.swift`.
  public static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// `relative` inside the checkout.
  public static func path(_ relative: String) -> String { root + "/" + relative }

  /// The brief's flagship playbook over `Examples/data`.
  public static var serviceRecovery: String { path("Playbooks/service-recovery.playbook") }

  /// `Examples/data`, the committed data set the shipped playbooks load.
  public static var exampleData: String { path("Examples/data") }

  /// The recorded shell sessions (`NAME.txt` typed, `NAME.out` and `NAME.err` shown).
  public static var sessions: String { path("Examples/sessions") }

  /// The names (without `.playbook`) of the playbooks shipped in `Playbooks/`, sorted.
  /// Throws when the folder cannot be read, so a test over them never passes on none.
  public static func shippedPlaybooks() throws -> [String] {
    try files(in: "Playbooks", ending: ".playbook")
  }

  /// The names (without `suffix`) of the files in `folder` (relative to the root) that end
  /// in `suffix`, sorted. Throws when the folder cannot be read or holds no such file.
  public static func files(in folder: String, ending suffix: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: path(folder))
      .filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
    guard !names.isEmpty else { throw NothingFound(folder: folder, suffix: suffix) }
    return names
  }

  /// A folder a test expected files in holds none.
  public struct NothingFound: Error, CustomStringConvertible {
    /// The folder, relative to the root.
    public var folder: String
    /// The ending looked for.
    public var suffix: String
    /// What was not found where.
    public var description: String { "no *\(suffix) files in \(Repository.path(folder))" }
  }
}
