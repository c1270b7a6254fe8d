import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
    let (status, output) = run(["bash", script, "start"], environment: ["PLAYLOOP_PG_PORT": port])
    guard status == 0 else { return .failure(Failure(description: "cluster.sh start: \(output)")) }
    atexit {
      _ = PostgresCluster.run(
        ["bash", Repository.path("Tests/postgres/cluster.sh"), "stop"],
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

  /// The first column of the first row `sql` returns, as psql prints it, in the
  /// database `environment` names.
  public static func value(_ sql: String, environment: [String: String]) throws -> String {
    let (status, output) = run(["psql", "-X", "-A", "-t", "-c", sql], environment: environment)
    guard status == 0 else { throw Failure(description: "psql: \(output)") }
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs `sql` through psql in the database `environment` names.
  public static func psql(_ sql: String, environment: [String: String]) throws {
    let (status, output) = run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1"], environment: environment, input: sql)
    guard status == 0 else { throw Failure(description: "psql: \(output)") }
  }

  /// Runs `arguments` (a program found on the PATH, then its arguments) to its end with
  /// `environment` laid over this process's and `input` on stdin; returns its exit status
  /// and what it wrote to stdout and stderr. Spawned and waited for directly: the first
  /// call runs inside a once-only initialiser, where no other thread can be relied on to
  /// see the child end.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String], input: String = "") -> (Int32, String) {
    let folder = NSTemporaryDirectory() + "playloop-pg-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let inputPath = folder + "/in"
    let outputPath = folder + "/out"
    FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    closeInheritedDescriptors(&actions)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    startWithDefaultSignals(&attributes)

    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp)
    guard code == 0 else { return (-1, "posix_spawn failed: \(String(cString: strerror(code)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // Exited normally: the exit code; else a signal ended it.
    let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitCode, output)
  }
}
