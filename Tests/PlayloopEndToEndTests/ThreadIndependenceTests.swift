import Foundation
import PlayloopTestSupport
import Testing

/// Loading in parallel chunks and evaluating in parallel partitions must give exactly
/// what one thread gives: the same export bytes.
@Suite struct ThreadIndependenceTests {
  @Test func oneThreadAndAllCoresExportTheSameBytes() throws {
    try ScratchFolder.with("threads") { folder in
      // 30k customers: tickets.csv is about 18 MB, read in several 4 MB chunks, and every
      // table has far more rows than one evaluation partition.
      let data = folder.path("data")
      try Fixtures.generateData(["--customers", "30000", "--seed", "3"], into: data)
      let file = try folder.write(try Fixtures.serviceRecovery(loadingFrom: data), to: "big.playbook")

      var exports: [[String: Data]] = []
      for threads in ["1", "2"] {
        let out = folder.url.appendingPathComponent("out-\(threads)")
        let result = try ChildProcess.playloop(
          ["run", file, "--out", out.path], environment: ["PLAYLOOP_THREADS": threads])
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
}
