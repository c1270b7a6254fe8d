import Foundation
import PlaybookEngine
import PlaybookLanguage

/// A small fixed dataset laid out as the shipped playbooks expect it
/// (`../Examples/data/NAME` from a `Playbooks` folder): the first 400 lines of each example
/// file, written once into a private scratch folder, removed at exit. Fewer
/// lines leave the shipped playbooks no candidates, and the decider untried.
let playbookFolder: String = {
  do {
    return try writeDataset()
  } catch {
    fatalError("cannot write the fuzz dataset: \(error)")
  }
}()

private func writeDataset() throws -> String {
  let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("playloop-fuzz-\(getpid())")
  let data = scratch.appendingPathComponent("Examples/data")
  try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
  try FileManager.default.createDirectory(
    at: scratch.appendingPathComponent("Playbooks"), withIntermediateDirectories: true)
  for name in ["customers.csv", "tickets.csv", "orders.csv", "calls.jsonl"] {
    let text = try String(contentsOf: repository.appendingPathComponent("Examples/data/\(name)"), encoding: .utf8)
    let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(400)
    try (head.joined(separator: "\n") + "\n").write(
      to: data.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  atexit { try? FileManager.default.removeItem(atPath: playbookScratch) }
  return scratch.appendingPathComponent("Playbooks").path
}

/// The scratch folder `playbookFolder` is in, removed at exit.
var playbookScratch: String { (playbookFolder as NSString).deletingLastPathComponent }

/// libFuzzer's entry point: the input is a playbook's text. It is parsed and checked
/// against the small dataset; when it checks, it is planned, evaluated and decided, and
/// three customers are explained. Diagnostics are fine; a crash is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaybook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let source = SourceFile(path: "fuzz.playbook", text: text)
  guard let workspace = try? Workspace.open(source: source, baseDirectory: playbookFolder) else { return 0 }
  let run = CampaignRun(workspace: workspace, clock: workspace.clock(override: nil, now: 1_793_491_200))
  precondition(run.decisions.count <= run.candidates.count)
  let explainer = Explainer(plan: run.plan)
  for customer in ["C-0001", "C-0002", "C-0003"] { _ = try? explainer.explain(customerID: customer) }
  return 0
}
