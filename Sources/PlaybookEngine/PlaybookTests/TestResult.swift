import PlaybookLanguage

/// The outcome of one `test` block.
public struct TestResult: Sendable {
  /// The test's name as written after `test`.
  public var name: String
  /// The playbook file holding the test, as given.
  public var file: String
  /// Where the test block starts.
  public var line: Int
  /// How many `expect` lines the test checked.
  public var expectations: Int
  /// The expectations that did not hold, in the order they are written.
  public var failures: [ExpectationFailure]
  /// Set when the test could not run at all (a fixture failed to load or check).
  public var error: String?
  /// Wall time the test took, fixtures included, in nanoseconds, by the clock the runner
  /// was given.
  public var nanoseconds: UInt64

  /// True when the test ran and every expectation held.
  public var passed: Bool { failures.isEmpty && error == nil }
}

/// An `expect` line that did not hold, with why.
public struct ExpectationFailure: Sendable {
  /// The expectation as written, e.g. `expect customer C-1001 gets THANKS10 via email`.
  public var expectation: String
  /// The 1-based line of the `expect` in the playbook file.
  public var line: Int
  /// What happened instead, e.g. `C-1001 gets SORRY25 via email`.
  public var actual: String
  /// The explanation for that customer, narrowed to the rules that send the offer
  /// when the expectation names one.
  public var explanation: Explanation?
  /// Whether every rule of `explanation` is worth showing (it was narrowed to an offer),
  /// rather than only the rules that came close.
  public var explainsEveryRule: Bool
}
