import PlaybookLanguage

/// Diagnostics that end a command. `Playloop.main` prints them (as text on stderr, or
/// as JSON on stdout when the command was asked for JSON) and exits with the status
/// `ExitStatus` gives them.
struct CommandFailure: Error {
  var diagnostics: [Diagnostic]
  /// The files the diagnostics point into, for showing their lines.
  var sources: [SourceFile] = []
  var json = false

  init(_ diagnostics: [Diagnostic], sources: [SourceFile] = [], json: Bool = false) {
    self.diagnostics = diagnostics
    self.sources = sources
    self.json = json
  }

  /// A name given on the command line that is none of `names` (`no offer named 'X'`), with
  /// the nearest one suggested.
  init(unknown name: String, kinds: String, among names: [String], json: Bool = false) {
    self.init(
      [Diagnostic(.unknownName(name, kinds: kinds, suggestion: NearNames.didYouMean(name, in: names)), file: nil)],
      json: json)
  }
}
