import Foundation

/// The generated data for one size: made once by `playloop-data` (built next to this
/// benchmark) into its own folder, and reused by later runs.
struct BenchData {
  static let files = ["customers.csv", "tickets.csv", "orders.csv", "calls.jsonl"]

  let customers: Int
  let directory: String

  /// `ROOT/data-N-SEED`, the folder `Benchmarks/compare.py` uses too.
  init(customers: Int, seed: Int, root: String) {
    self.customers = customers
    self.directory = "\(root)/data-\(customers)-\(seed)"
  }

  var isComplete: Bool {
    Self.files.allSatisfy { FileManager.default.fileExists(atPath: "\(directory)/\($0)") }
  }

  var totalBytes: Int {
    Self.files.reduce(0) { total, file in
      let size = (try? FileManager.default.attributesOfItem(atPath: "\(directory)/\(file)"))?[.size]
      return total + ((size as? NSNumber)?.intValue ?? 0)
    }
  }

  /// Generates the data unless it is there. The generator writes into a private folder
  /// that is renamed into place when complete, so a half-written data set is never used.
  func ensure(seed: Int, clock: String) throws {
    if isComplete { return }
    let generator = Self.sibling("playloop-data")
    guard FileManager.default.isExecutableFile(atPath: generator) else {
      throw BenchError("no generator at \(generator): build it with `swift build -c release --product playloop-data`")
    }
    let staging = "\(directory).tmp-\(getpid())"
    try? FileManager.default.removeItem(atPath: staging)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: generator)
    process.arguments = [
      "--customers", String(customers), "--seed", String(seed), "--out", staging, "--as-of", clock,
    ]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError("playloop-data failed with status \(process.terminationStatus)")
    }
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(
      atPath: (directory as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: staging, toPath: directory)
  }

  /// An executable built next to this one.
  static func sibling(_ name: String) -> String {
    let me = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
    return ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
