import Dispatch
import PlaybookLanguage

/// Runs a playbook's `test` blocks: each at its own clock, with its fixture tables, and
/// checks every expectation against the decisions the run would make.
public enum TestRunner {
  /// Runs the tests of `workspace`'s playbook that `selected` picks (by name).
  ///
  /// - Parameters:
  ///   - workspace: the playbook and its data.
  ///   - now: the clock when neither the test nor the playbook sets one.
  ///   - selected: whether to run the test of this name (all by default).
  ///   - elapsed: a monotonic clock in nanoseconds, read before and after each test to time
  ///     it (the system's uptime by default).
  public static func run(
    _ workspace: Workspace, now: Int64, selected: (String) -> Bool = { _ in true },
    elapsed: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }
  ) -> [TestResult] {
    workspace.model.tests.filter { selected($0.name.value) }.map { test in
      let started = elapsed()
      var result = run(test, in: workspace, now: now)
      result.nanoseconds = elapsed() &- started
      return result
    }
  }

  static func run(_ test: PlaybookTest, in workspace: Workspace, now: Int64) -> TestResult {
    var result = TestResult(
      name: test.name.value, file: workspace.source.path, line: test.name.range.start.line,
      expectations: test.expectations.count, failures: [], error: nil, nanoseconds: 0)
    let testWorkspace: Workspace
    do {
      testWorkspace = try withFixtures(test, workspace)
    } catch {
      let renderer = DiagnosticRenderer(sources: [workspace.source.path: workspace.source.text])
      result.error = error.diagnostics.map(renderer.render).joined(separator: "\n")
      return result
    }
    let clock = test.clock?.secondsSinceEpoch ?? testWorkspace.clock(override: nil, now: now)
    let run = CampaignRun(workspace: testWorkspace, clock: clock)
    let explainer = Explainer(plan: run.plan)
    for expectation in test.expectations {
      if let failure = check(expectation, run.decisions, explainer, source: workspace.source) {
        result.failures.append(failure)
      }
    }
    return result
  }

  /// The workspace with the test's fixture tables in place of the playbook's.
  static func withFixtures(_ test: PlaybookTest, _ workspace: Workspace) throws(Workspace.Failure) -> Workspace {
    guard !test.fixtures.isEmpty else { return workspace }
    var playbook = workspace.model.playbook
    for (index, statement) in playbook.statements.enumerated() {
      guard case .load(let load) = statement.kind,
        let fixture = test.fixtures.first(where: { $0.table.text == load.table.text })
      else { continue }
      playbook.statements[index].kind = .load(fixture)
    }
    return try Workspace.open(
      playbook: playbook, source: workspace.source, baseDirectory: workspace.baseDirectory)
  }

  static func check(
    _ expectation: Expectation, _ decisions: [Decision], _ explainer: Explainer, source: SourceFile
  ) -> ExpectationFailure? {
    let written = String(source.line(expectation.range.start.line).drop { $0 == " " || $0 == "\t" })
    func failure(_ actual: String, customer: String? = nil, offer: String? = nil) -> ExpectationFailure {
      let explanation = customer.flatMap { try? explainer.explain(customerID: $0) }
      return ExpectationFailure(
        expectation: written, line: expectation.range.start.line, actual: actual,
        explanation: explanation.map { narrowed($0, to: offer) }, explainsEveryRule: offer != nil)
    }
    switch expectation.kind {
    case .gets(let customer, let offer, let channel):
      if let unknown = unknownCustomer(customer.text, explainer) { return failure(unknown) }
      let mine = decisions.filter { $0.customerID == customer.text && $0.offer == offer.text }
      if mine.contains(where: { $0.status == .send && (channel == nil || $0.channel == channel?.text) }) {
        return nil
      }
      let actual =
        mine.first.map { d -> String in
          d.status == .send
            ? "\(customer.text) gets \(offer.text) via \(d.channel ?? "?")"
            : "\(customer.text)'s \(offer.text) is \(d.status.rawValue): \(d.reason)"
        } ?? "no rule offers \(offer.text) to \(customer.text)"
      return failure(actual, customer: customer.text, offer: offer.text)
    case .getsNo(let customer, let offer):
      if let unknown = unknownCustomer(customer.text, explainer) { return failure(unknown) }
      guard
        let sent = decisions.first(where: {
          $0.customerID == customer.text && $0.offer == offer.text && $0.status == .send
        })
      else { return nil }
      return failure(
        "\(customer.text) gets \(offer.text) via \(sent.channel ?? "?") from \(sent.rule)",
        customer: customer.text, offer: offer.text)
    case .getsNothing(let customer):
      if let unknown = unknownCustomer(customer.text, explainer) { return failure(unknown) }
      let sent = decisions.filter { $0.customerID == customer.text && $0.status == .send }
      guard !sent.isEmpty else { return nil }
      return failure(
        "\(customer.text) gets " + sent.map { "\($0.offer) from \($0.rule)" }.joined(separator: ", "),
        customer: customer.text)
    case .audience(let offer, let comparison, let count):
      let size = decisions.lazy.filter { $0.offer == offer.text && $0.status == .send }.count
      let holds: Bool
      switch comparison {
      case .equal: holds = Double(size) == count.value
      case .notEqual: holds = Double(size) != count.value
      case .less: holds = Double(size) < count.value
      case .lessOrEqual: holds = Double(size) <= count.value
      case .greater: holds = Double(size) > count.value
      case .greaterOrEqual: holds = Double(size) >= count.value
      }
      return holds ? nil : failure("the audience of \(offer.text) is \(size)")
    }
  }

  private static func unknownCustomer(_ id: String, _ explainer: Explainer) -> String? {
    do {
      _ = try explainer.customerNumber(id)
      return nil
    } catch {
      return error.message
    }
  }

  /// The explanation, narrowed to the rules that offer `offer` when one is named.
  private static func narrowed(_ explanation: Explanation, to offer: String?) -> Explanation {
    guard let offer else { return explanation }
    var narrowed = explanation
    narrowed.rules = explanation.rules.filter { $0.offers.contains(offer) }
    return narrowed
  }
}
