import Foundation

/// The private PostgreSQL cluster tests read from: started once per test process through
/// Tests/postgres/cluster.sh (which installs PostgreSQL when missing), on 127.0.0.1 at
/// port 54339 or `PLAYLOOP_PG_PORT`, so it does not meet a developer's own cluster, and
/// stopped when the process exits. Each test makes a database of its own in it.
public enum PostgresCluster {
  /// The cluster could not be started or a database made: the script's or psql's words.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
  }

  /// The port the tests' cluster listens on.
  public static let port = ProcessInfo.processInfo.environment["PLAYLOOP_PG_PORT"] ?? "54339"

  private static let started: Result<Void, Failure> = {
    let script = Repository.path("Tests/postgres/cluster.sh")
    do {
      let child = try ChildProcess.run("/usr/bin/env", ["bash", script, "start"], environment: ["PLAYLOOP_PG_PORT": port])
      guard child.status == 0 else { return .failure(Failure(description: "cluster.sh start: \(child.stderr)")) }
    } catch {
      return .failure(Failure(description: "cluster.sh start: \(error)"))
    }
    atexit {
      _ = try? ChildProcess.run(
        "/usr/bin/env", ["bash", Repository.path("Tests/postgres/cluster.sh"), "stop"],
        environment: ["PLAYLOOP_PG_PORT": PostgresCluster.port])
    }
    return .success(())
  }()

  /// A new, empty database in the started cluster, after `sql` ran in it (psql, stopping
  /// at the first error); returns the environment that makes libpq connect to it. The
  /// environment also clears `PLAYLOOP_POSTGRES_URL`, which would override it.
  public static func database(_ sql: String = "") throws -> [String: String] {
    try started.get()
    let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let server = [
      "PGHOST": "127.0.0.1", "PGPORT": port, "PGUSER": "postgres", "PGDATABASE": "postgres",
      "PLAYLOOP_POSTGRES_URL": "",
    ]
    try psql("CREATE DATABASE \(name)", environment: server)
    var environment = server
    environment["PGDATABASE"] = name
    if !sql.isEmpty { try psql(sql, environment: environment) }
    return environment
  }

  /// Runs `sql` through psql in the database `environment` names.
  public static func psql(_ sql: String, environment: [String: String]) throws {
    let child = try ChildProcess.run(
      "/usr/bin/env", ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1"], environment: environment, input: sql)
    guard child.status == 0 else { throw Failure(description: "psql: \(child.stderr)") }
  }
}
