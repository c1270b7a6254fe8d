import PlaybookEngine
import PlaybookLanguage
import PlaybookPushdown
import PlayloopTestSupport
import Testing

/// `CandidateRows`: candidate rows as a SQL engine returns them map back to the engine's
/// own candidates, and a row that names nothing the run has, or disagrees with the
/// plan, is an `engine_mismatch` error, never dropped.
@Suite struct CandidateRowsTests {
  /// The trap playbook's candidates as rows of text in `CandidateColumn` order, in the
  /// SQL's order (customer id and trigger id as bytes), and its plan.
  static func rows() throws -> (rows: [[String?]], plan: Plan, folder: ScratchFolder) {
    let (workspace, folder) = try TrapTests.workspace()
    let plan = Plan(checked: workspace.checked, dataset: workspace.dataset, clock: workspace.model.clock ?? 0)
    let rows = Differential.rows(plan).map { row in
      row.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { $0 == "∅" ? nil : String($0) }
    }
    return (rows, plan, folder)
  }

  @Test func rowsInTheSQLsOrderMapToTheEnginesCandidatesInItsOrder() throws {
    let (rows, plan, folder) = try Self.rows()
    defer { folder.remove() }
    #expect(rows.count > 10)
    // Shuffled: the mapping puts them in the engine's order whatever order they come in.
    var generator = SeededGenerator(seed: 3)
    let mapped = try CandidateRows.candidates(rows.shuffled(using: &generator), of: plan, engine: "test")
    #expect(mapped == plan.candidates())
  }

  @Test(arguments: [
    (0, "C-404", "its customer 'C-404' is not among the customers the run loaded"),
    (1, "no_such_rule", "the playbook has no rule 'no_such_rule'"),
    (2, "Z", "rule 'within_day' has no send line whose first offer is 'Z'"),
    (4, "T-zzz", "its trigger id 'T-zzz' is not among the rows of 'tickets' the run loaded"),
    (4, "T-j", "its trigger row 'T-j' of 'tickets' is not customer 'C-1''s"),
    (6, "2030-01-01T00:00:00Z", "its send_at 2030-01-01T00:00:00Z is not the plan's"),
    (7, "99", "its priority 99 is not rule 'within_day''s 3"),
  ])
  func aRowThatDoesNotMapIsAnError(_ column: Int, _ value: String, _ reason: String) throws {
    var (rows, plan, folder) = try Self.rows()
    defer { folder.remove() }
    let n = try #require(rows.firstIndex { $0[1] == "within_day" && $0[0] == "C-1" })
    rows[n][column] = value
    do {
      _ = try CandidateRows.candidates(rows, of: plan, engine: "postgres")
      Issue.record("row \(n + 1) with \(value) mapped")
    } catch {
      #expect(error.code == .engineMismatch)
      #expect(
        error.message.hasPrefix("the postgres engine's candidate \(n + 1) cannot be decided: \(reason)"),
        "\(error.message)")
    }
  }

  @Test func aRowMoreThanTheRuleSendsIsAnError() throws {
    var (rows, plan, folder) = try Self.rows()
    defer { folder.remove() }
    rows.append(rows[0])
    #expect(throws: Diagnostic.self) { try CandidateRows.candidates(rows, of: plan, engine: "postgres") }
  }
}
