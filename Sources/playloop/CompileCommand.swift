import ArgumentParser
import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL

/// `playloop compile FILE --to postgres|spark [--as-of T] [--out FILE]`: the playbook's
/// candidates as one SQL statement (the work is `CandidateSQL`'s).
struct CompileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "Print one SQL statement computing the playbook's candidates (exit 1 for what cannot be compiled).")

  @Argument(help: "The playbook file.") var file: String
  @Option(
    help: ArgumentHelp("The SQL dialect.", valueName: SQLTarget.allCases.map(\.rawValue).joined(separator: "|")),
    transform: { argument in
      guard let target = SQLTarget(rawValue: argument) else {
        throw ValidationError(
          "'\(argument)' is no dialect; give " + SQLTarget.allCases.map(\.rawValue).joined(separator: " or "))
      }
      return target
    })
  var to: SQLTarget
  @OptionGroup var clock: ClockOption
  @Option(help: "Write the SQL to this file (default: standard output).") var out: String?
  @OptionGroup var output: OutputOption
  @OptionGroup var setAside: SetAsideOption
  @OptionGroup var snapshots: CacheOption

  func run() throws {
    let json = output.isJSON
    // The data is read for its columns' types: the SQL expects tables with those.
    let workspace = try Workspace.openForCommand(
      path: file, maxSetAside: try setAside.share(), json: json, cache: snapshots.cache)
    // Rows set aside and columns named by position: never silent (as `check`).
    let warnings = workspace.dataset.setAsideWarnings(first: 5) + workspace.warnings
    let now = Terminal.now()
    let at = workspace.clock(override: try clock.seconds(now: now), now: now)
    let sql: String
    do {
      sql = try CandidateSQL.compile(workspace.checked, source: workspace.source, clock: at, dialect: to.dialect)
    } catch {
      throw CommandFailure(error.diagnostics, sources: [workspace.source], json: json)
    }
    if let out, out != "-" {
      do {
        try Data(sql.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        throw CommandFailure([Diagnostic(.writeFailed(out, reason: error.localizedDescription), file: nil)], json: json)
      }
    }
    let written = out.map { $0 != "-" } ?? false
    if json {
      let document: JSONValue = .object(
        written ? [JSONMember("out", .string(out ?? ""))] : [JSONMember("sql", .string(sql))])
      Terminal.printJSON(document, diagnostics: warnings)
    } else {
      Terminal.report(warnings, sources: [workspace.source])
      if !written { FileHandle.standardOutput.write(Data(sql.utf8)) }
    }
  }
}
