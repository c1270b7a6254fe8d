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
    do {
      // Spawned and waited for here, its output into files: through `Process`, the
      // script's exit was never reaped once it had started the server (the test hung).
      let folder = try ScratchFolder("pg-start")
      let status = run(["/bin/bash", "-c", command("start") + " >'\(folder.path)/out' 2>'\(folder.path)/err'"])
      let out = (try? String(contentsOfFile: folder.path + "/out", encoding: .utf8)) ?? ""
      guard status == 0 else {
        let err = (try? String(contentsOfFile: folder.path + "/err", encoding: .utf8)) ?? ""
        return .failure(Failure(description: "cluster.sh start failed: \(err)"))
      }
      atexit { _ = PostgresCluster.run(["/bin/bash", "-c", PostgresCluster.command("stop")]) }
      // `export PGHOST=127.0.0.1 PGPORT=… PGUSER=postgres PGDATABASE=playloop`
      var settings: [String: String] = [:]
      for word in out.split(whereSeparator: \.isWhitespace) where word.contains("=") {
        let parts = word.split(separator: "=", maxSplits: 1)
        settings[String(parts[0])] = String(parts[1])
      }
      guard settings["PGPORT"] != nil else {
        return .failure(Failure(description: "cluster.sh start printed no settings: \(out)"))
      }
      return .success(settings)
    } catch {
      return .failure(Failure(description: "cannot run cluster.sh: \(error)"))
    }
  }()

  /// The port: PLAYLOOP_PG_PORT, else 54338.
  static let port = ProcessInfo.processInfo.environment["PLAYLOOP_PG_PORT"] ?? "54338"

  /// `cluster.sh start` (or `stop`) for the port, as a shell command reading nothing.
  private static func command(_ verb: String) -> String {
    "PLAYLOOP_PG_PORT=\(port) '\(Repository.path("Tests/postgres/cluster.sh"))' \(verb) </dev/null"
  }

  /// Runs `arguments` and waits for it; its exit status, or -1 when it could not start.
  private static func run(_ arguments: [String]) -> Int32 {
    var pid = pid_t()
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
  }

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
