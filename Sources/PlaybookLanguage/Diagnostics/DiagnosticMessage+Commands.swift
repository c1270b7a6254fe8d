/// The messages of commands: the CLI's and the shell's.
extension DiagnosticMessage {
  /// A command or its arguments used wrongly: `unknown command ':lod'; did you mean ':load'?`.
  public static func usage(_ text: String, hint: String? = nil) -> Self {
    Self(.usageError, text, hint: hint)
  }

  /// `:export --preview never writes into the export folder out` (usageError).
  public static func previewIntoExport(_ folder: String) -> Self {
    Self(
      .usageError, ":export --preview never writes into the playbook's export folder \(folder)",
      hint: "name another folder, or leave it out to preview into \(folder)-preview")
  }

  /// `a ledger records what a run exports, and this run exports nothing` (ledgerWithoutExport).
  public static let ledgerWithoutExport = Self(
    .ledgerWithoutExport, "a ledger records what a run exports, and this run exports nothing",
    hint: "add `export to \"DIR\"` to the playbook or pass --out DIR")

  /// `--out -: an export is a folder of files, not standard output` (usageError).
  public static let exportToStandardOutput = Self(
    .usageError, "--out -: an export is a folder of files, not standard output",
    hint: "give a folder (--out out/tonight), or see the counts with --dry-run --format json")

  /// `unknown subcommand 'rn'; did you mean 'run'?` (usageError).
  public static func unknownSubcommand(_ word: String, suggestion: String?, subcommands: [String]) -> Self {
    Self(
      .usageError, "unknown subcommand '\(word)'" + (suggestion.map { "; \($0)" } ?? ""),
      hint: "the subcommands are " + subcommands.joined(separator: ", ") + "; a playbook file opens the shell")
  }

  /// `no customer 'C-11'; did you mean 'C-1', 'C-2'?`
  public static func unknownCustomer(_ id: String, suggestions: [String]) -> Self {
    Self(.unknownCustomer, "no customer '\(id)'" + (NearNames.didYouMean(suggestions).map { "; \($0)" } ?? ""))
  }

  /// `no rule 'RULE' in FILE` (unknownRule).
  public static func unknownRule(_ rule: String, in file: String, hint: String?) -> Self {
    Self(.unknownRule, "no rule '\(rule)' in \(file)", hint: hint)
  }

  /// `no rule or segment named 'x'; did you mean 'y'?`
  public static func unknownName(_ name: String, kinds: String, suggestion: String?) -> Self {
    Self(.unknownName, "no \(kinds) named '\(name)'" + (suggestion.map { "; \($0)" } ?? ""))
  }

  /// `'TEXT' is not an ISO 8601 time such as 2026-11-01T09:00:00Z` (usageError).
  public static func invalidTime(_ text: String) -> Self {
    Self(.usageError, "'\(text)' is not an ISO 8601 time such as 2026-11-01T09:00:00Z")
  }

  /// `no data loaded: :load a playbook, or type `load customers from "FILE"`` (noData).
  public static let noData = Self(
    .noData, "no data loaded: :load a playbook, or type `load customers from \"FILE\"`")

  /// `no export folder: use :export DIR, or add `export to "DIR"`` (noExportFolder).
  public static let noExportFolder = Self(
    .noExportFolder, "no export folder: use :export DIR, or add `export to \"DIR\"`")

  /// The typed statement is fine, but what uses its name would be wrong.
  public static func notChanged(_ what: String) -> Self {
    Self(.notChanged, "\(what) not changed: statements using it would be wrong")
  }

  /// `cannot drop SLOT: the playbook still uses it` (stillUsed).
  public static func stillUsed(_ slot: String) -> Self {
    Self(.stillUsed, "cannot drop \(slot): the playbook still uses it")
  }

  /// `unsaved changes; WHAT, or :save FILE` (unsavedChanges): the shell asks once before
  /// typed statements would be lost.
  public static func unsavedChanges(_ what: String) -> Self {
    Self(.unsavedChanges, "unsaved changes; \(what), or :save FILE")
  }

  /// `x.playbook already exists; type :save x.playbook again to replace it` (replaceFile):
  /// the shell asks once before `:save` replaces a file that is not the playbook's own.
  public static func replaceFile(_ path: String) -> Self {
    Self(.replaceFile, "\(path) already exists; type :save \(path) again to replace it")
  }

  /// `:save x.playbook: the file already exists` (usageError): a script replaces another
  /// file only when told to.
  public static func fileExists(_ path: String) -> Self {
    Self(
      .usageError, ":save \(path): the file already exists and is not the playbook's own",
      hint: "`:save --force \(path)` replaces it")
  }

  /// `:save: the session has no file yet` (usageError).
  public static let noSaveFile = Self(
    .usageError, ":save: the session started empty, so it has no file yet", hint: "name one: :save FILE")

  /// `the playbook has 2 errors; :check shows them, :edit fixes them` (playbookHasErrors).
  public static func playbookHasErrors(_ count: Int) -> Self {
    Self(
      .playbookHasErrors,
      "the playbook has \(count) error\(count == 1 ? "" : "s"); :check shows \(count == 1 ? "it" : "them"), "
        + ":edit fixes \(count == 1 ? "it" : "them")")
  }

  /// `export stopped by Ctrl-C: nothing was exported or recorded` (exportInterrupted).
  public static let exportInterrupted = Self(
    .exportInterrupted, "export stopped by Ctrl-C: nothing was exported or recorded",
    hint: "the export folder and the ledger are as they were")

  /// `no tests: x.playbook has no test blocks` (noTests): a test run that checks nothing
  /// must not pass.
  public static func noTests(in files: [String]) -> Self {
    Self(
      .noTests, "no tests: \(files.joined(separator: ", ")) \(files.count == 1 ? "has" : "have") no test blocks",
      hint: "add `test \"NAME\"` with `expect` lines to the playbook")
  }

  /// `no test matches --run 'PATTERN'` (noTests), with the tests there are.
  public static func noTestMatches(_ pattern: String, names: [String]) -> Self {
    Self(
      .noTests, "no test matches --run '\(pattern)'",
      hint: "the tests are " + names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        + (names.count > 5 ? " and \(names.count - 5) more" : ""))
  }

  /// `--run 'a(': not a regular expression` (usageError).
  public static func invalidTestPattern(_ pattern: String) -> Self {
    Self(
      .usageError, "--run '\(pattern)': not a regular expression",
      hint: "--run takes a regular expression matched anywhere in a test's name, e.g. --run 'vip|gold'")
  }

  /// `2 tests failed`.
  public static func testsFailed(_ count: Int) -> Self {
    Self(.testsFailed, "\(count) test\(count == 1 ? "" : "s") failed")
  }
}

extension DiagnosticMessage {
  /// `'Adler' names 2 customers: C-0001 (Zoë Adler), C-0044 (Ian Adler)` (ambiguousCustomer).
  public static func ambiguousCustomer(_ query: String, matches: [String]) -> Self {
    Self(
      .ambiguousCustomer, "'\(query)' names \(matches.count) customers: " + matches.joined(separator: ", "),
      hint: "give one of their ids")
  }
}
