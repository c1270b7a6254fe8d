import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// Reading in parallel chunks must give exactly what one thread gives, however the
/// chunk boundaries fall: inside quotes, between CR and LF, on bad rows.
@Suite struct LoaderParallelTests {
  /// A deterministic CSV mixing every awkward shape.
  static let csv: [UInt8] = {
    var text = "id,note,n,when\r\n"
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for row in 0..<3000 {
      let note: String
      switch next(8) {
      case 0: note = "\"multi\nline, \"\"quoted\"\"\r\ntext\""
      case 1: note = ""
      case 2: note = "\"\""
      case 3: note = "stray\"quote"
      case 4: note = "\"unterminated"
      case 5: note = "plain é"
      default: note = "n\(row)"
      }
      let n = next(10) == 0 ? "x\(row)" : String(next(1000))
      let end = ["\n", "\r\n", "\r"][next(3)]
      let extra = next(50) == 0 ? ",extra" : ""
      text += "C-\(row),\(note),\(n),2026-11-\(10 + next(18))\(extra)\(end)"
      if next(40) == 0 { text += end }
    }
    return Array(text.utf8)
  }()

  static func same(_ a: (table: Table, setAside: [SetAsideRow]), _ b: (table: Table, setAside: [SetAsideRow])) {
    #expect(a.table.names == b.table.names)
    #expect(a.table.types == b.table.types)
    #expect(a.table.lines == b.table.lines)
    #expect(a.table.cells == b.table.cells)
    #expect(a.setAside == b.setAside)
  }

  @Test(arguments: [2, 3, 7, 16, 61])
  func csvChunksMatchOneThread(_ chunks: Int) throws {
    let one = try readTable(Self.csv, chunks: 1)
    #expect(one.table.rowCount > 1000)
    #expect(!one.setAside.isEmpty)
    Self.same(try readTable(Self.csv, chunks: chunks), one)
  }

  /// A mapped file whose chunks let their pages go once read (and whose bad rows make
  /// the reader fall back and read the rest again) reads as a copy in one chunk does.
  @Test(arguments: [3, 16])
  func mappedFileChunksMatchOneThread(_ chunks: Int) throws {
    let folder = try ScratchFolder("parallel")
    defer { folder.remove() }
    let path = folder.path("t.csv")
    try Data(Self.csv).write(to: URL(fileURLWithPath: path))
    let mapped = try TableReader.read(
      FileBytes.read(path), format: .csv, name: "t", file: "t.csv", chunkCount: chunks)
    Self.same(mapped, try readTable(Self.csv, chunks: 1))
  }

  @Test(arguments: [2, 5, 33])
  func csvWithoutBadRowsSplitsWithoutFallingBack(_ chunks: Int) throws {
    var text = "a,b\n"
    for row in 0..<2000 { text += row % 3 == 0 ? "\(row),\"x\ny,\"\"z\"\"\"\n" : "\(row),plain\r\n" }
    let bytes = Array(text.utf8)
    let raw = try TableReader.readRaw(
      FileBytes(copying: bytes), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: chunks)
    #expect(raw.chunks.count == chunks)
    Self.same(try readTable(bytes, chunks: chunks), try readTable(bytes, chunks: 1))
  }

  /// Where most line ends are inside quoted fields, most even splits fall inside one:
  /// each chunk still starts at a record, and there are as many chunks.
  @Test(arguments: [2, 7, 16])
  func splitsInsideQuotedLinesMatchOneThread(_ chunks: Int) throws {
    var text = "id,note,n\n"
    for row in 0..<1500 {
      let lines = (0..<(row % 9)).map { "line \($0), \"\"of\"\" \(row)" }.joined(separator: "\n")
      text += "\(row),\"\(lines)\",\(row % 7)\n"
    }
    let bytes = Array(text.utf8)
    let one = try readTable(bytes, chunks: 1)
    #expect(one.table.rowCount == 1500)
    #expect(one.setAside.isEmpty)
    let raw = try TableReader.readRaw(
      FileBytes(copying: bytes), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: chunks)
    #expect(raw.chunks.count == chunks)
    #expect(raw.chunks.allSatisfy { $0.setAside.isEmpty })
    Self.same(try readTable(bytes, chunks: chunks), one)
  }

  /// One quoted field whose lines span several even splits: the chunks those splits
  /// would start are empty, and the field is read whole by the chunk it starts in.
  @Test(arguments: [4, 12])
  func oneFieldOverSeveralChunks(_ chunks: Int) throws {
    var text = "id,note\n"
    for row in 0..<300 { text += "\(row),short \(row)\n" }
    text += "300,\"" + (0..<2000).map { "inside \($0), still \"\"quoted\"\"" }.joined(separator: "\n") + "\"\n"
    for row in 301..<600 { text += "\(row),short \(row)\n" }
    let bytes = Array(text.utf8)
    let one = try readTable(bytes, chunks: 1)
    #expect(one.table.rowCount == 600)
    #expect(one.setAside.isEmpty)
    Self.same(try readTable(bytes, chunks: chunks), one)
  }

  @Test(arguments: [2, 3, 9, 40])
  func jsonLinesChunksMatchOneThread(_ chunks: Int) throws {
    var text = ""
    for row in 0..<2000 {
      switch row % 7 {
      case 0: text += "{\"id\": \"K-\(row)\", \"late_key_\(row % 5)\": \(row)}\n"
      case 1: text += "not json\n"
      case 2: text += "\r\n"
      default: text += "{\"id\": \"K-\(row)\", \"n\": \(row).5, \"s\": \"a\\nb\"}\r\n"
      }
    }
    let bytes = Array(text.utf8)
    let one = try readTable(bytes, format: .jsonLines, chunks: 1)
    #expect(one.table.names.count == 8)
    Self.same(try readTable(bytes, format: .jsonLines, chunks: chunks), one)
  }
}
