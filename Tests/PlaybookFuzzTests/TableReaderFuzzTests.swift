import Foundation
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine
@testable import PlaybookLanguage

/// Mutated CSV and JSON Lines files must each give a table or a load error — never a
/// crash — and the same one however the file is split into chunks.
@Suite struct TableReaderFuzzTests {
  /// The first lines of the example data, clean and flawed.
  static func seeds(_ suffix: String) throws -> [[UInt8]] {
    let folders = ["Examples/data", "Examples/flawed-data", "Examples/fixtures"]
    var out: [[UInt8]] = []
    for folder in folders {
      for name in (try? Repository.files(in: folder, ending: suffix)) ?? [] {
        let text = try String(contentsOfFile: Repository.path("\(folder)/\(name)\(suffix)"), encoding: .utf8)
        out.append(
          Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).joined(separator: "\n").utf8))
      }
    }
    return out
  }

  @Test(arguments: [TableFormat.csv, .jsonLines])
  func mutatedFilesReadTheSameInAnyChunksAndNeverCrash(format: TableFormat) throws {
    let seeds = try Self.seeds(format == .csv ? ".csv" : ".jsonl")
    try #require(!seeds.isEmpty)
    var mutator = Mutator(seed: FuzzSettings.seed &+ (format == .csv ? 1 : 2))
    var tables = 0
    for iteration in 0..<FuzzSettings.iterations {
      let bytes = mutator.mutateBytes(mutator.pick(seeds))
      let declared: [String: ColumnType] = mutator.chance(20) ? ["id": .text, "csat": .integer] : [:]
      let one = Self.read(bytes, format: format, declared: declared, chunks: 1)
      let some = Self.read(bytes, format: format, declared: declared, chunks: mutator.int(2..<6))
      if case .table = one { tables += 1 }
      #expect(
        one == some,
        "seed \(FuzzSettings.seed) iteration \(iteration): chunks disagree on \(String(decoding: bytes, as: UTF8.self).debugDescription)"
      )
    }
    // The mutations must leave most files readable, or the readers' insides go untried.
    #expect(tables > FuzzSettings.iterations / 4)
  }

  /// A table as text (names, types, cells, rows set aside), or the load error's message.
  enum Outcome: Equatable {
    case table([String], [ColumnType], [[String?]], [SetAsideRow])
    case error(String)
  }

  static func read(_ bytes: [UInt8], format: TableFormat, declared: [String: ColumnType], chunks: Int) -> Outcome {
    do {
      let (table, setAside) = try TableReader.read(
        FileBytes(copying: bytes), format: format, name: "t", file: "t", declaredTypes: declared,
        chunkCount: chunks)
      #expect(table.lines.count == table.rowCount)
      let cells = (0..<table.rowCount).map { row in table.columns.map { $0.cellText(row) } }
      return .table(table.columns.map(\.name), table.columns.map(\.type), cells, setAside)
    } catch {
      return .error(error.description)
    }
  }
}

extension Column {
  /// The value of `row` as text (nil for null).
  func cellText(_ row: Int) -> String? {
    if nulls.isNull(row) { return nil }
    switch values {
    case .integer(let v): return String(v[row])
    case .decimal(let v): return String(v[row])
    case .boolean(let v): return String(v[row])
    case .timestamp(let v): return Timestamp.format(v[row])
    case .text(let v): return v.string(row)
    }
  }
}
