import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Third-party CSV test files (see CSVConformance/README.md): csv-spectrum's expected
/// JSON, and what we do with each csv-parser and csvlint fixture.
@Suite struct CSVConformanceTests {
  static let folder = Repository.path("Tests/PlaybookEngineTests/CSVConformance")

  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
  }

  /// Every field's text as read, null as "", ignoring types.
  static func records(_ path: String) throws -> (names: [String], rows: [[String]], setAside: [Int]) {
    let raw = try TableReader.readRaw(FileBytes(copying: try bytes(path)), format: .csv, file: path, declaredTypes: [:])
    let columns = try raw.names.indices.map { c throws(LoadError) in try ColumnBuilder.text(raw, column: c, file: path)
    }
    let rows = (0..<raw.rowCount).map { row in columns.map { $0.string(row) } }
    let setAside = TableReader.setAside(raw, name: "t", file: path).map(\.line)
    return (raw.names, rows, setAside)
  }

  /// csv-spectrum's cases, each a CSV and the JSON it must read as.
  static let spectrum = [
    "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
    "quotes_and_newlines", "simple", "simple_crlf", "utf8",
  ]

  /// location_coordinates.json disagrees with its CSV upstream (see the README).
  static let brokenUpstream = ["csv-spectrum/csvs/location_coordinates.csv"]

  /// Every CSV in the suites is checked by one of the tests below (or is known broken),
  /// so a fixture added or renamed cannot go unread.
  @Test func everyFixtureIsChecked() throws {
    let files = try FileManager.default.subpathsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".csv") }
    let checked =
      Self.spectrum.map { "csv-spectrum/csvs/\($0).csv" } + Self.read.map(\.path) + Self.refused
      + Self.brokenUpstream
    #expect(files.count == 34)
    #expect(Set(files) == Set(checked))
    #expect(checked.count == Set(checked).count)
  }

  @Test(arguments: spectrum)
  func csvSpectrum(_ name: String) throws {
    let expected = try #require(
      try JSONSerialization.jsonObject(with: Data(try Self.bytes("csv-spectrum/json/\(name).json")))
        as? [[String: String]])
    let read = try Self.records("csv-spectrum/csvs/\(name).csv")
    #expect(read.setAside.isEmpty)
    let objects = read.rows.map { Dictionary(uniqueKeysWithValues: zip(read.names, $0)) }
    #expect(objects == expected)
  }

  /// Fixtures we read: their rows, and the lines of those set aside.
  static let read: [(path: String, rows: [[String]], setAsideLines: [Int])] = [
    ("csv-parser_fixtures/escape-quotes.csv", [["1", "ha \"ha\" ha"], ["2", "\"\""], ["3", "4"]], [Int]()),
    ("csv-parser_fixtures/quotes+newlines.csv", [["1", "ha \n\"ha\" \nha"], ["2", " \n\"\" \n"], ["3", "4"]], []),
    ("csv-parser_fixtures/mac-newlines.csv", [["1", "2", "3"], ["Once upon\ra time", "5", "6"]], []),
    // UTF-16 with a byte-order mark is transcoded (issue 12); 0x02A4 is 'ʤ'.
    ("csv-parser_fixtures/utf16.csv", [["1", "2", "3"], ["4", "5", "ʤ"]], []),
    ("csv-parser_fixtures/utf16-big.csv", [["1", "2", "3"], ["4", "5", "ʤ"]], []),
    // Empty header names are named by position (column_1), with a warning (issue 12).
    ("csv-parser_fixtures/bad-data.csv", [["", "nope", ""], ["yes", "yup", "yeah"], ["ok", "ok", "ok!"]], []),
    ("csv-parser_fixtures/empty-columns.csv", [["2007-01-02", "", ""]], []),
    (
      "csvlint_fixtures/title-row.csv",
      [["Foo", "Bsr", "Baz"], ["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]],
      []
    ),
    ("csv-parser_fixtures/no-headers.csv", [["1", "2", "3"], ["4", "5", "6"]], [4]),
    ("csv-parser_fixtures/strict-false-less-columns.csv", [["1", "2", "3"], ["6", "7", "8"]], [3]),
    ("csv-parser_fixtures/strict-false-more-columns.csv", [["1", "2", "3"], ["8", "9", "10"]], [3]),
    ("csvlint_fixtures/cr-line-endings.csv", [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]], []),
    ("csvlint_fixtures/crlf-line-endings.csv", [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]], []),
    ("csvlint_fixtures/lf-line-endings.csv", [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]], []),
    ("csvlint_fixtures/inconsistent-line-endings.csv", [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]], []),
    (
      "csvlint_fixtures/inconsistent-line-endings-unquoted.csv",
      [["Biff", "Baff", "Boff"], ["Qux", "Teaspoon", "Doge"]], []
    ),
    ("csvlint_fixtures/windows-line-endings.csv", [["d", "e", "f"]], []),
    ("csvlint_fixtures/valid.csv", [["1", "2", "3"], ["3", "2", "1"]], []),
    (
      "csvlint_fixtures/valid_many_rows.csv",
      Array(repeating: [["1", "2", "3"], ["3", "2", "1"]], count: 3).flatMap { $0 }, []
    ),
    (
      "csvlint_fixtures/invalid_many_rows.csv",
      [
        ["1", "2", "3"], ["3", "2", "1"], ["3", "two", "1"], ["1", "2", "3"], ["3", "2", "1"], ["3", "2", "1"],
        ["3", "2", "1"], ["", "", ""], ["3", "2", "1"],
      ],
      [4]
    ),
  ]

  @Test(arguments: read)
  func fixtureIsRead(_ path: String, rows: [[String]], setAsideLines: [Int]) throws {
    let read = try Self.records(path)
    #expect(read.rows == rows)
    #expect(read.setAside == setAsideLines)
  }

  /// Files we refuse outright, with a message naming the file: bytes that are not UTF-8
  /// (a Latin-1 header, a Latin-1 byte on line 3).
  static let refused = ["csvlint_fixtures/invalid-byte-sequence.csv", "csv-parser_fixtures/latin.csv"]

  @Test(arguments: refused)
  func fixtureIsRefused(_ path: String) throws {
    let bytes = try Self.bytes(path)
    let error = #expect(throws: LoadError.self) {
      try TableReader.readRaw(FileBytes(copying: bytes), format: .csv, file: path, declaredTypes: [:])
    }
    #expect(error?.kind == .badFormat)
    #expect(error?.file == path)
    #expect(error?.hint?.hasSuffix("add encoding \"latin1\" to its load") == true)
  }

  /// The names a header without names gets, and its warning.
  @Test func emptyHeaderNamesAreNamedByPosition() throws {
    let path = "csvlint_fixtures/title-row.csv"
    let raw = try TableReader.readRaw(
      FileBytes(copying: try Self.bytes(path)), format: .csv, file: path, declaredTypes: [:])
    #expect(raw.names == ["This is a title row", "column_2", "column_3"])
    #expect(raw.warnings.map(\.message) == ["columns 2 and 3 have no name: read as column_2 and column_3"])
  }
}
