import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Synchronization
import Testing

@testable import PlaybookEngine

/// The next table is read while the loader finishes the one before (`TableReadAhead`):
/// progress still tells of one table after another, errors are the first table's in
/// load order, and a load that fails stops the read ahead.
@Suite struct TableReadAheadTests {
  /// What a progress sink was told, in order.
  final class Recorder: ProgressSink {
    enum Event: Equatable {
      case begin(String)
      case rows(Int)
      case fileRead
    }

    let events = Mutex<[Event]>([])

    func begin(_ step: WorkStep) {
      guard case .loading(let table, _, _) = step else { return }
      events.withLock { $0.append(.begin(table)) }
    }

    func advance(bytes: Int, rows: Int) { events.withLock { $0.append(.rows(rows)) } }
    var stopRequested: Bool { false }
    func fileRead() { events.withLock { $0.append(.fileRead) } }

    /// The rows told of while each table was the one begun last, by table.
    var rowsByTable: [(table: String, rows: Int)] {
      events.withLock { events in
        var tables: [(table: String, rows: Int)] = []
        for event in events {
          switch event {
          case .begin(let table): tables.append((table, 0))
          case .rows(let rows): tables[tables.count - 1].rows += rows
          case .fileRead: break
          }
        }
        return tables
      }
    }
  }

  static func csv(_ header: String, _ count: Int, _ row: (Int) -> String) -> String {
    header + "\n" + (0..<count).map { row($0) + "\n" }.joined()
  }

  static let files = [
    "customers.csv": csv("id,tier", 20_000) { "C-\($0),\(["gold", "silver"][$0 % 2])" },
    "tickets.csv": csv("id,customer_id,csat", 30_000) { "T-\($0),C-\($0 % 20_000),\($0 % 5)" },
    "orders.csv": csv("id,customer_id,total", 10_000) { "O-\($0),C-\($0 % 20_000),\($0).50" },
    "calls.jsonl": (0..<5000).map { "{\"id\": \"K-\($0)\", \"customer_id\": \"C-\($0)\"}\n" }.joined(),
  ]

  static func events(_ folder: ScratchFolder) -> [TableSpec] {
    [
      TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id"),
      TableSpec(name: "orders", path: folder.path("orders.csv"), linkColumn: "customer_id"),
      TableSpec(name: "calls", path: folder.path("calls.jsonl"), linkColumn: "customer_id"),
    ]
  }

  /// Every table's rows are told after its own step and before the next one's, though
  /// the next table was read meanwhile.
  @Test func eachTableTellsItsRowsAfterItsOwnStep() throws {
    let folder = try ScratchFolder("readahead", files: Self.files)
    defer { folder.remove() }
    let recorder = Recorder()
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: Self.events(folder),
      strict: false, progress: recorder)
    #expect(data.events.values.map(\.rowCount).sorted() == [5000, 10_000, 30_000])
    let told = recorder.rowsByTable
    #expect(told.map(\.table) == ["customers", "tickets", "orders", "calls"])
    #expect(told.map(\.rows) == [20_000, 30_000, 10_000, 5000])
  }

  /// Both the customers and a later table are wrong: the error is the customers', as
  /// when the tables were read one after another; then the orders' before the calls'.
  @Test func theErrorIsTheFirstTablesInLoadOrder() throws {
    var files = Self.files
    files["customers.csv"] = "id,tier\nC-1,gold\nC-1,silver\n"
    files["orders.csv"] = "id,buyer\nO-1,C-1\n"
    let folder = try ScratchFolder("readahead", files: files)
    defer { folder.remove() }
    let customers = TableSpec(name: "customers", path: folder.path("customers.csv"))
    let first = #expect(throws: LoadError.self) {
      try DatasetLoader.load(customers: customers, events: Self.events(folder), strict: false)
    }
    #expect(first?.kind == .badKey)
    #expect(first?.file == folder.path("customers.csv"))
    try "id,tier\nC-1,gold\n".write(toFile: folder.path("customers.csv"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: folder.path("calls.jsonl"))
    let second = #expect(throws: LoadError.self) {
      try DatasetLoader.load(customers: customers, events: Self.events(folder), strict: false)
    }
    #expect(second?.kind == .unknownColumn)
    #expect(second?.file == folder.path("orders.csv"))
  }

  /// A file's reader says when the file is read, after its rows and before its table
  /// is built, once: CSV and JSON Lines alike.
  @Test(arguments: ["tickets.csv", "calls.jsonl"])
  func readingAFileSaysWhenItIsRead(_ name: String) throws {
    let folder = try ScratchFolder("readahead", files: Self.files)
    defer { folder.remove() }
    let recorder = Recorder()
    _ = try TableReader.readRaw(
      FileBytes.read(folder.path(name)), format: TableFormat(path: name), file: name, declaredTypes: [:],
      progress: recorder)
    let events = recorder.events.withLock { $0 }
    #expect(events.last == .fileRead)
    #expect(events.filter { $0 == .fileRead }.count == 1)
    #expect(events.contains { if case .rows = $0 { true } else { false } })
  }

  /// The loader waits for a table's file to be read, not its table built, before it may
  /// start the table after next: `waitUntilFileRead` returns once the read says so,
  /// while the read goes on.
  @Test(.timeLimit(.minutes(1))) func aFileIsReadBeforeItsTableIsBuilt() throws {
    let building = DispatchSemaphore(value: 0)
    let ahead = TableReadAhead(progress: nil) { progress throws(LoadError) in
      progress.fileRead()
      building.wait()
      throw LoadError(.badFormat, "built", file: "t.csv")
    }
    ahead.waitUntilFileRead()
    #expect(ahead.isFileRead)
    building.signal()
    #expect(throws: LoadError(.badFormat, "built", file: "t.csv")) { try ahead.value() }
  }

  /// A read that never says its file is read (a table from its snapshot, a failed read)
  /// counts as read when it ends.
  @Test(.timeLimit(.minutes(1))) func aReadThatNeverSaysSoCountsAsReadWhenItEnds() {
    let ending = DispatchSemaphore(value: 0)
    let ahead = TableReadAhead(progress: nil) { _ throws(LoadError) in
      ending.wait()
      throw LoadError(.badFormat, "ended", file: "t.csv")
    }
    usleep(20_000)
    #expect(!ahead.isFileRead)
    ending.signal()
    ahead.waitUntilFileRead()
    #expect(ahead.isFileRead)
    #expect(throws: LoadError(.badFormat, "ended", file: "t.csv")) { try ahead.value() }
  }

  /// Cancelling asks the read to stop and waits until it has.
  @Test(.timeLimit(.minutes(1))) func cancellingStopsTheReadAndWaitsForIt() {
    final class Flag: Sendable { let isSet = Atomic<Bool>(false) }
    let stopped = Flag()
    let ahead = TableReadAhead(progress: nil) { progress throws(LoadError) in
      while !progress.stopRequested { usleep(1000) }
      stopped.isSet.store(true, ordering: .sequentiallyConsistent)
      throw LoadError.interrupted(file: "t.csv")
    }
    ahead.cancel()
    let didStop = stopped.isSet.load(ordering: .sequentiallyConsistent)
    #expect(didStop)
  }

  /// A read's error comes back from `value`, and the step it began is told then.
  @Test func aReadsErrorComesBackWhenTheTableIsTaken() {
    let recorder = Recorder()
    let ahead = TableReadAhead(progress: recorder) { progress throws(LoadError) in
      progress.begin(.loading(table: "tickets", file: "t.csv", bytes: 10))
      progress.advance(bytes: 10, rows: 2)
      throw LoadError(.badFormat, "broken", file: "t.csv")
    }
    usleep(50_000)
    #expect(recorder.events.withLock { $0 }.isEmpty)
    #expect(throws: LoadError(.badFormat, "broken", file: "t.csv")) { try ahead.value() }
    #expect(recorder.events.withLock { $0 } == [.begin("tickets"), .rows(2)])
  }
}
