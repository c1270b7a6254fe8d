import ArgumentParser

/// `--format text|json`, and `--json` for the same: how `check`, `test`, `run` and
/// `explain` answer. With JSON, stdout holds one JSON document whether the command
/// succeeds or fails, with every diagnostic in its `diagnostics` array.
struct OutputOption: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(help: "text for people, or json: one JSON document on stdout, diagnostics included, also on failure.")
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
