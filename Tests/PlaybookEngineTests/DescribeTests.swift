import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookReporting
import PlayloopTestSupport
import Testing

/// `describe` on a small hand-made export: each column's type and why, nulls, examples
/// and the rows set aside, as text and as JSON.
@Suite struct DescribeTests {
  static let customers = """
    Customer ID,Total Charges,Signup,plan,notes,vip
    C-1,12.5,2026-01-02,basic,,true
    C-2,n/a,2026-01-03,pro,"line
    break",false
    C-3,7,2026-01-04,basic,,
    C-4,30,2026-01-05,,,true

    """
  static let tickets = """
    id,customer_id,opened_at,csat,note
    T-1,C-1,2026-02-01T10:00:00Z,5,
    T-2,C-9,2026-02-02T10:00:00Z,4,
    T-3,C-2,2026-02-03T10:00:00Z,great,
    T-4,C-3,2026-02-04T10:00:00Z,,

    """
  /// The rule compares `customer.total` with text, so the playbook does not check:
  /// `describe` still shows its data.
  static let playbook = """
    load customers from "customers.csv" key "Customer ID"
      with total = "Total Charges"
    load tickets from "tickets.csv"
      types csat = integer
    offer X
    channel email address customer.plan
    rule r
      when ticket.csat > 3 and customer.total > 5
      send X via email

    """

  static func describe(_ playbook: String = playbook) throws -> DataDescription {
    let folder = try ScratchFolder("describe", files: ["customers.csv": customers, "tickets.csv": tickets])
    defer { folder.remove() }
    let path = try folder.write(playbook, to: "p.playbook")
    var description = try DataDescription.open(path: path)
    // The folder differs per run; the description names the files as the playbook resolves them.
    description.playbook = "p.playbook"
    for i in description.tables.indices {
      description.tables[i].file = String(description.tables[i].file.dropFirst(folder.path.count + 1))
    }
    return description
  }

  @Test func textShowsEachColumnsTypeAndWhy() throws {
    #expect(
      try Self.describe().text() == """
        customers: customers.csv, 4 rows loaded, 0 set aside
        column                   type     why                                     nulls  examples
        "Customer ID"            text     the key column, matched as text             0  'C-1', 'C-2'
        total = "Total Charges"  text     text: line 3 holds 'n/a'                    0  '12.5', 'n/a'
        Signup                   date     inferred: every value is a date             0  '2026-01-02', '2026-01-03'
        plan                     text     inferred: the values are text               1  'basic', 'pro'
        notes                    text     inferred: the values are text               3  'line\\nbreak'
        vip                      boolean  inferred: every value is true or false      1  'true', 'false'

        tickets: tickets.csv, 2 rows loaded, 2 set aside
        column              type       why                                   nulls  examples
        id                  text       the key column, matched as text           0  'T-1', 'T-4'
        customer_id         text       the link column, matched as text          0  'C-1', 'C-3'
        opened = opened_at  timestamp  inferred: every value is a timestamp      0  '2026-02-01T10:00:00Z', '2026-02-04T10:00:00Z'
        csat                integer    declared on line 4                        1  '5'
        note                text       text: every value is empty                2
        set aside:
          line 3: customer "C-9" does not exist
          line 4: value "great" in column csat is not an integer

        """)
  }

  @Test func jsonParsesBackToTheSameDescription() throws {
    let description = try Self.describe()
    let text = description.json.prettyText
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(parsed["playbook"] as? String == "p.playbook")
    let tables = try #require(parsed["tables"] as? [[String: Any]])
    #expect(tables.map { $0["table"] as? String } == ["customers", "tickets"])
    #expect(tables.map { $0["rows_loaded"] as? Int } == [4, 2])
    #expect(tables.map { $0["rows_set_aside"] as? Int } == [0, 2])
    let setAside = try #require(tables[1]["set_aside"] as? [[String: Any]])
    #expect(setAside.map { $0["line"] as? Int } == [3, 4])
    let columns = try #require(tables[0]["columns"] as? [[String: Any]])
    #expect(
      columns.map { $0["column"] as? String } == ["Customer ID", "Total Charges", "Signup", "plan", "notes", "vip"])
    let total = columns[1]
    #expect(total["fields"] as? [String] == ["total"])
    #expect(total["type"] as? String == "text")
    #expect(total["examples"] as? [String] == ["12.5", "n/a"])
    let why = try #require(total["why"] as? [String: Any])
    #expect(why["source"] as? String == "misfit")
    #expect(why["line"] as? Int == 3)
    #expect(why["value"] as? String == "n/a")
    #expect(why["not_a"] as? String == "decimal")
    #expect(why["count"] as? Int == 1)
    #expect(why["text"] as? String == "text: line 3 holds 'n/a'")
    #expect((columns[4]["examples"] as? [String]) == ["line\nbreak"])
    let csat = try #require((tables[1]["columns"] as? [[String: Any]])?[3])
    #expect((csat["why"] as? [String: Any])?["source"] as? String == "declared")
    #expect((csat["why"] as? [String: Any])?["line"] as? Int == 4)
    // Keys in a fixed order, so the bytes are the same on every run.
    #expect(text.firstRange(of: "\"table\"")!.lowerBound < text.firstRange(of: "\"columns\"")!.lowerBound)
    #expect(text == (try Self.describe().json.prettyText))
  }

  @Test func reasonsInWords() {
    #expect(TypeReason.declared(line: 4).text == "declared on line 4")
    #expect(TypeReason.inferred(.integer).text == "inferred: every value is an integer")
    #expect(TypeReason.inferred(.decimal).text == "inferred: every value is a number")
    #expect(TypeReason.misfit(line: 7, value: "n/a", notA: .decimal, count: 1).text == "text: line 7 holds 'n/a'")
    #expect(
      TypeReason.misfit(line: 7, value: "n/a", notA: .integer, count: 3).text
        == "text: line 7 holds 'n/a' (3 values are not integers)")
    #expect(TypeReason.misfit(line: 2, value: "\u{1B}[31m", notA: .date, count: 2).text.contains("'\\u{1B}[31m'"))
  }

  @Test func misfitNamesTheTypeMostValuesFit() throws {
    // Most values are integers, but one is a decimal: the type most fit is decimal,
    // and 'unknown' is the value that is not.
    let column = """
      id,score
      1,4
      2,5
      3,4.5
      4,unknown
      5,

      """
    let folder = try ScratchFolder("describe", files: ["c.csv": column])
    defer { folder.remove() }
    let path = try folder.write("load customers from \"c.csv\"\n", to: "p.playbook")
    let score = try DataDescription.open(path: path).tables[0].columns[1]
    #expect(score.why == .misfit(line: 5, value: "unknown", notA: .decimal, count: 1))
    #expect(score.nulls == 1)
    #expect(score.examples == ["4", "5"])
  }

  @Test func longValuesAreCutAndControlCharactersEscaped() {
    let long = String(repeating: "x", count: 40)
    #expect(ShownValue.truncated(long) == String(repeating: "x", count: 31) + "…")
    #expect(ShownValue.truncated("short") == "short")
    #expect(ShownValue.escaped("a\tb\u{1B}[2Jc\\") == "a\\tb\\u{1B}[2Jc\\\\")
  }

  @Test func aPlaybookThatDoesNotParseIsReported() throws {
    let folder = try ScratchFolder("describe", files: [:])
    defer { folder.remove() }
    let path = try folder.write("load customers frm \"c.csv\"\n", to: "p.playbook")
    #expect(throws: Workspace.Failure.self) { try DataDescription.open(path: path) }
  }

  @Test func aMissingDataFileIsAnInputError() throws {
    let folder = try ScratchFolder("describe", files: [:])
    defer { folder.remove() }
    let path = try folder.write("load customers from \"missing.csv\"\n", to: "p.playbook")
    do {
      _ = try DataDescription.open(path: path)
      Issue.record("a missing file was described")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.loadUnreadable])
      #expect(error.source?.path == path)
    }
  }
}
