import Foundation
import PlayloopTestSupport
import Testing

@testable import playloop_data

/// Runs the built `playloop-data` binary (build it first: `swift build`) and checks the
/// files it writes: determinism, shape, personas, flaws, and that Examples/data is what
/// the documented command makes.
@Suite final class DataGeneratorTests {
  static let files = Fixtures.dataFiles

  /// Folders made by this test, removed with it.
  private var folders: [ScratchFolder] = []

  /// Generates into a fresh temporary folder and returns its path.
  func generate(_ arguments: [String]) throws -> String {
    let folder = try ScratchFolder("data")
    folders.append(folder)
    try Fixtures.generateData(arguments, into: folder.path("data"))
    return folder.path("data")
  }

  func contents(_ folder: String, _ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
  }

  /// RFC 4180 records of a CSV file, header first.
  func records(_ data: Data) -> [[String]] { CSVRecords.parse(data, delimiter: 44, latin1: false) }

  @Test func sameOptionsGiveTheSameBytes() throws {
    let a = try generate(["--customers", "300", "--seed", "7"])
    let b = try generate(["--customers", "300", "--seed", "7"])
    let c = try generate(["--customers", "300", "--seed", "8"])
    for name in Self.files {
      #expect(try contents(a, name) == contents(b, name), "\(name)")
    }
    #expect(try contents(a, "tickets.csv") != contents(c, "tickets.csv"))
  }

  @Test func filesHaveTheDocumentedShape() throws {
    let folder = try generate(["--customers", "500", "--seed", "3"])
    let customers = records(try contents(folder, "customers.csv"))
    let tickets = records(try contents(folder, "tickets.csv"))
    let orders = records(try contents(folder, "orders.csv"))
    #expect(customers.first?.count == 10)
    #expect(customers.count == 501)
    #expect(customers.allSatisfy { $0.count == 10 })
    #expect(tickets.allSatisfy { $0.count == 9 })
    #expect(orders.count > 500)
    #expect(orders.allSatisfy { $0.count == 5 })
    let ids = Set(customers.dropFirst().map { $0[0] })
    #expect(ids.contains("C-0500") && ids.count == 500)
    #expect(tickets.dropFirst().allSatisfy { ids.contains($0[1]) })
    let perCustomer = Double(tickets.count - 1) / 500
    #expect(perCustomer > 4 && perCustomer < 6)
    // Every event is before the clock, and time-ordered.
    let opened = tickets.dropFirst().map { $0[5] }
    #expect(opened == opened.sorted())
    #expect(opened.allSatisfy { $0.hasSuffix("Z") && $0 < "2026-11-01T00:00:00Z" })
    #expect(tickets.dropFirst().allSatisfy { $0[7].isEmpty || $0[7] < "2026-11-01T00:00:00Z" })
    // Quoting is exercised: names with commas or quotes, subjects with line breaks.
    #expect(customers.contains { $0[1].contains(",") || $0[1].contains("\"") })
    #expect(tickets.contains { $0[4].contains("\n") })
    // Consent mix: some customers can be reached by neither channel.
    #expect(customers.dropFirst().contains { $0[4] == "false" && $0[5] == "false" })
    let calls = try String(decoding: contents(folder, "calls.jsonl"), as: UTF8.self)
    let lines = calls.split(separator: "\n")
    for line in lines {
      #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
    #expect(lines.contains { $0.lowercased().contains("cancel") })
  }

  @Test func personasFollowTheClock() throws {
    let folder = try generate(
      ["--customers", "30", "--seed", "1", "--as-of", "2026-06-15T00:00:00Z"])
    let tickets = records(try contents(folder, "tickets.csv"))
    let zoe = try #require(tickets.first { $0[1] == "C-0001" })
    #expect(
      Array(zoe[2...8]) == [
        "complaint", "email", "Order #10001 arrived damaged", "2026-06-05T09:00:00Z",
        "2026-06-05T09:20:00Z", "2026-06-05T10:30:00Z", "5",
      ])
    let anais = try #require(tickets.first { $0[1] == "C-0010" })
    #expect(anais[5] == "2026-06-08T09:00:00Z" && anais[7] == "2026-06-08T13:00:01Z")
  }

  @Test func flawsAreOnlyMadeWhenAsked() throws {
    let folder = try generate(["--customers", "200", "--seed", "42", "--flaws"])
    let tickets = records(try contents(folder, "tickets.csv"))
    #expect(tickets.filter { $0.count != 9 }.count == 1)
    #expect(tickets.contains { $0[1] == "C-0201" })
    let clean = records(try contents(try generate(["--customers", "200", "--seed", "42"]), "tickets.csv"))
    #expect(clean.count > 200)
    #expect(clean.allSatisfy { $0.count == 9 && $0[1] != "C-0201" })
  }

  @Test func exampleDataIsWhatTheReadmeCommandMakes() throws {
    let folder = try generate(["--customers", "200", "--seed", "42"])
    for name in Self.files {
      let committed = try Data(contentsOf: URL(fileURLWithPath: Repository.exampleData + "/" + name))
      #expect(try contents(folder, name) == committed, "\(name)")
    }
  }
}
