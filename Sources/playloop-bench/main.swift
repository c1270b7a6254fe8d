import Foundation

// playloop-bench: the example playbook at several data sizes, phase by phase.
// See docs/PERFORMANCE.md for how to read the figures.

let usage = """
  usage: playloop-bench [--sizes 10000,100000,1000000] [--seed 42] [--data DIR]
                        [--playbook FILE] [--repeats 3] [--progress] [--json]

  Generates each size's data with playloop-data unless DIR/data-N-SEED exists
  (DIR defaults to .build/bench, as Benchmarks/compare.py uses), then measures
  load per table, evaluate, decide, export, and, with the data loaded: check,
  shell start, evaluate + decide, re-run after editing one rule (all rules, and the
  shell's incremental :run), and explain.
  Timings with the data loaded are the fastest of --repeats runs. --progress loads
  with the progress line drawn (to nowhere, from the start) as on a terminal.

  """

struct Options {
  var sizes = [10_000, 100_000, 1_000_000]
  var seed = 42
  var dataRoot = ".build/bench"
  var playbook = "Playbooks/service-recovery.playbook"
  var repeats = 3
  var json = false
  var progress = false
  /// The generator's clock, matching the playbook's `as of`.
  var clock = "2026-11-01T00:00:00Z"

  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    func value(_ flag: String) throws -> String {
      guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(usage)") }
      return v
    }
    while let flag = rest.popFirst() {
      switch flag {
      case "--sizes":
        let text = try value(flag)
        sizes = try text.split(separator: ",").map { part in
          guard let n = Int(part.replacingOccurrences(of: "_", with: "")), n > 0 else {
            throw BenchError("--sizes: '\(part)' is not a positive number")
          }
          return n
        }
      case "--seed": seed = Int(try value(flag)) ?? seed
      case "--data": dataRoot = try value(flag)
      case "--playbook": playbook = try value(flag)
      case "--repeats": repeats = max(1, Int(try value(flag)) ?? repeats)
      case "--json": json = true
      case "--progress": progress = true
      case "--help", "-h":
        print(usage, terminator: "")
        exit(0)
      default: throw BenchError("unknown option \(flag)\n\(usage)")
      }
    }
  }
}

do {
  let options = try Options(Array(CommandLine.arguments.dropFirst()))
  guard let text = try? String(contentsOfFile: options.playbook, encoding: .utf8) else {
    throw BenchError("cannot read \(options.playbook) (run from the package folder or pass --playbook)")
  }
  // Point the `load` paths at each size's data folder.
  let playbookText = text.replacingOccurrences(of: "\"../Examples/data/", with: "\"")
  let machine = MachineInfo.current()
  if !options.json {
    print(
      "playloop-bench: \(machine.cores) cores, \(machine.cpu ?? "unknown CPU"), load average \(machine.loadAverage ?? "?")"
        + (options.progress ? ", progress drawn" : "")
    )
  }
  let out = NSTemporaryDirectory() + "playloop-bench-\(getpid())"
  defer { try? FileManager.default.removeItem(atPath: out) }
  var results: [SizeResult] = []
  for size in options.sizes {
    let data = BenchData(customers: size, seed: options.seed, root: options.dataRoot)
    try data.ensure(seed: options.seed, clock: options.clock)
    let benchmark = SizeBenchmark(
      data: data, playbookText: playbookText,
      edit: (rule: "quick_fix_thanks", old: "resolved within 4h", new: "resolved within 6h"),
      out: "\(out)/export-\(size)", repeats: options.repeats, progress: options.progress)
    let result = try benchmark.run()
    results.append(result)
    if !options.json { print("\n" + Report.text(result), terminator: "") }
  }
  if options.json { print(Report.json(results, machine: machine), terminator: "") }
} catch {
  FileHandle.standardError.write(Data("playloop-bench: \(error)\n".utf8))
  exit(2)
}
