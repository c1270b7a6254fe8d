import PlaybookEngine
import PlaybookLanguage
import PlaybookSQL
import PlaybookSpark
import PlayloopTestSupport
import Testing

/// The compiled SQL on Spark gives the engine's candidates, row for row (`SparkCorpus`
/// runs every case in one `spark-sql`), and what Spark cannot run is never a silent null.
@Suite struct SparkTests {
  @Test(arguments: SparkCorpus.names)
  func candidatesMatchTheEngine(_ name: String) throws {
    let run = try SparkCorpus.differential(name)
    #expect(!run.engine.isEmpty || name.contains(" at "), "the case gives candidates, so it compares something")
    #expect(run.difference == nil, "\(run.difference ?? "")")
  }

  /// The trap playbooks fire every rule, so each trap is compared.
  @Test(arguments: zip(["traps, UTC session", "Spark traps, New York session"], [7, 5]))
  func everyTrapFires(_ name: String, _ rules: Int) throws {
    let run = try SparkCorpus.differential(name)
    #expect(Set(run.engine.map { $0.split(separator: "\u{1F}")[1] }).count == rules)
  }

  /// An input value that does not fit its column (text where a number belongs) stops the
  /// job: Spark's default CSV and JSON mode (PERMISSIVE) would have read it as null.
  @Test func aBadInputValueFailsRatherThanBecomingNull() throws {
    let (_, _, rows) = try #require(try SparkCorpus.results.get()[SparkCorpus.badValue])
    guard case .failure(let failure) = rows else {
      Issue.record("the job with a bad value ran: \(rows)")
      return
    }
    #expect(failure.description.contains("FAILFAST"), "\(failure)")
  }
}

/// What `--to spark` writes and refuses, without running Spark.
@Suite struct SparkCompileTests {
  @Test func theSQLSaysSparkAndNothingOfPostgres() throws {
    let workspace = try Workspace.open(path: Repository.serviceRecovery)
    let sql = try CandidateSQL.compile(
      workspace.checked, source: workspace.source, clock: 0, dialect: SQLTarget.spark.dialect)
    #expect(sql.contains("compiled for spark") && sql.contains("COLLATE UTF8_BINARY"))
    #expect(!sql.contains("::") && !sql.contains("\"C\"") && !sql.contains("interval") && !sql.contains("extract("))
  }

  @Test func campaignsIsRefusedAtEachConstruct() throws {
    let workspace = try Workspace.open(path: Repository.path("Playbooks/campaigns.playbook"))
    do {
      _ = try CandidateSQL.compile(
        workspace.checked, source: workspace.source, clock: 0, dialect: SQLTarget.spark.dialect)
      Issue.record("campaigns compiled")
    } catch {
      let messages = error.diagnostics.map(\.message)
      #expect(messages.contains { $0.hasPrefix("`sent(any in last 14d)` cannot be compiled to spark") }, "\(messages)")
      #expect(error.diagnostics.allSatisfy { $0.code == .compileUnsupported && $0.range != nil })
    }
  }
}
