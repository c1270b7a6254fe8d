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
    #expect(customers.first?.count == 12)
    #expect(customers.count == 501)
    #expect(customers.allSatisfy { $0.count == 12 })
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

  /// `first_name` is the name's first name (a few empty); `tz` is an IANA zone of the
  /// customer's country for most, a zone abroad, empty or not a zone for a few.
  @Test func firstNamesAndTimeZonesAreSpreadAsDocumented() throws {
    let folder = try generate(["--customers", "5000", "--seed", "3"])
    let customers = records(try contents(folder, "customers.csv")).dropFirst()
    #expect(customers.first.map { [$0[1], $0[10], $0[11]] } == ["Zoë Adler", "Zoë", "America/New_York"])
    let named = customers.filter { !$0[10].isEmpty }
    #expect(named.allSatisfy { $0[1].hasPrefix($0[10]) || $0[1].contains(", " + $0[10]) })
    let blankNames = customers.count - named.count
    #expect(blankNames > 100 && blankNames < 200, "about 3% of 5000: \(blankNames)")
    #expect(Set(named.map { $0[10] }).isSuperset(of: ["Zoë", "José", "Łukasz"]))
    var zones: [String: Int] = [:]
    for customer in customers { zones[customer[11], default: 0] += 1 }
    #expect((zones[""] ?? 0) > 100 && (zones[""] ?? 0) < 200, "about 3% empty")
    let odd = (zones["EST"] ?? 0) + (zones["Mars/Base"] ?? 0) + (zones["Pacific Time"] ?? 0)
    #expect(odd > 10 && odd < 60, "about 0.6% not a zone: \(odd)")
    for zone in [
      "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
      "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney",
    ] {
      #expect((zones[zone] ?? 0) > 10, "\(zone)")
    }
    #expect((zones["America/New_York"] ?? 0) > (zones["America/Denver"] ?? 0))
    // A US customer is in a US zone unless abroad, blank or odd.
    let usZones = customers.filter { $0[8] == "US" }.map { $0[11] }
    let inUS = usZones.filter { $0.hasPrefix("America/") }.count
    #expect(Double(inUS) / Double(usZones.count) > 0.9)
  }

  /// The added columns draw from their own stream: the columns before them, and every
  /// other file, are what they were before `first_name` and `tz` existed.
  @Test func addedColumnsLeaveTheOthersAsTheyWere() throws {
    let folder = try generate(["--customers", "200", "--seed", "42"])
    let customers = records(try contents(folder, "customers.csv"))
    // C-0200's row before the columns were added (Examples/data at seed 42).
    #expect(
      Array(customers[200][0..<10]) == [
        "C-0200", "Olivia Chen", "olivia.chen.200@example.com", "+15554665861", "false", "true",
        "silver", "1580.03", "US", "2026-05-10T09:53:42Z",
      ])
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
