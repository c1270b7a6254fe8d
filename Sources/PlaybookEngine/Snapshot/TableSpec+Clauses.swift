import Foundation
import PlaybookLanguage

extension TableSpec {
  /// The load statement's meaning as one line of text, every clause that changes what
  /// reading the file gives (the table's name and the path as messages show them, the
  /// format, key, link, types and their formats, nulls, timezone, delimiter, encoding,
  /// lifecycle columns), each in a fixed order. A snapshot is used only for the same text.
  var snapshotClauses: String {
    func sorted<V>(_ pairs: [String: V], _ text: (V) -> String) -> String {
      pairs.keys.sorted().map { "\(quoted($0))=\(quoted(text(pairs[$0]!)))" }.joined(separator: ",")
    }
    let parts: [String] = [
      "table=" + quoted(name), "path=" + quoted(path), "format=\(format)", "key=" + quoted(keyColumn),
      "link=" + quoted(linkColumn ?? ""), "linkTable=" + quoted(linkTable ?? ""), "rowName=" + quoted(rowName),
      "types={" + sorted(declaredTypes) { $0.rawValue } + "}",
      "formats={" + sorted(timeFormats) { $0.pattern } + "}",
      "lifecycle={" + sorted(lifecycleColumns) { $0 } + "}",
      "delimiter=\(delimiter.map { String($0.rawValue) } ?? "detect")", "encoding=\(encoding.rawValue)",
      "nulls=[" + nullTokens.map(quoted).joined(separator: ",") + "]", "timezone=" + (timezone.map(quoted) ?? "none"),
    ]
    return parts.joined(separator: " ")
  }
}

/// `text` in double quotes, its quotes and backslashes escaped, so no value can pass
/// for another clause.
private func quoted(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
