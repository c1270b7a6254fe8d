import Foundation
import PlayloopTestSupport

/// `psql` in a database of the tests' private cluster (`PostgresCluster` of the test
/// support: started once per test process), made once for the differential tests, which
/// each copy their tables into a schema of their own.
enum DifferentialDatabase {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private static let environment = Result { try PostgresCluster.database() }

  /// Runs `script` through `psql` (stopping at the first error) and returns what it
  /// printed: rows unaligned, fields split by U+001F, rows ended by U+001E, null as `∅`.
  static func psql(_ script: String) throws -> String {
    let child = try ChildProcess.run(
      "/usr/bin/psql",
      ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\u{1F}", "-R", "\u{1E}", "-P", "null=∅"],
      environment: try environment.get(), input: script, deadline: 600)
    guard child.status == 0 else {
      throw Failure(description: "psql failed (\(child.status)): \(child.stderr.prefix(4000))")
    }
    return child.stdout
  }
}
