import Foundation
public import PlaybookLanguage

/// A run read back from its export folder (`playloop report --compare out/`): the
/// playbook's name from `summary.json`, and every decision from the decisions log it
/// names, whatever its format. What comparing needs (customer, rule, offer, status,
/// channel, send time, duplicates merged) is all the log keeps.
public struct ExportedRun: Sendable {
  /// The folder, as given.
  public var folder: String
  /// The playbook that exported it (`summary.json`'s `playbook`).
  public var playbook: String
  /// The decisions log's rows, in file order.
  public var decisions: [Decision]

  /// The columns read; the log has more.
  static let columns = ["customer_id", "rule", "offer", "send_at", "channel", "status", "reason", "merged"]

  /// Reads the export in `folder`; a folder that is no export, or a log that cannot be
  /// read, is a diagnostic naming the file.
  public static func read(folder: String) throws(Diagnostic) -> ExportedRun {
    let summaryPath = (folder as NSString).appendingPathComponent("summary.json")
    guard let bytes = FileManager.default.contents(atPath: summaryPath),
      let summary = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any],
      let export = summary["export"] as? [String: Any], let file = export["decisions_file"] as? String
    else { throw Diagnostic(.unreadableFile(summaryPath), file: nil) }
    let path = (folder as NSString).appendingPathComponent(file)
    let table: Table
    do {
      table = try TableReader.read(
        name: "decisions", path: path,
        declaredTypes: Dictionary(uniqueKeysWithValues: columns.map { ($0, ColumnType.text) })
      ).table
    } catch {
      throw error.diagnostic(loadedAt: path, nil)
    }
    let found = columns.map { table.columnIndex($0).map { table.columns[$0] } }
    func text(_ column: Int, _ row: Int) -> String? {
      guard let column = found[column], !column.nulls.isNull(row), case .text(let values) = column.values else {
        return nil
      }
      return values.string(row)
    }
    var decisions: [Decision] = []
    decisions.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      guard let customer = text(0, row), let offer = text(2, row),
        let status = text(5, row).flatMap(DecisionStatus.init)
      else { throw Diagnostic(.unreadableFile(path), file: nil) }
      let sendAt = text(3, row).flatMap { Timestamp.parse($0)?.seconds } ?? 0
      decisions.append(
        Decision(
          customerID: customer, rule: text(1, row) ?? "", offer: offer, triggerID: nil, triggerTime: sendAt,
          sendAt: sendAt, expiresAt: sendAt, channel: text(4, row), address: nil, status: status,
          reason: text(6, row) ?? "", merged: text(7, row).flatMap { Int($0) } ?? 0, priority: 0))
    }
    return ExportedRun(folder: folder, playbook: summary["playbook"] as? String ?? folder, decisions: decisions)
  }
}
