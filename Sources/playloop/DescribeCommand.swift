import ArgumentParser
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting

/// `playloop describe FILE`: the data a playbook loads, as Playloop reads it.
struct DescribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Show each table a playbook loads: column types and why, nulls, examples, rows set aside.")

  @Argument(help: "The playbook file; its `load` statements say what to read.") var file: String
  @Option(help: "Describe only this table.") var table: String?
  @OptionGroup var output: OutputOption
  @OptionGroup var progress: ProgressOption
  @OptionGroup var snapshots: CacheOption

  func run() throws {
    let json = output.isJSON
    var description: DataDescription
    do {
      description = try progress.loading(json: json) { (sink) throws(Workspace.Failure) in
        try DataDescription.open(path: file, progress: sink, cache: snapshots.cache)
      }
    } catch {
      throw CommandFailure(error, json: json)
    }
    if let table {
      let names = description.tables.map(\.table)
      guard names.contains(table) else {
        throw CommandFailure(unknown: table, kinds: "table", among: names, json: json)
      }
      description.tables.removeAll { $0.table != table }
    }
    if json { return Terminal.printJSON(description.json, diagnostics: []) }
    Terminal.printText(description.text())
  }
}
