import Foundation
import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL
import PlayloopTestSupport

@testable import PlaybookSpark

/// Every differential case on Spark, compiled and run in one `spark-sql` script (Spark
/// takes tens of seconds to start on this machine, so one JVM serves them all), then
/// compared with the engine one test per case. `make test` runs a small fixed corpus;
/// `make test-spark` (PLAYLOOP_SPARK_FULL=1) adds every random playbook and generated data.
enum SparkCorpus {
  struct Case: Sendable {
    var name: String
    var settings: [(key: String, value: String)] = []
    var textCollation: String? = nil
    /// The workspace and the clock it is compiled at.
    var open: @Sendable () throws -> (Workspace, Int64)
  }

  static let full = ProcessInfo.processInfo.environment["PLAYLOOP_SPARK_FULL"] == "1"
  static let newYork = [(key: "spark.sql.session.timeZone", value: "America/New_York")]

  static let cases: [Case] = {
    let ownClock: @Sendable (Workspace) -> (Workspace, Int64) = { ($0, $0.model.clock ?? 0) }
    var cases = [
      Case(name: "traps, UTC session", settings: [(key: "spark.sql.session.timeZone", value: "UTC")]) {
        let (workspace, folder) = try TrapTests.workspace()
        defer { folder.remove() }
        return ownClock(workspace)
      },
      Case(
        name: "traps, New York session, ANSI off", settings: newYork + [(key: "spark.sql.ansi.enabled", value: "false")]
      ) {
        let (workspace, folder) = try TrapTests.workspace()
        defer { folder.remove() }
        return ownClock(workspace)
      },
      // Input text in a case-insensitive collation (which folds the Kelvin sign and sorts
      // `a` before `Z`): the SQL compares bytes all the same.
      Case(
        name: "traps, Kolkata session, UNICODE_CI columns",
        settings: [(key: "spark.sql.session.timeZone", value: "Asia/Kolkata")], textCollation: "UNICODE_CI"
      ) {
        let (workspace, folder) = try TrapTests.workspace()
        defer { folder.remove() }
        return ownClock(workspace)
      },
      Case(name: "Spark traps, New York session", settings: newYork) { ownClock(try SparkTraps.workspace()) },
      Case(name: "Spark traps, UTF8_LCASE columns", textCollation: "UTF8_LCASE") {
        ownClock(try SparkTraps.workspace())
      },
      Case(name: "Spark traps, UTC session, ANSI off", settings: [(key: "spark.sql.ansi.enabled", value: "false")]) {
        ownClock(try SparkTraps.workspace())
      },
    ]
    for playbook in ShippedPlaybookTests.compiling {
      cases.append(
        Case(name: playbook, settings: newYork) { ownClock(try Workspace.open(path: Repository.path(playbook))) })
    }
    cases.append(
      Case(name: "correlated aggregates", settings: newYork) {
        let (workspace, folder) = try ShippedPlaybookTests.correlatedWorkspace()
        defer { folder.remove() }
        return ownClock(workspace)
      })
    cases.append(
      Case(name: "links through other tables") {
        let (workspace, folder) = try ShippedPlaybookTests.linkedWorkspace()
        defer { folder.remove() }
        return ownClock(workspace)
      })
    cases.append(
      Case(name: "Playbooks/service-recovery.playbook at 2026-12-01") {
        (try Workspace.open(path: Repository.serviceRecovery), Timestamp.parse("2026-12-01T00:00:00Z")?.seconds ?? 0)
      })
    for seed in full ? Array(1...24) : [1, 2, 3, 4] {
      cases.append(
        Case(name: "random playbook \(seed)") {
          var generator = PlaybookGenerator(seed: UInt64(seed))
          let folder = try ScratchFolder("spark-random", files: ["random.playbook": generator.playbook()])
          defer { folder.remove() }
          return ownClock(try Workspace.open(path: folder.path + "/random.playbook"))
        })
    }
    if full {
      for playbook in GeneratedDataTests.playbooks {
        for flaws in [false, true] {
          cases.append(
            Case(name: "\(playbook) on generated data\(flaws ? " with flaws" : "")", settings: newYork) {
              let (workspace, folder) = try GeneratedDataTests.workspace(playbook, flaws: flaws)
              defer { folder.remove() }
              return ownClock(workspace)
            })
        }
      }
    }
    return cases
  }()

  static var names: [String] { cases.map(\.name) }

  /// The job whose input file is spoiled (a number replaced by text) before Spark reads it:
  /// last, as spark-sql stops at the first error.
  static let badValue = "traps with a bad value in an input file"
  private static let spoiled = Case(name: badValue) {
    let (workspace, folder) = try TrapTests.workspace()
    defer { folder.remove() }
    return (workspace, workspace.model.clock ?? 0)
  }

  /// Each case's workspace, clock and Spark's rows, from one run; or why it could not run.
  static let results: Result<[String: (Workspace, Int64, Result<[[String?]], SparkFailure>)], SparkFailure> = {
    do throws(SparkFailure) {
      let spark = try SparkInstall.spark()
      let staging = NSTemporaryDirectory() + "playloop-spark-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: staging) }
      var opened: [(String, Workspace, Int64)] = []
      var jobs: [SparkJob] = []
      for item in cases + [spoiled] {
        do {
          let (workspace, clock) = try item.open()
          let sql = try CandidateSQL.compile(
            workspace.checked, source: workspace.source, clock: clock, dialect: SQLTarget.spark.dialect)
          opened.append((item.name, workspace, clock))
          jobs.append(
            SparkJob(dataset: workspace.dataset, sql: sql, settings: item.settings, textCollation: item.textCollation))
        } catch {
          throw SparkFailure(description: "\(item.name): \(error)")
        }
      }
      let script = try spark.script(jobs, staging: staging)
      let spoiled = staging + "/job-\(jobs.count)/" + SparkInput.fileName("customers")
      let text = (try? String(contentsOfFile: spoiled, encoding: .utf8)) ?? ""
      try? text.replacingOccurrences(of: "\"visits\":3,", with: "\"visits\":\"3x\",")
        .write(toFile: spoiled, atomically: true, encoding: .utf8)
      let started = Date()
      let rows = try spark.run(script, jobs: jobs.count, staging: staging)
      print("Spark ran \(jobs.count) jobs in \(Int(Date().timeIntervalSince(started))) s")
      var results: [String: (Workspace, Int64, Result<[[String?]], SparkFailure>)] = [:]
      for (index, (name, workspace, clock)) in opened.enumerated() { results[name] = (workspace, clock, rows[index]) }
      return .success(results)
    } catch {
      return .failure(error)
    }
  }()

  /// The engine's and Spark's candidates for the case `name`.
  static func differential(_ name: String) throws -> Differential {
    guard let (workspace, clock, rows) = try results.get()[name] else {
      throw SparkFailure(description: "no case \(name)")
    }
    return Differential(workspace, clock: clock, database: try rows.get())
  }
}

/// Spark for the tests, where `SparkHome` finds or installs it.
enum SparkInstall {
  static func spark() throws(SparkFailure) -> SparkSQL {
    let home: String
    do {
      home = try SparkHome.path()
    } catch {
      throw SparkFailure(description: "\(error)")
    }
    guard let spark = SparkSQL(home: home) else { throw SparkFailure(description: "no Spark home") }
    return spark
  }
}
