import ArgumentParser
import PlaybookEngine

/// `playloop explain FILE CUSTOMER`: what would this customer get, and why?
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Show what a customer would get from a playbook, and why.")

  @Argument(help: "The playbook file.") var file: String
  @Argument(help: "The customer's id.") var customer: String
  @Option(help: "Explain only this rule.") var rule: String?
  @Flag(help: "Show rules that never came close too.") var all = false
  @Flag(help: "Print the explanation as JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func run() throws {
    let workspace = try Workspace.openForCommand(path: file)
    if let rule, !workspace.model.rules.contains(where: { $0.rule.name.text == rule }) {
      Terminal.printError("error: no rule '\(rule)' in \(file)")
      throw ExitCode(2)
    }
    let plan = Plan(
      model: workspace.model, dataset: workspace.dataset,
      clock: workspace.clock(override: try clock.seconds(), now: Terminal.now()))
    do {
      let explanation = try Explainer(plan: plan).explain(customerID: customer, rule: rule)
      print(json ? explanation.json.prettyText : explanation.text(all: all), terminator: "")
    } catch {
      Terminal.printError("error: \(error.message)")
      throw ExitCode(2)
    }
  }
}
