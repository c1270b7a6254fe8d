import Foundation

/// Inputs several test targets share: the example data set, the flagship playbook
/// pointed at other data, and data sets made by `playloop-data`.
public enum Fixtures {
  /// The flagship playbook's clock, 2026-11-01T00:00:00Z, in seconds.
  public static let clock: Int64 = 1_793_491_200

  /// The files of a data set, as `playloop-data` writes them and `Examples/data` holds them.
  public static let dataFiles = ["customers.csv", "tickets.csv", "orders.csv", "calls.jsonl"]

  /// The flagship playbook's text, loading its tables from `dataFolder` (an absolute
  /// path) instead of `../Examples/data`, so it can be written anywhere; `edits` are then
  /// applied in order, each of which must change the text.
  public static func serviceRecovery(
    loadingFrom dataFolder: String = Repository.exampleData, replacing edits: [(String, String)] = []
  ) throws -> String {
    try playbook(Repository.serviceRecovery, loadingFrom: dataFolder, replacing: edits)
  }

  /// The text of the shipped playbook at `path` (in `Playbooks/`), loading its tables
  /// from `dataFolder` as `serviceRecovery` does, then `edits` applied in order (each must
  /// change the text): e.g. its ledger moved to a test's own folder, so a ledger a person
  /// wrote into `out/` by running the playbook never changes what a test sees.
  public static func playbook(
    _ path: String, loadingFrom dataFolder: String = Repository.exampleData, replacing edits: [(String, String)] = []
  ) throws -> String {
    var text = try String(contentsOfFile: path, encoding: .utf8)
    for (old, new) in [("../Examples/data", dataFolder)] + edits {
      guard text.contains(old) else { throw MissingText(text: old, path: path) }
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }

  /// An edit whose text is not in the playbook: the fixture would silently test the
  /// unedited playbook.
  public struct MissingText: Error, CustomStringConvertible {
    /// The text looked for.
    public var text: String
    /// The playbook it was looked for in.
    public var path = Repository.serviceRecovery
    /// What is missing.
    public var description: String { "\(path) has no \(text.debugDescription)" }
  }

  /// The files of the export folder `folder`, by name, as text; `summary.json` is cut
  /// before its `timings_ms`, the one part that differs between runs over the same inputs.
  public static func exportFiles(in folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      var text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      if name == "summary.json", let cut = text.range(of: "\"timings_ms\"") {
        text = String(text[..<cut.lowerBound])
      }
      files[name] = text
    }
    return files
  }

  /// Runs the built `playloop-data` with `arguments` (`--customers`, `--seed`…),
  /// writing the data set into `folder`; throws when it fails.
  public static func generateData(_ arguments: [String], into folder: String) throws {
    let run = try ChildProcess.run(BuiltProduct.playloopData, arguments + ["--out", folder])
    guard run.status == 0 else { throw GeneratorFailed(status: run.status, stderr: run.stderr) }
  }

  /// `playloop-data` exited with a failure.
  public struct GeneratorFailed: Error, CustomStringConvertible {
    /// The generator's exit status.
    public var status: Int32
    /// What it said.
    public var stderr: String
    /// The status and the message.
    public var description: String { "playloop-data exited with \(status): \(stderr)" }
  }
}
