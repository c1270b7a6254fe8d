import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Synchronization
import Testing

@testable import PlaybookEngine

/// Snapshots (docs/SNAPSHOT.md): a table read from its snapshot is the table read from
/// its file, and a snapshot that no longer matches its file, or is damaged, or was
/// written by another version, is never trusted.
@Suite struct SnapshotTests {
  /// Messy data: a header with spaces and a repeated name, a column inferred as text for
  /// one misfit, a null token, a row with too many fields, an unknown customer, a ticket
  /// key repeated, a resolution before its opening, and a JSON Lines file.
  static let files = [
    "customers.csv": "id, tier ,score,score,ltv\nC-1,gold,1,2,1200\nC-2,silver,3,4,35\nC-3,,5,6,80\n"
      + "C-4,bronze,7,8,12x\nC-5,gold,9,10,NA\n",
    "tickets.csv": "id,customer_id,opened_at,resolved_at,kind,csat\n"
      + "T-1,C-1,2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,complaint,2\n"
      + "T-2,C-9,2026-10-01T10:00:00Z,,complaint,1\n"
      + "T-3,C-2,2026-10-03T10:00:00Z,2026-10-01T10:00:00Z,question,5\n"
      + "T-1,C-3,2026-10-04T10:00:00Z,,complaint,3\n"
      + "T-4,C-4,2026-10-05T10:00:00Z,,complaint,4,extra\n"
      + "T-5,C-5,2026-10-06T10:00:00Z,,question,\n",
    "calls.jsonl": "{\"id\": \"K-1\", \"customer_id\": \"C-1\", \"minutes\": 12.5}\n"
      + "{\"id\": \"K-2\", \"customer_id\": \"C-7\", \"minutes\": 3}\n{\"id\": \"K-3\", \"customer_id\": \"C-2\"}\n",
  ]

  let folder: ScratchFolder
  let cacheFolder: ScratchFolder

  init() throws {
    folder = try ScratchFolder("snapshot", files: Self.files)
    cacheFolder = try ScratchFolder("snapshot-cache")
  }

  var cache: SnapshotCache { SnapshotCache(folder: cacheFolder.path("cache"), programVersion: "test 1") }

  func load(_ cache: SnapshotCache?) throws -> Dataset {
    var customers = TableSpec(name: "customers", path: folder.path("customers.csv"))
    customers.nullTokens = ["NA"]
    var tickets = TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")
    tickets.lifecycleColumns = TableBinding.lifecycleDefaults
    var calls = TableSpec(name: "calls", path: folder.path("calls.jsonl"), linkColumn: "customer_id")
    calls.lifecycleColumns = TableBinding.lifecycleDefaults
    return try DatasetLoader.load(customers: customers, events: [tickets, calls], strict: false, cache: cache)
  }

  func uses(_ data: Dataset) -> [SnapshotUse] { data.loads.map(\.snapshot) }

  /// The snapshot files written, by table name.
  func snapshot(_ table: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
    return cache.folder + "/" + (try #require(names.first { $0.hasPrefix(table + "-") && $0.hasSuffix(".snapshot") }))
  }

  @Test func theChecksumIsXXH64() {
    // The reference values of XXH64 with seed 0.
    #expect(SnapshotChecksum.of(UnsafeRawBufferPointer(start: nil, count: 0)) == 0xEF46_DB37_51D8_E999)
    #expect(Array("a".utf8).withUnsafeBytes(SnapshotChecksum.of) == 0xD24E_C4F1_A98C_6E5B)
    #expect(Array("abc".utf8).withUnsafeBytes(SnapshotChecksum.of) == 0x44BC_2CF5_AD77_0999)
  }

  @Test func theChecksumDoesNotDependOnHowTheBytesAreCutAndSeesEveryBitFlipped() {
    var generator = SeededGenerator(seed: 7)
    let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes.withUnsafeBytes { all in
      let whole = SnapshotChecksum.of(all)
      for cut in [1, 31, 32, 33, 500, 999] {
        var pieces = SnapshotChecksum()
        pieces.combine(.init(rebasing: all[0..<cut]))
        pieces.combine(.init(rebasing: all[cut...]))
        #expect(pieces.value == whole, "cut at \(cut)")
      }
      #expect(SnapshotChecksum.of(.init(rebasing: all[0..<999])) != whole)
    }
    var seen: Set<UInt64> = []
    for bit in 0..<(bytes.count * 8) {
      var flipped = bytes
      flipped[bit / 8] ^= 1 << UInt8(bit % 8)
      seen.insert(flipped.withUnsafeBytes(SnapshotChecksum.of))
    }
    #expect(seen.count == bytes.count * 8)
    #expect(!seen.contains(bytes.withUnsafeBytes(SnapshotChecksum.of)))
  }

  @Test func aWarmLoadIsTheColdLoad() throws {
    let cold = try load(nil)
    let first = try load(cache)
    #expect(uses(cold) == [.off, .off, .off])
    #expect(uses(first) == [.written(.missing), .written(.missing), .written(.missing)])
    let linksFiles = try FileManager.default.contentsOfDirectory(atPath: cache.folder).filter { $0.hasSuffix(".links") }
    #expect(linksFiles.map { $0.prefix { $0 != "-" } }.sorted() == ["calls", "tickets"])
    let written = try linksFiles.map {
      try FileManager.default.attributesOfItem(atPath: cache.folder + "/" + $0)[.modificationDate] as? Date
    }
    let warm = try load(cache)
    #expect(uses(warm) == [.read, .read, .read])
    let kept = try linksFiles.map {
      try FileManager.default.attributesOfItem(atPath: cache.folder + "/" + $0)[.modificationDate] as? Date
    }
    #expect(kept == written, "the warm load read the links and wrote none")
    #expect(cold.setAside.count == 5)
    #expect(cold.warnings.count == 1)
    #expect(cold.customers.columns[4].textReason != nil)
    #expect(DatasetDump.text(warm) == DatasetDump.text(cold))
    #expect(DatasetDump.text(first) == DatasetDump.text(cold))
  }

  @Test func aTableOfManyRowsIsReadBack() throws {
    // More rows than the table's description has bytes, and text longer than a block.
    var customers = "id,score,note,tag\n"
    for n in 0..<5000 {
      customers +=
        "C-\(n),\(n % 7 == 0 ? "" : String(n)),\(String(repeating: "x", count: n % 90)),a longer tag number \(n % 300)\n"
    }
    try folder.write(customers, to: "many.csv")
    let spec = TableSpec(name: "customers", path: folder.path("many.csv"))
    let cold = try DatasetLoader.load(customers: spec, events: [], strict: false)
    _ = try DatasetLoader.load(customers: spec, events: [], strict: false, cache: cache)
    let warm = try DatasetLoader.load(customers: spec, events: [], strict: false, cache: cache)
    #expect(uses(warm) == [.read])
    #expect(warm.customers.rowCount == 5000)
    // The notes (90 distinct) and tags (300) are kept once each, numbered in one byte
    // and in two, and read back so.
    for data in [cold, warm] {
      guard case .text(let notes) = data.customers.columns[2].values,
        case .text(let tags) = data.customers.columns[3].values
      else {
        Issue.record("note and tag are text")
        return
      }
      guard case .bytes = notes.codes, case .halves = tags.codes else {
        Issue.record("one-byte notes and two-byte tags, not \(String(describing: (notes.codes, tags.codes)))")
        return
      }
      #expect(notes.ends.count == 90)
      #expect(tags.ends.count == 300)
    }
    #expect(DatasetDump.text(warm) == DatasetDump.text(cold))
  }

  @Test func aWarmLoadTellsProgressOfAsManyRowsAsAColdOne() throws {
    func rows(_ cache: SnapshotCache?) throws -> (rows: Int, steps: [WorkStep]) {
      let recorder = LoadProgressTests.Recorder()
      var tickets = TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")
      tickets.lifecycleColumns = TableBinding.lifecycleDefaults
      _ = try DatasetLoader.load(
        customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: [tickets],
        strict: false, progress: recorder, cache: cache)
      return (recorder.rows.load(ordering: .relaxed), recorder.steps.withLock { $0 })
    }
    let cold = try rows(nil)
    _ = try rows(cache)
    let warm = try rows(cache)
    #expect(warm.rows == cold.rows)
    #expect(warm.steps == cold.steps)
  }

  @Test func aGzipFileIsSnapshottedToo() throws {
    let gz = folder.path("calls.jsonl.gz")
    let gzip = try ChildProcess.run("/bin/sh", ["-c", "gzip -c '\(folder.path("calls.jsonl"))' > '\(gz)'"])
    #expect(gzip.status == 0)
    let spec = TableSpec(name: "calls", path: gz, linkColumn: "customer_id")
    let customers = TableSpec(name: "customers", path: folder.path("customers.csv"))
    let cold = try DatasetLoader.load(customers: customers, events: [spec], strict: false)
    _ = try DatasetLoader.load(customers: customers, events: [spec], strict: false, cache: cache)
    let warm = try DatasetLoader.load(customers: customers, events: [spec], strict: false, cache: cache)
    #expect(uses(warm) == [.read, .read])
    #expect(DatasetDump.text(warm) == DatasetDump.text(cold))
  }

  @Test func otherClausesHaveTheirOwnSnapshot() throws {
    _ = try load(cache)
    var customers = TableSpec(name: "customers", path: folder.path("customers.csv"))
    customers.nullTokens = ["n/a"]
    let other = try DatasetLoader.load(customers: customers, events: [], strict: false, cache: cache)
    #expect(uses(other) == [.written(.missing)])
    #expect(other.customers.columns[4].type == .text)
    #expect(
      DatasetDump.text(other)
        == DatasetDump.text(try DatasetLoader.load(customers: customers, events: [], strict: false)))
  }

  @Test func aChangedFileIsReadAgain() throws {
    _ = try load(cache)
    try folder.write(Self.files["tickets.csv"]!.replacingOccurrences(of: "T-5,C-5", with: "T-6,C-1"), to: "tickets.csv")
    let changed = try load(cache)
    #expect(uses(changed) == [.read, .written(.changed), .read])
    #expect(DatasetDump.text(changed) == DatasetDump.text(try load(nil)))
    #expect(uses(try load(cache)) == [.read, .read, .read])
  }

  @Test func aReplacedFileOfTheSameSizeAndTimeIsReadAgain() throws {
    _ = try load(cache)
    let path = folder.path("tickets.csv")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    // Another file renamed over it, with the same size and modification time.
    let other = folder.path("other.csv")
    try Data(Self.files["tickets.csv"]!.replacingOccurrences(of: "question", with: "feedback").utf8)
      .write(to: URL(fileURLWithPath: other))
    try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: other)
    #expect(rename(other, path) == 0)
    let replaced = try load(cache)
    #expect(uses(replaced) == [.read, .written(.changed), .read])
    #expect(DatasetDump.text(replaced).contains("feedback"))
    #expect(DatasetDump.text(replaced) == DatasetDump.text(try load(nil)))
  }

  @Test func aFileRewrittenInPlaceWithItsSizeAndTimeIsReadAgain() throws {
    _ = try load(cache)
    let path = folder.path("customers.csv")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seek(toOffset: UInt64(Self.files["customers.csv"]!.utf8.count - 3))
    try handle.write(contentsOf: Data("XX\n".utf8))
    try handle.close()
    try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: path)
    let rewritten = try load(cache)
    #expect(uses(rewritten) == [.written(.changed), .read, .read])
    #expect(DatasetDump.text(rewritten) == DatasetDump.text(try load(nil)))
  }

  @Test func linksFollowTheCustomersFile() throws {
    _ = try load(cache)
    // A new customer C-9: the tickets' snapshot still holds, their links do not.
    try folder.write(Self.files["customers.csv"]! + "C-9,gold,11,12,5\n", to: "customers.csv")
    let relinked = try load(cache)
    #expect(uses(relinked) == [.written(.appended), .read, .read])
    #expect(!relinked.setAside.contains { $0.reason.contains("C-9") })
    #expect(DatasetDump.text(relinked) == DatasetDump.text(try load(nil)))
    #expect(DatasetDump.text(try load(cache)) == DatasetDump.text(relinked))
  }

  @Test func aDamagedLinksFileIsBuiltAgain() throws {
    let cold = try load(nil)
    _ = try load(cache)
    let links = try snapshot("tickets").replacingOccurrences(of: ".snapshot", with: ".links")
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: links)))
    bytes[bytes.count - 40] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: links))
    #expect(DatasetDump.text(try load(cache)) == DatasetDump.text(cold))
    try Data().write(to: URL(fileURLWithPath: links))
    #expect(DatasetDump.text(try load(cache)) == DatasetDump.text(cold))
  }

  @Test func theKeyIndexIsKeptAndADamagedOneBuiltAgain() throws {
    // A key of another shape: the keys are not dense, so they are hashed (`KeyIndex`).
    try folder.write(Self.files["customers.csv"]! + "VIP-7,gold,11,12,5\n", to: "customers.csv")
    let cold = try load(nil)
    #expect(!cold.customerIndex.isDenseOnly)
    func numbers(_ data: Dataset) -> [Int32] {
      ["C-1", "C-2", "C-3", "C-4", "C-5", "C-9", ""].map { key in
        Array(key.utf8).withUnsafeBufferPointer { data.customerIndex.number(of: $0) }
      }
    }
    let expected = numbers(cold)
    #expect(expected.filter { $0 >= 0 }.count == 5)
    _ = try load(cache)
    let keys = try snapshot("customers").replacingOccurrences(of: ".snapshot", with: ".keys")
    #expect(FileManager.default.fileExists(atPath: keys))
    #expect(numbers(try load(cache)) == expected)
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: keys)))
    var bytes = original
    bytes[bytes.count - 40] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: keys))
    #expect(numbers(try load(cache)) == expected)
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: keys))) == original, "written again")
    try Data().write(to: URL(fileURLWithPath: keys))
    #expect(numbers(try load(cache)) == expected)
    #expect(DatasetDump.text(try load(cache)) == DatasetDump.text(cold))
  }

  /// Dense keys (`C-1` … `C-5`) are numbered again from the customers' snapshot: there is
  /// no hash table to keep, and no `.keys` file is written.
  @Test func denseKeysKeepNoKeyFile() throws {
    let cold = try load(nil)
    #expect(cold.customerIndex.isDenseOnly)
    _ = try load(cache)
    let keys = try snapshot("customers").replacingOccurrences(of: ".snapshot", with: ".keys")
    #expect(!FileManager.default.fileExists(atPath: keys))
    let warm = try load(cache)
    #expect(uses(warm) == [.read, .read, .read])
    #expect(warm.customerIndex.isDenseOnly)
    #expect(["C-1", "C-5", "C-6", "C-01", ""].map(warm.customerNumber) == [0, 4, nil, nil, nil])
    #expect(DatasetDump.text(warm) == DatasetDump.text(cold))
  }

  @Test func anAppendedFileIsToldApartAndReadWhole() throws {
    _ = try load(cache)
    let handle = try #require(FileHandle(forWritingAtPath: folder.path("tickets.csv")))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("T-7,C-2,2026-10-07T10:00:00Z,,complaint,1\n".utf8))
    try handle.close()
    let appended = try load(cache)
    #expect(uses(appended) == [.read, .written(.appended), .read])
    #expect(appended.events["tickets"]?.rowCount == 4)
    #expect(DatasetDump.text(appended) == DatasetDump.text(try load(nil)))
  }

  @Test(arguments: ["truncated", "flipped section", "flipped header", "empty"])
  func aDamagedSnapshotIsRebuilt(_ damage: String) throws {
    let cold = try load(nil)
    _ = try load(cache)
    let path = try snapshot("tickets")
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    switch damage {
    case "truncated": bytes.removeLast(100)
    case "flipped section": bytes[bytes.count - 70] ^= 0x10
    case "flipped header": bytes[40] ^= 0x01
    default: bytes = []
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let rebuilt = try load(cache)
    #expect(uses(rebuilt) == [.read, .written(.damaged), .read])
    #expect(DatasetDump.text(rebuilt) == DatasetDump.text(cold))
    #expect(uses(try load(cache)) == [.read, .read, .read])
  }

  @Test func everySectionIsChecked() throws {
    _ = try load(cache)
    let path = try snapshot("customers")
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    // One byte changed anywhere past the magic is noticed, in the header or a section.
    for offset in stride(from: 8, to: original.count, by: 61) {
      var bytes = original
      bytes[offset] ^= 0x04
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let use = try load(cache).loads[0].snapshot
      #expect(use != .read, "byte \(offset)")
    }
  }

  @Test func aSnapshotOfAnotherFormatOrProgramVersionIsRebuilt() throws {
    _ = try load(cache)
    let path = try snapshot("calls")
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[8] = 99
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(uses(try load(cache)) == [.read, .read, .written(.otherVersion)])
    let newer = SnapshotCache(folder: cache.folder, programVersion: "test 2")
    #expect(uses(try load(newer)) == Array(repeating: .written(.otherVersion), count: 3))
    #expect(uses(try load(newer)) == [.read, .read, .read])
  }

  @Test func anUnwritableCacheFolderStillLoads() throws {
    let blocked = cacheFolder.path("file")
    try cacheFolder.write("not a folder", to: "file")
    let cache = SnapshotCache(folder: blocked + "/cache", programVersion: "test 1")
    let data = try load(cache)
    for use in uses(data) {
      guard case .notWritten(.missing, let problem) = use else {
        Issue.record("expected no snapshot written, got \(use)")
        continue
      }
      #expect(problem.contains("cannot make the cache folder"))
    }
    #expect(DatasetDump.text(data) == DatasetDump.text(try load(nil)))
  }
}

/// A dataset as text, every value of every table, for comparing two loads.
enum DatasetDump {
  static func text(_ data: Dataset) -> String {
    var out = ""
    func table(_ table: Table) {
      out += "table \(table.name) \(table.file) rows \(table.rowCount) lines \(table.lines)\n"
      for column in table.columns {
        out += "  \(column.name) \(column.type) \(String(describing: column.textReason))\n   "
        out += " nulls \((0..<column.nulls.count).map { column.nulls.isNull($0) ? "1" : "0" }.joined())\n    "
        switch column.values {
        case .integer(let values): out += "\(values)"
        case .decimal(let values): out += "\(values)"
        case .boolean(let values): out += "\(values)"
        case .timestamp(let values): out += "\(values)"
        case .text(let values): out += "\((0..<values.count).map(values.string))"
        }
        out += "\n"
      }
    }
    table(data.customers)
    out += "ids \((0..<data.customerIDs.count).map(data.customerIDs.string))\n"
    for name in data.events.keys.sorted() {
      table(data.events[name]!)
      let link = data.links[name]!
      out += "link \(link.offsets) \(link.rows) \(link.customerOfRow)\n"
    }
    out += "set aside \(data.setAside)\nwarnings \(data.warnings)\nover \(data.overSetAsideLimit)\n"
    out += "loads \(data.loads.map { "\($0.table) \($0.file) \($0.bytes) \($0.rows)" })\n"
    return out
  }
}
