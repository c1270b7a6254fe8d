import Foundation
import Testing

/// Loading in parallel chunks and evaluating in parallel partitions must give exactly
/// what one thread gives: the same export bytes.
@Suite struct ThreadIndependenceTests {
  @Test func oneThreadAndAllCoresExportTheSameBytes() throws {
    let folder = try PlayloopCLI.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 30k customers: tickets.csv is about 18 MB, read in several 4 MB chunks, and every
    // table has far more rows than one evaluation partition.
    let data = folder.appendingPathComponent("data")
    let generator = Process()
    generator.executableURL = PlayloopCLI.packageRoot.appendingPathComponent(".build/debug/playloop-data")
    generator.arguments = ["--customers", "30000", "--seed", "3", "--out", data.path]
    generator.standardOutput = FileHandle.nullDevice
    try generator.run()
    generator.waitUntilExit()
    #expect(generator.terminationStatus == 0)
    let playbook = try String(
      contentsOfFile: PlayloopCLI.packageRoot.path + "/Playbooks/service-recovery.playbook", encoding: .utf8)
      .replacingOccurrences(of: "../Examples/data", with: data.path)
    let file = folder.appendingPathComponent("big.playbook")
    try playbook.write(to: file, atomically: true, encoding: .utf8)

    var exports: [[String: Data]] = []
    for threads in ["1", "2"] {
      let out = folder.appendingPathComponent("out-\(threads)")
      let result = try PlayloopCLI.run(
        ["run", file.path, "--out", out.path], environment: ["PLAYLOOP_THREADS": threads])
      #expect(result.status == 0, "\(result.stderr)")
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != "summary.json" {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      exports.append(files)
    }
    #expect(exports[0].count == 5)
    #expect((exports[0]["decisions.csv"]?.count ?? 0) > 100_000)
    #expect(exports[0] == exports[1])
  }
}
