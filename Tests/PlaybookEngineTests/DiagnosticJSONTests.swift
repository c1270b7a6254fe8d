import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// A diagnostic's JSON form: keys in a fixed order, nulls for what is not known.
@Suite struct DiagnosticJSONTests {
  @Test func aLoadErrorIsADiagnosticAtTheDataFileWithANoteAtTheLoad() throws {
    let at = SourceRange(
      start: SourceLocation(offset: 40, line: 3, column: 21), end: SourceLocation(offset: 55, line: 3, column: 36))
    let error = LoadError(.badKey, "customer has an empty id", file: "data/customers.csv", line: 7)
    let d = error.diagnostic(loadedAt: "x.playbook", at)
    #expect(d.code == .loadBadKey)
    #expect(d.code.kind == .input)
    #expect(d.file == "data/customers.csv")
    #expect(d.range?.start.line == 7)
    #expect(d.notes == [Diagnostic.Note("loaded here", file: "x.playbook", range: at)])
    #expect(
      DiagnosticRenderer(sources: [:]).render(d)
        == "data/customers.csv:7: error: customer has an empty id\nx.playbook:3:21: note: loaded here")
  }

  @Test func keysComeInAFixedOrder() throws {
    let at = SourceRange(
      start: SourceLocation(offset: 40, line: 3, column: 21), end: SourceLocation(offset: 55, line: 3, column: 36))
    let d = LoadError(.unknownColumn, "the header has no column ID", file: "c.csv", hint: "did you mean 'id'?")
      .diagnostic(loadedAt: "x.playbook", at)
    #expect(
      Diagnostic.json([d]).prettyText == """
        {
          "diagnostics": [
            {
              "code": "load_unknown_column",
              "severity": "error",
              "kind": "input",
              "message": "the header has no column ID",
              "file": "c.csv",
              "line": null,
              "column": null,
              "end_line": null,
              "end_column": null,
              "hint": "did you mean 'id'?",
              "notes": [
                {
                  "message": "loaded here",
                  "file": "x.playbook",
                  "line": 3,
                  "column": 21,
                  "end_line": 3,
                  "end_column": 36
                }
              ],
              "fix_its": []
            }
          ]
        }

        """)
  }

  @Test func aDataRowHasALineButNoColumnAndAMessageNoFile() {
    let row = LoadError(.badRow, "customer \"C-9\" does not exist", file: "t.csv", line: 3)
      .diagnostic(loadedAt: "x.playbook", nil)
    let members = Self.members(row.json)
    #expect(
      members.map(\.key) == [
        "code", "severity", "kind", "message", "file", "line", "column", "end_line", "end_column", "hint", "notes",
        "fix_its",
      ])
    #expect(members.first { $0.key == "line" }?.value == .integer(3))
    #expect(members.first { $0.key == "column" }?.value == .null)
    let unknown = Explainer.UnknownCustomer(customerID: "C-11", suggestions: ["C-1"]).diagnostic
    #expect(Self.members(unknown.json).first { $0.key == "file" }?.value == .null)
    #expect(unknown.code == .unknownCustomer)
    #expect(unknown.message == "no customer 'C-11'; did you mean 'C-1'?")
  }

  @Test func aFixItHasItsPlaceAndReplacement() throws {
    let (playbook, diagnostics) = PlaybookParser.parse(SourceFile(path: "t", text: "segment s = customer.tier = \"g\""))
    _ = playbook
    let d = try #require(diagnostics.first)
    let fix = try #require(Self.members(d.json).first { $0.key == "fix_its" }?.value)
    #expect(
      fix
        == .array([
          .object([
            JSONMember("line", .integer(1)), JSONMember("column", .integer(27)), JSONMember("end_line", .integer(1)),
            JSONMember("end_column", .integer(28)), JSONMember("replacement", .string("==")),
          ])
        ]))
  }

  static func members(_ value: JSONValue) -> [JSONMember] {
    if case .object(let members) = value { return members }
    return []
  }
}
