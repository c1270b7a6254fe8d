import Foundation
import PlayloopTestSupport
import Testing

/// The flagship playbook on data exported as a spreadsheet would (`playloop-data
/// --messy-headers`), loaded by `Examples/messy/service-recovery.playbook` with the
/// `key`, `link`, `with`, `types`, `nulls`, `delimiter` and `encoding` lines a marketer
/// writes, decides exactly what it decides on the clean data of the same seed: the same
/// customers, offers, channels, addresses and times. The messy data must mean exactly
/// what the clean data means.
///
/// It needs the `delimiter ";"`, `encoding "latin1"` and `nulls "NA"` load clauses and
/// `types COL = timestamp "%Y/%m/%d %H:%M:%S"`: until they are in, the messy playbook does
/// not parse and these tests fail.
@Suite final class MessyDataEndToEndTests {
  private let folder: ScratchFolder
  private let clean: String
  private let messy: String

  init() throws {
    folder = try ScratchFolder("messy-e2e")
    clean = folder.path("clean")
    messy = folder.path("messy")
    try Fixtures.generateData(["--customers", "200", "--seed", "42"], into: clean)
    try Fixtures.generateData(["--customers", "200", "--seed", "42", "--messy-headers"], into: messy)
  }

  deinit { folder.remove() }

  /// The messy playbook, next to the messy data it loads by relative paths.
  func messyPlaybook() throws -> String {
    let text = try String(
      contentsOfFile: Repository.path("Examples/messy/service-recovery.playbook"), encoding: .utf8)
    return try folder.write(text, to: "messy/service-recovery.playbook")
  }

  func run(_ playbook: String, out: String) throws -> [String: String] {
    let run = try ChildProcess.playloop(["run", playbook, "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    return try Fixtures.exportFiles(in: out)
  }

  @Test func decisionsAreTheSameAsOnTheCleanData() throws {
    let cleanPlaybook = try folder.write(try Fixtures.serviceRecovery(loadingFrom: clean), to: "clean.playbook")
    let cleanExport = try run(cleanPlaybook, out: folder.path("out-clean"))
    let messyExport = try run(try messyPlaybook(), out: folder.path("out-messy"))
    // summary.json names the data files, which differ; every other file must not.
    let names = cleanExport.keys.filter { $0 != "summary.json" }.sorted()
    #expect(messyExport.keys.filter { $0 != "summary.json" }.sorted() == names)
    #expect(names.contains("decisions.csv") && names.contains("SORRY25.csv"))
    for name in names {
      #expect(messyExport[name] == cleanExport[name], "\(name)")
    }
    let decisions = try #require(cleanExport["decisions.csv"])
    let rows = decisions.utf8.filter { $0 == UInt8(ascii: "\n") }.count
    #expect(rows > 20, "the comparison is over real decisions (\(rows) lines)")
  }

  @Test func describeShowsHowTheMessyColumnsWereRead() throws {
    let run = try ChildProcess.playloop(["describe", try messyPlaybook(), "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let tables = try #require(document["tables"] as? [[String: Any]])
    func column(_ table: String, _ name: String) throws -> [String: Any] {
      let columns = try #require(tables.first { $0["table"] as? String == table }?["columns"] as? [[String: Any]])
      return try #require(columns.first { $0["column"] as? String == name })
    }
    let opened = try column("tickets", "Opened At")
    #expect(opened["type"] as? String == "timestamp")
    #expect(opened["fields"] as? [String] == ["opened"])
    #expect((opened["why"] as? [String: Any])?["source"] as? String == "declared")
    let csat = try column("tickets", "CSAT")
    #expect(csat["type"] as? String == "integer")
    #expect(csat["nulls"] as? Int == 358)
    let name = try column("customers", "Name")
    #expect((name["examples"] as? [String])?.first == "Zoë Adler")
    let total = try column("orders", "Total Charges")
    #expect(total["type"] as? String == "decimal")
    #expect(total["fields"] as? [String] == ["total"])
    #expect(tables.allSatisfy { $0["rows_set_aside"] as? Int == 0 })
  }
}
