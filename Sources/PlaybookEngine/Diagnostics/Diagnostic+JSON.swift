public import PlaybookLanguage

extension Diagnostic {
  /// The diagnostic for programs, keys in a fixed order:
  /// `{"code", "severity", "kind", "message", "file", "line", "column", "end_line",
  /// "end_column", "hint", "notes", "fix_its"}`. What is not known is `null` (a data
  /// file's column, a command's file); `notes` and `fix_its` are always arrays.
  public var json: JSONValue {
    .object(
      [
        JSONMember("code", .string(code.id)),
        JSONMember("severity", .string(severity.rawValue)),
        JSONMember("kind", .string(code.kind.rawValue)),
        JSONMember("message", .string(message)),
        JSONMember("file", file.map(JSONValue.string) ?? .null),
      ] + Self.place(range)
        + [
          JSONMember("hint", hint.map(JSONValue.string) ?? .null),
          JSONMember(
            "notes",
            .array(
              notes.map { note in
                .object(
                  [
                    JSONMember("message", .string(note.message)),
                    JSONMember("file", note.file.map(JSONValue.string) ?? .null),
                  ] + Self.place(note.range))
              })),
          JSONMember(
            "fix_its",
            .array(
              fixIts.map { fix in
                .object(Self.place(fix.range) + [JSONMember("replacement", .string(fix.replacement))])
              })),
        ])
  }

  /// `{"diagnostics": [...]}`: what `--format json` and `--json` print for failures.
  public static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
    .object([JSONMember("diagnostics", .array(diagnostics.map(\.json)))])
  }

  /// `line`, `column`, `end_line`, `end_column`; a column of 0 (unknown) is null.
  private static func place(_ range: SourceRange?) -> [JSONMember] {
    func number(_ value: Int?) -> JSONValue { value.map { $0 > 0 ? .integer(Int64($0)) : .null } ?? .null }
    return [
      JSONMember("line", number(range?.start.line)),
      JSONMember("column", number(range?.start.column)),
      JSONMember("end_line", number(range?.end.line)),
      JSONMember("end_column", number(range?.end.column)),
    ]
  }
}
