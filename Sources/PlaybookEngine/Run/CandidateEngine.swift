public import PlaybookLanguage

/// Where a run's candidates are computed: in memory (`MemoryEngine`, `Plan.candidates`),
/// or pushed into a database that evaluates the playbook compiled to SQL. Either way the
/// decisions (collapse, channels, limits, holdout, the ledger) and the export are the
/// engine's own, made from the candidates in Swift, so every engine exports the same bytes.
public protocol CandidateEngine {
  /// The name `--engine` takes and `--format json` reports: `memory`, `postgres`.
  var name: String { get }

  /// Every candidate of `plan`, in `Plan.candidates()`'s order (customer, rule, trigger
  /// row, send). `interrupted` is polled where the engine can stop. Throws a diagnostic
  /// when the engine cannot compute them or gives one that names nothing in `plan`.
  func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) throws(Diagnostic) -> [Candidate]

  /// Milliseconds the engine spent on the candidates before `candidates(of:)` was asked
  /// (a database's query run while the run was prepared), which the summary counts as
  /// evaluating.
  var computedBeforehandMilliseconds: Int { get }
}

extension CandidateEngine {
  /// None: the candidates are computed when asked.
  public var computedBeforehandMilliseconds: Int { 0 }
}

/// The in-memory engine: `Plan.candidates()`.
public struct MemoryEngine: CandidateEngine {
  /// The engine.
  public init() {}

  /// `memory`.
  public var name: String { "memory" }

  /// `plan.candidates(interrupted:)`.
  public func candidates(of plan: Plan, interrupted: @escaping @Sendable () -> Bool) -> [Candidate] {
    plan.candidates(interrupted: interrupted)
  }
}
