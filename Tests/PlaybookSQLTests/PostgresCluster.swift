import Foundation
import PlayloopTestSupport

/// The private PostgreSQL cluster of Tests/postgres/cluster.sh, started once per test
/// process (on PLAYLOOP_PG_PORT, default 54338), and `psql` run against it.
enum PostgresCluster {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The libpq settings of the started cluster (PGHOST, PGPORT, PGUSER, PGDATABASE).
  static let settings: Result<[String: String], Failure> = {
    let port = ProcessInfo.processInfo.environment["PLAYLOOP_PG_PORT"] ?? "54338"
    do {
      let child = try ChildProcess.run(
        "/bin/bash", [Repository.path("Tests/postgres/cluster.sh"), "start"],
        environment: ["PLAYLOOP_PG_PORT": port], deadline: 600)
      guard child.status == 0 else {
        return .failure(Failure(description: "cluster.sh start failed: \(child.stderr)"))
      }
      // `export PGHOST=127.0.0.1 PGPORT=… PGUSER=postgres PGDATABASE=playloop`
      var settings: [String: String] = [:]
      for word in child.stdout.split(whereSeparator: \.isWhitespace) where word.contains("=") {
        let parts = word.split(separator: "=", maxSplits: 1)
        settings[String(parts[0])] = String(parts[1])
      }
      guard settings["PGPORT"] != nil else {
        return .failure(Failure(description: "cluster.sh start printed no settings: \(child.stdout)"))
      }
      return .success(settings)
    } catch {
      return .failure(Failure(description: "cannot run cluster.sh: \(error)"))
    }
  }()

  /// Runs `script` through `psql` (stopping at the first error) and returns what it
  /// printed: rows unaligned, fields split by U+001F, rows ended by U+001E, null as `∅`.
  static func psql(_ script: String) throws -> String {
    let settings = try settings.get()
    let child = try ChildProcess.run(
      "/usr/bin/psql",
      ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\u{1F}", "-R", "\u{1E}", "-P", "null=∅"],
      environment: settings, input: script, deadline: 600)
    guard child.status == 0 else {
      throw Failure(description: "psql failed (\(child.status)): \(child.stderr.prefix(4000))")
    }
    return child.stdout
  }
}
