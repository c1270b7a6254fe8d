import Foundation
import PlayloopTestSupport
import Testing

@testable import playloop_data

/// `playloop-data --messy-headers`: the same data as a spreadsheet export would write
/// it, byte for byte the same for the same options, and meaning exactly the clean data.
@Suite final class MessyDataGeneratorTests {
  private var folders: [ScratchFolder] = []

  deinit { for folder in folders { folder.remove() } }

  func generate(_ arguments: [String]) throws -> String {
    let folder = try ScratchFolder("messy")
    folders.append(folder)
    try Fixtures.generateData(arguments, into: folder.path("data"))
    return folder.path("data")
  }

  func contents(_ folder: String, _ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
  }

  @Test func sameOptionsGiveTheSameBytes() throws {
    let a = try generate(["--customers", "300", "--seed", "7", "--messy-headers"])
    let b = try generate(["--customers", "300", "--seed", "7", "--messy-headers"])
    let c = try generate(["--customers", "300", "--seed", "8", "--messy-headers"])
    for name in Fixtures.dataFiles {
      #expect(try contents(a, name) == contents(b, name), "\(name)")
    }
    #expect(try contents(a, "tickets.csv") != contents(c, "tickets.csv"))
  }

  @Test func headersHaveSpacesAndCapitals() throws {
    let folder = try generate(["--customers", "50", "--seed", "3", "--messy-headers"])
    let headers = try ["customers.csv", "tickets.csv", "orders.csv"].map {
      try CSVRecords.parse(contents(folder, $0), delimiter: 59, latin1: $0 == "customers.csv")[0]
    }
    #expect(
      headers == [
        [
          "Customer ID", "Name", "Email", "Phone", "Email Opt In", "SMS Opt In", "Tier", "Lifetime Value",
          "Country", "Created At", "First Name", "Time Zone",
        ],
        [
          "Ticket ID", "Customer ID", "Kind", "Channel", "Subject", "Opened At", "First Response At",
          "Resolved At", "CSAT",
        ],
        ["Order ID", "Customer ID", "Total Charges", "Status", "Ordered At"],
      ])
  }

  /// Every messy field, read back with the load clauses the example playbook states
  /// (`;`, Latin-1, `NA` as null, `%Y/%m/%d %H:%M:%S`), is the clean field; a name
  /// character Latin-1 cannot hold reads `?`.
  @Test func messyDataMeansTheCleanData() throws {
    let options = ["--customers", "200", "--seed", "42"]
    let clean = try generate(options)
    let messy = try generate(options + ["--messy-headers"])
    #expect(try contents(clean, "calls.jsonl") == contents(messy, "calls.jsonl"))
    var latin1Names = 0
    var notAvailable = 0
    var slashed = 0
    for name in ["customers.csv", "tickets.csv", "orders.csv"] {
      let cleanRows = CSVRecords.parse(try contents(clean, name), delimiter: 44, latin1: false)
      let messyRows = CSVRecords.parse(try contents(messy, name), delimiter: 59, latin1: name == "customers.csv")
      try #require(cleanRows.count == messyRows.count, "\(name)")
      for (cleanRow, messyRow) in zip(cleanRows.dropFirst(), messyRows.dropFirst()) {
        try #require(cleanRow.count == messyRow.count)
        for (column, (want, got)) in zip(cleanRow, messyRow).enumerated() {
          var read = got
          if name == "tickets.csv", column == 8, got == "NA" {
            read = ""
            notAvailable += 1
          }
          if name == "tickets.csv", (5...7).contains(column), !got.isEmpty {
            #expect(got.count == 19 && got.contains("/"), "\(got)")
            read = got.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "T") + "Z"
            slashed += 1
          }
          let expected =
            name == "customers.csv"
            ? String(String.UnicodeScalarView(want.unicodeScalars.map { $0.value <= 0xFF ? $0 : "?" })) : want
          if expected != want { latin1Names += 1 }
          #expect(read == expected, "\(name) column \(column)")
        }
      }
    }
    // The messiness is really there.
    #expect(latin1Names > 0)
    #expect(notAvailable > 100)
    #expect(slashed > 1000)
    let customers = try contents(messy, "customers.csv")
    #expect(String(data: customers, encoding: .utf8) == nil, "customers.csv is Latin-1, not UTF-8")
    #expect(customers.contains(Data("Zo\u{EB} Adler".unicodeScalars.map { UInt8($0.value) })))
  }

  @Test func flawsAndMessyHeadersDoNotGoTogether() throws {
    let folder = try ScratchFolder("messy")
    defer { folder.remove() }
    let run = try ChildProcess.run(
      BuiltProduct.playloopData,
      ["--customers", "10", "--seed", "1", "--flaws", "--messy-headers", "--out", folder.path("data")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--flaws and --messy-headers do not go together"))
  }

  @Test func exampleMessyDataIsWhatTheReadmeCommandMakes() throws {
    let folder = try generate(["--customers", "200", "--seed", "42", "--messy-headers"])
    for name in Fixtures.dataFiles {
      let committed = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Examples/messy/" + name)))
      #expect(try contents(folder, name) == committed, "\(name)")
    }
  }
}
