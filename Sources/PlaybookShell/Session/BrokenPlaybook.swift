import PlaybookLanguage

/// A playbook file that was read but does not check (or whose data cannot be read),
/// kept as its text so that `:edit` can fix it and `:save` can keep it.
struct BrokenPlaybook {
  /// The file's text as read.
  var source: SourceFile
  /// Why it does not check: its errors, and any warnings found with them.
  var diagnostics: [Diagnostic]

  /// How many of the diagnostics are errors.
  var errorCount: Int { diagnostics.count { $0.severity == .error } }
}

extension ShellCommand {
  /// Whether the command makes sense while the playbook has errors: those that load,
  /// show, fix or save it, set the clock, or belong to the shell.
  var worksWithErrors: Bool {
    switch self {
    case .help, .quit, .load, .save, .edit, .check, .asOf: true
    default: false
    }
  }
}
