import Foundation
import PlayloopTestSupport
import Testing

/// The snapshot cache as a user meets it (docs/SNAPSHOT.md): a warm run prints and
/// exports the bytes a cold run does, and a touched, appended-to or damaged file or
/// snapshot never shows in the output.
@Suite struct SnapshotCLITests {
  /// A copy of `source`'s data files (and playbook) in a scratch folder, so they can be
  /// touched and appended to.
  struct Setup {
    let folder: ScratchFolder
    let playbook: String
    var cache: String { folder.path("cache") }

    init(_ kind: String) throws {
      folder = try ScratchFolder("snapshot-cli")
      try FileManager.default.createDirectory(atPath: folder.path("data"), withIntermediateDirectories: true)
      let source: String
      switch kind {
      case "messy":
        source = Repository.path("Examples/messy")
        playbook = folder.path("data/service-recovery.playbook")
        try FileManager.default.copyItem(atPath: source + "/service-recovery.playbook", toPath: playbook)
      default:
        source = Repository.path(kind == "flawed" ? "Examples/flawed-data" : "Examples/data")
        playbook = try folder.write(
          try Fixtures.serviceRecovery(loadingFrom: folder.path("data")), to: "service-recovery.playbook")
      }
      for name in Fixtures.dataFiles {
        try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder.path("data/" + name))
      }
    }

    /// `playloop run` exporting to `out`: its stdout (the export's time cut), stderr
    /// and exported files.
    func run(_ cacheArguments: [String]) throws -> Output {
      let out = folder.path("out")
      try? FileManager.default.removeItem(atPath: out)
      let run = try ChildProcess.playloop(
        ["run", playbook, "--out", out, "--as-of", "2026-11-01T00:00:00Z"] + cacheArguments)
      #expect(run.status == 0, "\(run.stderr)")
      let stdout = run.stdout.replacingOccurrences(of: #" in \d+ ms"#, with: "", options: .regularExpression)
      return Output(stdout: stdout, stderr: run.stderr, files: try Fixtures.exportFiles(in: out))
    }

    func describe(_ cacheArguments: [String]) throws -> String {
      let run = try ChildProcess.playloop(["describe", playbook] + cacheArguments)
      #expect(run.status == 0, "\(run.stderr)")
      return run.stdout + run.stderr
    }

    /// Each snapshot's modification time, by table.
    func snapshots() throws -> [String: Date] {
      var times: [String: Date] = [:]
      for name in (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] where name.hasSuffix(".snapshot")
      {
        let attributes = try FileManager.default.attributesOfItem(atPath: cache + "/" + name)
        times[String(name.prefix { $0 != "-" })] = attributes[.modificationDate] as? Date
      }
      return times
    }
  }

  struct Output: Equatable {
    var stdout: String
    var stderr: String
    var files: [String: String]
  }

  @Test(arguments: ["flagship", "flawed", "messy"])
  func aWarmRunPrintsAndExportsWhatAColdRunDoes(_ kind: String) throws {
    let setup = try Setup(kind)
    let cold = try setup.run(["--no-cache"])
    #expect(try setup.snapshots().isEmpty)
    let first = try setup.run(["--cache", setup.cache])
    let written = try setup.snapshots()
    #expect(written.keys.sorted() == ["calls", "customers", "orders", "tickets"])
    let warm = try setup.run(["--cache", setup.cache])
    #expect(try setup.snapshots() == written, "the warm run read every snapshot and wrote none")
    #expect(first == cold)
    #expect(warm == cold)
    #expect(!cold.files.isEmpty)
    if kind == "flawed" { #expect(cold.stderr.contains("set aside")) }
    #expect(try setup.describe(["--cache", setup.cache]) == setup.describe(["--no-cache"]))
  }

  @Test func aTouchedAppendedOrDamagedFileOrSnapshotNeverShows() throws {
    let setup = try Setup("flagship")
    let cache = ["--cache", setup.cache]
    _ = try setup.run(cache)
    let written = try setup.snapshots()
    let tickets = setup.folder.path("data/tickets.csv")

    // touch: the tickets are read again, the rest are not.
    Thread.sleep(forTimeInterval: 0.01)
    #expect(utime(tickets, nil) == 0)
    #expect(try setup.run(cache) == setup.run(["--no-cache"]))
    var now = try setup.snapshots()
    #expect(now["tickets"] != written["tickets"])
    #expect(now["customers"] == written["customers"])

    // A line appended: the new ticket counts.
    let handle = try #require(FileHandle(forWritingAtPath: tickets))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("T-9999,C-0001,complaint,email,Late delivery,2026-10-30T09:00:00Z,,,1\n".utf8))
    try handle.close()
    let appended = try setup.run(cache)
    #expect(appended == (try setup.run(["--no-cache"])))
    #expect(now["tickets"] != (try setup.snapshots())["tickets"])

    // One byte of a snapshot changed: the file is read again and the snapshot rewritten.
    now = try setup.snapshots()
    let damaged = try #require(
      FileManager.default.contentsOfDirectory(atPath: setup.cache).first {
        $0.hasPrefix("customers-") && $0.hasSuffix(".snapshot")
      })
    let path = setup.cache + "/" + damaged
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x20
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try setup.run(cache) == appended)
    #expect(try setup.snapshots()["customers"] != now["customers"])
    #expect(try setup.run(cache) == appended)
  }

  @Test func theShellLoadsThroughTheCacheAtItsStartAndOnLoad() throws {
    let setup = try Setup("flawed")
    let script = ":run\n:load \(setup.playbook)\n:run\n"
    let cold = try ChildProcess.playloopScript(script, arguments: [setup.playbook, "--no-cache"])
    #expect(cold.status == 0, "\(cold.stderr)")
    #expect(try setup.snapshots().isEmpty)
    let first = try ChildProcess.playloopScript(script, arguments: [setup.playbook, "--cache", setup.cache])
    let written = try setup.snapshots()
    #expect(written.count == 4)
    let warm = try ChildProcess.playloopScript(script, arguments: [setup.playbook, "--cache", setup.cache])
    #expect(try setup.snapshots() == written)
    // The shell says how long evaluating took: the one part that differs between runs.
    func timeless(_ text: String) -> String {
      text.replacingOccurrences(of: #" in \d+ ms"#, with: "", options: .regularExpression)
    }
    for run in [first, warm] {
      #expect(timeless(run.stdout) == timeless(cold.stdout))
      #expect(run.stderr == cold.stderr)
    }
    #expect(cold.stdout.contains("Loaded"))
  }

  @Test func noCacheWritesNothingAndAnUnwritableFolderIsNoError() throws {
    let setup = try Setup("flagship")
    let cold = try setup.run(["--no-cache"])
    #expect(try setup.run(["--no-cache"]) == cold)
    #expect(!FileManager.default.fileExists(atPath: setup.cache))
    // A file where the folder should be: nothing can be written there, and the run goes on.
    try setup.folder.write("in the way", to: "blocked")
    #expect(try setup.run(["--cache", setup.folder.path("blocked/cache")]) == cold)
    // PLAYLOOP_CACHE names the folder when --cache does not.
    let run = try ChildProcess.playloop(
      ["run", setup.playbook, "--dry-run"], environment: ["PLAYLOOP_CACHE": setup.cache])
    #expect(run.status == 0)
    #expect(try setup.snapshots().count == 4)
  }
}
