import Foundation
import PlaybookLanguage
import PlayloopTestSupport
import Synchronization
import Testing

@testable import PlaybookEngine

/// What the loaders tell a `ProgressSink`: each table as it begins, the bytes and rows
/// read (per block of rows, from every chunk's thread), and that asking to stop stops.
@Suite struct LoadProgressTests {
  /// A sink that keeps what it was told.
  final class Recorder: ProgressSink {
    let steps = Mutex<[WorkStep]>([])
    let bytes = Atomic<Int>(0)
    let rows = Atomic<Int>(0)
    let stop: Bool

    init(stop: Bool = false) { self.stop = stop }

    func begin(_ step: WorkStep) { steps.withLock { $0.append(step) } }
    func advance(bytes: Int, rows: Int) {
      self.bytes.add(bytes, ordering: .relaxed)
      self.rows.add(rows, ordering: .relaxed)
    }
    var stopRequested: Bool { stop }
  }

  static let header = "id,name,n\n"
  static let csv = Array((header + (0..<5000).map { "C-\($0),name \($0),\($0)\n" }.joined()).utf8)

  /// Every byte after the header and every row is reported once, however many chunks
  /// read the file at once; reporting changes nothing read.
  @Test(arguments: [1, 3, 7])
  func everyByteAndRowOnce(_ chunks: Int) throws {
    let recorder = Recorder()
    let raw = try TableReader.readRaw(
      FileBytes(copying: Self.csv), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: chunks,
      progress: recorder)
    #expect(recorder.bytes.load(ordering: .relaxed) == Self.csv.count - Self.header.utf8.count)
    #expect(recorder.rows.load(ordering: .relaxed) == 5000)
    #expect(raw.chunks.map(\.lines.count).reduce(0, +) == 5000)
  }

  /// JSON Lines report per chunk.
  @Test func jsonLinesReportEveryRow() throws {
    let recorder = Recorder()
    let text = Array((0..<3000).map { "{\"id\": \"C-\($0)\"}\n" }.joined().utf8)
    _ = try TableReader.readRaw(
      FileBytes(copying: text), format: .jsonLines, file: "t.jsonl", declaredTypes: [:], chunkCount: 4,
      progress: recorder)
    #expect(recorder.bytes.load(ordering: .relaxed) == text.count)
    #expect(recorder.rows.load(ordering: .relaxed) == 3000)
  }

  /// A sink asking to stop ends the read with `interrupted`, whatever the chunks.
  @Test(arguments: [1, 7])
  func stoppingThrowsInterrupted(_ chunks: Int) {
    #expect(throws: LoadError.interrupted(file: "t.csv")) {
      try TableReader.readRaw(
        FileBytes(copying: Self.csv), format: .csv, file: "t.csv", declaredTypes: [:], chunkCount: chunks,
        progress: Recorder(stop: true))
    }
  }

  /// Opening the flagship playbook: one step per table, in link order, with its file's
  /// size; a stop becomes the `load_interrupted` diagnostic.
  @Test func aWorkspaceTellsEachTable() throws {
    let recorder = Recorder()
    let workspace = try Workspace.open(path: Repository.serviceRecovery, progress: recorder)
    let steps = recorder.steps.withLock { $0 }
    #expect(steps.count == 4)
    for (step, table) in zip(steps, ["customers", "tickets", "orders", "calls"]) {
      guard case .loading(let name, let file, let bytes) = step else {
        Issue.record("not a load: \(step)")
        continue
      }
      #expect(name == table)
      let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
      #expect(bytes == size)
    }
    let rows = workspace.dataset.loads.map(\.rows).reduce(0, +)
    #expect(recorder.rows.load(ordering: .relaxed) >= rows)
    do {
      _ = try Workspace.open(path: Repository.serviceRecovery, progress: Recorder(stop: true))
      Issue.record("a stopped load opened")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.loadInterrupted])
    }
  }
}
