import ArgumentParser
import PlaybookEngine
import PlaybookLanguage

/// `--format text|json`, and `--json` for the same: how `check`, `test`, `run`,
/// `explain`, `ledger` and `describe` answer. With JSON, stdout holds one JSON document whether the command
/// succeeds or fails, with every diagnostic in its `diagnostics` array.
struct OutputOption: ParsableArguments {
  enum Format: String, CaseIterable {
    case text, json

    /// The format named by `--format`; `run --format csv` meant the export's format
    /// before `--format` meant the output's, so that mistake is named.
    static func parse(_ argument: String) throws -> Format {
      if let format = Format(rawValue: argument) { return format }
      let export =
        ExportFormat(rawValue: argument) != nil ? "; the export's file format is --export-format \(argument)" : ""
      throw ValidationError("give text or json\(export)")
    }
  }

  @Option(
    help: ArgumentHelp(
      "text for people, or json: one JSON document on stdout, diagnostics included, also on failure.",
      valueName: "text|json"),
    transform: Format.parse)
  var format: Format = .text
  @Flag(help: "The same as --format json.") var json = false

  /// Whether the command answers in JSON.
  var isJSON: Bool { json || format == .json }

  /// Whether `arguments` ask for JSON, for failures before they are parsed (a mistyped
  /// option still fails as JSON when JSON was asked for).
  static func asksForJSON(_ arguments: [String]) -> Bool {
    arguments.contains("--json") || arguments.contains("--format=json")
      || zip(arguments, arguments.dropFirst()).contains { $0 == "--format" && $1 == "json" }
  }
}
