import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

extension EngineSession {
  /// `:describe [TABLE]`: each loaded table's columns (type and why, nulls, examples)
  /// and its rows set aside, as `playloop describe` prints them.
  func describe(_ name: String?) -> ShellOutput {
    guard let workspace else { return failure(.noData) }
    var tables = workspace.dataset.describe(model)
    if let name {
      guard model.tables.contains(where: { $0.name == name }) else { return unknownName(name, kinds: .tables) }
      tables.removeAll { $0.table != name }
    }
    var blocks: [ShellOutput.Block] = []
    for (index, table) in tables.enumerated() {
      blocks.append(.message((index > 0 ? "\n" : "") + table.heading))
      blocks.append(.table(table.columnTable))
      if !table.setAsideLines.isEmpty { blocks.append(.message(table.setAsideLines.joined(separator: "\n"))) }
    }
    return ShellOutput(blocks)
  }
}
